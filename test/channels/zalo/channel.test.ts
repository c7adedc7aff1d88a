// The Zalo channel against a fake zca-js session: addressing users and groups, text and images,
// numbered choices, zca-js errors as ChannelErrors, pacing on a fake clock, no repeated texts.
import { describe, expect, it } from 'vitest';
import { ChannelError, ImageNotSent } from '../../../src/core/channel.ts';
import type { ZaloAddress } from '../../../src/channels/zalo/address.ts';
import { ChoiceMemory } from '../../../src/channels/zalo/choices.ts';
import { RATE_LIMIT_RETRY_MS } from '../../../src/channels/zalo/errors.ts';
import { ZALO_MAX_TEXT, ZaloChannel, type ZaloChannelOptions } from '../../../src/channels/zalo/zalo-channel.ts';
import { zca } from '../../../src/channels/zalo/zca.ts';
import { FakeClock } from '../../support/clock.ts';
import { FakeZalo, zaloError } from './fake-zalo.ts';
import { captureLog } from './log-capture.ts';
import { CHART_PNG } from './png-fixture.ts';

const USER = '7001000000000000001';
const USER2 = '7001000000000000002';
const USER3 = '7001000000000000003';
const GROUP = '9001000000000000001';

function setup(options: Partial<ZaloChannelOptions> = {}) {
  const clock = new FakeClock();
  const api = new FakeZalo(() => clock.monotonic());
  const { log, lines } = captureLog();
  const channel = new ZaloChannel({
    api,
    log,
    clock,
    minIntervalMs: 4000,
    groups: { known: (id) => id === GROUP, check: async (id) => id === GROUP },
    nameOf: async (a: ZaloAddress) => (a.kind === 'group' ? 'Nhóm Bình Sơn' : a.id === USER2 ? 'Trần Thị Hoa' : 'Nguyễn Văn An'),
    ...options,
  });
  /** Sends and lets the fake clock run until the send settles. */
  const send = (address: string, message: Parameters<ZaloChannel['send']>[1]) => clock.run(channel.send(address, message));
  const failure = async (address: string, message: Parameters<ZaloChannel['send']>[1]): Promise<ChannelError> => {
    const e = await send(address, message).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(ChannelError);
    return e as ChannelError;
  };
  return { clock, api, channel, lines, send, failure };
}

describe('addresses', () => {
  it('sends to a user by bare id or u:, to a group by g: or by a bare id configured as a group', async () => {
    const { api, channel, send } = setup();
    await send(USER, { text: 'một' });
    await send(`u:${USER2}`, { text: 'hai' });
    await send(`g:${GROUP}`, { text: 'ba' });
    await send(GROUP, { text: 'bốn' });
    expect(api.sent.map((s) => [s.threadId, s.type, s.msg])).toEqual([
      [USER, zca.ThreadType.User, 'một'],
      [USER2, zca.ThreadType.User, 'hai'],
      [GROUP, zca.ThreadType.Group, 'ba'],
      [GROUP, zca.ThreadType.Group, 'bốn'],
    ]);
    expect(channel.isGroup(GROUP)).toBe(true);
    expect(channel.isGroup(`g:${USER}`)).toBe(true);
    expect(channel.isGroup(USER)).toBe(false);
    expect(channel.externalIdOf(`g:${GROUP}`)).toBe(GROUP);
    expect(channel.name).toBe('zalo');
  });

  it('refuses what is not a Zalo address as unreachable, and an empty message as rejected', async () => {
    const { failure, api } = setup();
    expect((await failure('@someone', { text: 'x' })).kind).toBe('unreachable');
    expect((await failure('x:123', { text: 'x' })).kind).toBe('unreachable');
    expect((await failure(USER, { text: '  ' })).kind).toBe('rejected');
    expect(api.sent).toEqual([]);
  });
});

describe('text, images and choices', () => {
  it('sends an image (PNG buffer with its size) with its caption, to a user and to a group, after the text', async () => {
    const { api, send } = setup();
    await send(USER, { text: 'Bản tin tuần', image: { png: CHART_PNG, caption: 'Biểu đồ tỷ lệ đúng hạn' } });
    await send(`g:${GROUP}`, { text: 'Bản tin tuần của nhóm', image: { png: CHART_PNG } });
    expect(api.sent.map((s) => [s.threadId, s.type, s.msg, s.attachments.length])).toEqual([
      [USER, zca.ThreadType.User, 'Bản tin tuần', 0],
      [USER, zca.ThreadType.User, 'Biểu đồ tỷ lệ đúng hạn', 1],
      [GROUP, zca.ThreadType.Group, 'Bản tin tuần của nhóm', 0],
      [GROUP, zca.ThreadType.Group, '', 1],
    ]);
    const a = api.sent[1]!.attachments[0]!;
    expect(a.data.equals(CHART_PNG)).toBe(true);
    expect(a.filename).toMatch(/\.png$/);
    expect(a.metadata).toEqual({ totalSize: CHART_PNG.length, width: 40, height: 20 });
  });

  it('refuses an image that is not a PNG', async () => {
    const { failure } = setup();
    expect((await failure(USER, { text: '', image: { png: Buffer.from('GIF89a…') } })).kind).toBe('rejected');
  });

  it('a text-and-image message whose image fails says only the image is left, which the outbox then sends alone', async () => {
    const { api, failure, send } = setup();
    const message = { text: 'Bản tin tuần', image: { png: CHART_PNG } };
    api.succeedNext();
    api.failNext(new TypeError('fetch failed'));
    const e = await failure(USER, message);
    expect([e instanceof ImageNotSent, e.kind, e.message]).toEqual([true, 'transient', 'image: fetch failed']);
    await send(USER, { text: '', image: message.image });
    expect(api.sent.map((s) => [s.msg, s.attachments.length])).toEqual([['Bản tin tuần', 0], ['', 1]]);
  });

  it('shows buttons as numbered choices and remembers them for the chat', async () => {
    const choices = new ChoiceMemory(new FakeClock());
    const { api, send } = setup({ choices });
    await send(USER, { text: 'Hồ sơ 000.00.12.H55-260105-0001 quá hạn 2 ngày.', buttons: [[{ text: 'Xác nhận đã xử lý', data: 'xn:1' }, { text: 'Nhắc lại sau', data: 'xn:2' }]] });
    expect(api.sent[0]!.msg).toContain('1. Xác nhận đã xử lý');
    expect(api.sent[0]!.msg).toContain('2. Nhắc lại sau');
    expect(choices.pick([`u:${USER}`], 2)?.data).toBe('xn:2');
  });

  it('splits a reply longer than a Zalo message', async () => {
    const { api, channel, clock } = setup();
    const long = Array.from({ length: 120 }, (_, i) => `Dòng ${i + 1}: hồ sơ 000.00.12.H55-260105-${String(i).padStart(4, '0')} quá hạn`).join('\n');
    await clock.run(channel.reply({ kind: 'user', id: USER }, { text: long }, `u:${USER}`));
    expect(api.sent.length).toBeGreaterThan(1);
    for (const s of api.sent) expect(s.msg.length).toBeLessThanOrEqual(ZALO_MAX_TEXT);
    expect(api.sent.map((s) => s.msg).join('\n')).toBe(long);
  });
});

async function channelFailure(p: Promise<void>): Promise<ChannelError | null> {
  return p.then(() => null, (e: unknown) => e as ChannelError);
}

describe('errors from Zalo', () => {
  it('maps the rate limit (221) to rate_limited, and pauses the whole account', async () => {
    const { api, failure, lines } = setup();
    api.failNext(zaloError('Vượt quá số request cho phép', 221));
    const e = await failure(USER, { text: 'a' });
    expect(e.kind).toBe('rate_limited');
    expect(e.retryAfterMs).toBe(RATE_LIMIT_RETRY_MS);
    // The next send is refused without asking Zalo.
    const next = await failure(USER2, { text: 'b' });
    expect(next.kind).toBe('rate_limited');
    expect(next.retryAfterMs).toBeGreaterThan(RATE_LIMIT_RETRY_MS - 60_000);
    expect(api.sent).toEqual([]);
    expect(lines.filter((l) => String(l.msg).includes('rate limited')).length).toBe(1);
  });

  it('treats an empty send result (the silent limit after ~20 recipients) as rate_limited', async () => {
    const { api, failure } = setup();
    api.emptyNext();
    expect((await failure(USER, { text: 'a' })).kind).toBe('rate_limited');
  });

  it('maps an HTTP 429 to rate_limited with a short wait', async () => {
    const { api, failure } = setup();
    api.failNext(zaloError('Request failed with status code 429'));
    const e = await failure(USER, { text: 'a' });
    expect(e.kind).toBe('rate_limited');
    expect(e.retryAfterMs).toBe(60_000);
  });

  it('maps a recipient who blocks strangers (122) and a user with no relation (114) to unreachable', async () => {
    const { api, failure } = setup();
    api.failNext(zaloError('Bạn chưa thể gửi tin nhắn đến người này vì người này chặn không nhận tin nhắn từ người lạ.', 122));
    expect((await failure(USER, { text: 'a' })).kind).toBe('unreachable');
    api.failNext(zaloError('Tham số không hợp lệ', 114));
    expect((await failure(USER2, { text: 'b' })).kind).toBe('unreachable');
  });

  it('stops calling recipients unreachable when several in a row are refused (Zalo or zca-js changed)', async () => {
    const { api, failure, send, lines } = setup();
    for (const [i, id] of [USER, USER2, USER3].entries()) {
      api.failNext(zaloError('Tham số không hợp lệ', 114));
      expect((await failure(id, { text: `x${i}` })).kind).toBe(i < 2 ? 'unreachable' : 'transient');
    }
    expect(lines.some((l) => l.level === 50 && String(l.msg).includes('several recipients'))).toBe(true);
    await send(USER, { text: 'ok' });
    api.failNext(zaloError('chặn người lạ', 122));
    expect((await failure(USER2, { text: 'y' })).kind).toBe('unreachable');
  });

  it('maps a lost session to transient and says once how to log in again', async () => {
    const { api, failure, lines } = setup();
    api.failNext(zaloError('zpw_sek bị thiếu hoặc không đúng', 600), zaloError('zpw_sek bị thiếu hoặc không đúng', 600));
    expect((await failure(USER, { text: 'a' })).kind).toBe('transient');
    expect((await failure(USER2, { text: 'b' })).kind).toBe('transient');
    expect(lines.filter((l) => String(l.msg).includes('dunghan zalo login')).length).toBe(1);
  });

  it('maps network failures and unknown codes to transient, and zca-js refusing the message to rejected', async () => {
    const { api, failure } = setup();
    api.failNext(new TypeError('fetch failed'));
    expect((await failure(USER, { text: 'a' })).kind).toBe('transient');
    api.failNext(zaloError('Retry limit', -69));
    expect((await failure(USER, { text: 'b' })).kind).toBe('transient');
    api.failNext(zaloError('Request failed with status code 502'));
    expect((await failure(USER, { text: 'c' })).kind).toBe('transient');
    api.failNext(zaloError('Missing message content'));
    expect((await failure(USER, { text: 'd' })).kind).toBe('rejected');
  });
});

describe('pacing', () => {
  it('never starts two sends closer than ZALO_MIN_INTERVAL_MS, however many are queued', async () => {
    const { api, channel, clock } = setup({ maxWaitMs: 60_000 });
    const recipients = ['7001', '7002', '7003', '7004', '7005', '7006'];
    await clock.run(Promise.all(recipients.map((r, i) => channel.send(r, { text: `Tin số ${i + 1}` }))));
    expect(api.sent).toHaveLength(6);
    const times = api.sent.map((s) => s.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(4000);
  });

  it('refuses, as rate_limited with the wait, an outbox send that would queue too long', async () => {
    const { channel, clock } = setup({ maxWaitMs: 12_000 });
    const queued = ['7001', '7002', '7003', '7004'].map((r) => channelFailure(channel.send(r, { text: `tin ${r}` })));
    const refused = await clock.run(channelFailure(channel.send('7005', { text: 'tin 7005' })));
    expect(refused?.kind).toBe('rate_limited');
    expect(refused?.retryAfterMs).toBe(16_000);
    expect(await clock.run(Promise.all(queued))).toEqual([null, null, null, null]);
  });

  it('keeps to an hourly budget', async () => {
    const { channel, clock, api } = setup({ minIntervalMs: 0, maxPerHour: 3 });
    for (const r of ['7001', '7002', '7003']) await clock.run(channel.send(r, { text: `tin ${r}` }));
    const e = await clock.run(channelFailure(channel.send('7004', { text: 'tin 7004' })));
    expect(e?.kind).toBe('rate_limited');
    expect(e?.retryAfterMs).toBeGreaterThan(3_500_000);
    expect(api.sent).toHaveLength(3);
  });

  it('tells the dispatcher the same spacing in its limits', () => {
    const { channel } = setup({ minIntervalMs: 4000 });
    expect(channel.limits.overall).toEqual({ count: 1, windowMs: 4000 });
    expect(channel.maxText).toBeLessThanOrEqual(2000);
  });
});

describe('no identical text back to back', () => {
  it('varies a text already sent to someone else with the recipient and the time, readably', async () => {
    const { api, send } = setup();
    const text = 'Chào anh/chị, tuần này có 3 hồ sơ sắp đến hạn.';
    for (const r of [USER, USER2, USER3, `g:${GROUP}`]) await send(r, { text });
    const msgs = api.sent.map((s) => s.msg);
    expect(msgs[0]).toBe(text);
    expect(msgs[1]).toBe(`${text}\n(gửi Trần Thị Hoa lúc 08:00 27/11/2026)`);
    expect(msgs[2]).toBe(`${text}\n(gửi Nguyễn Văn An lúc 08:00 27/11/2026)`);
    expect(msgs[3]).toBe(`${text}\n(gửi Nhóm Bình Sơn lúc 08:00 27/11/2026)`);
    expect(new Set(msgs).size).toBe(msgs.length);
    for (const m of msgs) expect(m).not.toMatch(/[\u200b-\u200f\u2060\ufeff]/);
  });

  it('never sends byte-identical contents, even to one recipient or without names', async () => {
    const { api, send } = setup({ nameOf: async () => null });
    for (let i = 0; i < 4; i++) await send(USER, { text: 'Đã nhận.' });
    for (const r of [USER, USER2]) await send(r, { text: '', image: { png: CHART_PNG, caption: 'Biểu đồ' } });
    const msgs = api.sent.map((s) => s.msg);
    expect(msgs.slice(0, 4)).toEqual([
      'Đã nhận.',
      'Đã nhận.\n(gửi lúc 08:00 27/11/2026)',
      'Đã nhận.\n(gửi lúc 08:00 27/11/2026, lần 2)',
      'Đã nhận.\n(gửi lúc 08:00 27/11/2026, lần 3)',
    ]);
    expect(msgs.slice(4)).toEqual(['Biểu đồ', 'Biểu đồ\n(gửi lúc 08:00 27/11/2026)']);
  });

  it('sends a text unchanged again once the window has passed', async () => {
    const { api, send, clock } = setup();
    await send(USER, { text: 'Nhắc việc' });
    await clock.advance(61 * 60_000);
    await send(USER2, { text: 'Nhắc việc' });
    expect(api.sent.map((s) => s.msg)).toEqual(['Nhắc việc', 'Nhắc việc']);
  });
});
