// Delivery failures, through the real dispatcher and the Telegram channel, against a stub Bot
// API server: 429 waits its retry_after, 5xx and network errors back off and end dead after
// maxAttempts, 403 / chat not found deactivate the identity and tell the admins once, nothing
// is retried forever — and the token appears in no stored error and no log line.
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { telegramChannel } from '../../../src/channels/telegram/channel.ts';
import { createLogger } from '../../../src/log.ts';
import { enqueue, storeAttachment } from '../../../src/outbox/enqueue.ts';
import { Dispatcher } from '../../../src/outbox/dispatcher.ts';
import { freePort } from './support/emulator.ts';
import { apiError, startStubBotApi, type StubAnswer, type StubBotApi, type StubCall } from './support/stub-bot-api.ts';
import { TOKEN, world, type World } from './support/world.ts';
import { clockReading } from '../../support/clock.ts';

let stub: StubBotApi;
let w: World;
let clock: Date;
let logs = '';
const log = createLogger({ LOG_LEVEL: 'debug', LOG_PRETTY: '0' }, new Writable({ write: (c, _e, cb) => ((logs += String(c)), cb()) }));
const SECRET = TOKEN.slice(TOKEN.indexOf(':') + 1);

beforeAll(async () => {
  stub = await startStubBotApi();
});
afterAll(async () => {
  await stub.close();
  // Nothing logged anywhere in this file holds the token or its secret half.
  expect(logs).not.toContain(SECRET);
});

beforeEach(async () => {
  w = await world();
  const { db } = w.database;
  await db.chatIdentity.create({ data: { officialId: w.officials.tpo, channel: 'telegram', externalId: '1001' } });
  await db.chatIdentity.create({ data: { officialId: w.officials.admin, channel: 'telegram', externalId: '7000' } });
  clock = new Date('2026-12-04T01:30:00Z');
  stub.calls.length = 0;
  stub.respond = undefined;
});
afterEach(async () => w.database.drop());

function dispatcher(apiRoot = stub.url) {
  const channel = telegramChannel({ token: TOKEN, apiRoot, log, timeoutSeconds: 1 });
  const channels = new Map([['telegram', channel]] as const);
  return new Dispatcher({ database: w.database, channels, log, maxAttempts: 3, clock: clockReading(() => clock), backoffMs: 1_000, random: () => 1 });
}

async function message(key: string, address = '1001') {
  await enqueue(w.database.db, w.database.target.engine, [{ dedupKey: key, officialId: address === '1001' ? w.officials.tpo : null, channel: 'telegram', address, kind: 'overdue', payload: { text: `nhắc ${key}` }, notBefore: clock }], clock);
}

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(2000, 7)]);

/** A digest as the weekly run writes it: text, and the chart with its caption. */
async function digestRow(key: string, address = '1001') {
  const sha256 = await storeAttachment(w.database.db, PNG, clock);
  await enqueue(w.database.db, w.database.target.engine, [{
    dedupKey: key, officialId: null, channel: 'telegram', address, kind: 'digest',
    payload: { text: '📊 Bản tin tuần: đúng hạn 95,20%', image: { sha256, caption: 'Biểu đồ tỷ lệ đúng hạn' } }, notBefore: clock,
  }], clock);
}

/** Answers the first calls to `method` as listed, then successfully. */
function script(method: string, answers: StubAnswer[]) {
  let n = 0;
  stub.respond = (call) => (call.method === method ? answers[n++] : undefined);
}

const row = (key: string) => w.database.db.outbox.findUniqueOrThrow({ where: { dedupKey: key } });
const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
const sends = (chat: string) => stub.of('sendMessage').filter((c) => String(c.fields.chat_id) === chat);

describe('Telegram delivery errors', () => {
  it('429: waits retry_after before trying again; the wait does not count as an attempt', async () => {
    const d = dispatcher();
    await message('a');
    script('sendMessage', [apiError(429, 'Too Many Requests: retry after 7', { retry_after: 7 })]);
    await d.runOnce();
    let r = await row('a');
    expect(r).toMatchObject({ status: 'pending', attempts: 0 });
    expect(r.nextAttemptAt.getTime() - clock.getTime()).toBe(7_000);
    expect(r.lastError).toBe('rate_limited: sendMessage: 429 Too Many Requests: retry after 7');

    later(6_999);
    expect(await d.runOnce()).toBe(0);
    expect(sends('1001')).toHaveLength(1);
    later(1);
    expect(await d.runOnce()).toBe(1);
    r = await row('a');
    expect(r).toMatchObject({ status: 'sent', attempts: 1 });
    expect(sends('1001')).toHaveLength(2);
  });

  it('5xx (an HTML error page, then a JSON 500): retried with backoff, then sent', async () => {
    const d = dispatcher();
    await message('b');
    script('sendMessage', [{ status: 502, raw: true, body: '<html>502 Bad Gateway</html>' }, apiError(500, 'Internal Server Error')]);
    await d.runOnce();
    let r = await row('b');
    expect(r).toMatchObject({ status: 'pending', attempts: 1 });
    expect(r.lastError).toMatch(/^transient: Network request for 'sendMessage' failed!/);
    expect(r.nextAttemptAt.getTime() - clock.getTime()).toBe(1_000);
    later(1_000);
    await d.runOnce();
    r = await row('b');
    expect(r).toMatchObject({ status: 'pending', attempts: 2, lastError: 'transient: sendMessage: 500 Internal Server Error' });
    expect(r.nextAttemptAt.getTime() - clock.getTime()).toBe(2_000);
    later(2_000);
    await d.runOnce();
    expect(await row('b')).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('network errors (connection dropped, refused, no answer): transient, and dead after maxAttempts with the admins told', async () => {
    const d = dispatcher();
    await message('c');
    script('sendMessage', ['reset', 'hang']);
    await d.runOnce();
    expect(await row('c')).toMatchObject({ status: 'pending', attempts: 1 });
    later(1_000);
    const t0 = Date.now();
    await d.runOnce();
    expect(Date.now() - t0).toBeLessThan(5_000); // the channel's own timeout, not the dispatcher's 30 s
    expect(await row('c')).toMatchObject({ status: 'pending', attempts: 2 });

    // Nothing listens on this port: connection refused.
    const closed = dispatcher(`http://127.0.0.1:${await freePort()}`);
    later(2_000);
    await closed.runOnce();
    const r = await row('c');
    expect(r.status).toBe('dead');
    expect(r.lastError).toMatch(/^transient: Network request for 'sendMessage' failed! \(ECONNREFUSED\)/);
    expect(r.lastError).not.toContain(SECRET);
    const notices = await w.database.db.outbox.findMany({ where: { kind: 'admin' } });
    expect(notices.map((n) => n.address)).toEqual(['7000']);
    expect(JSON.parse(notices[0]!.payload).text).toContain('Không gửi được tin nhắn');
    // The identity is kept: a network failure is not the recipient's doing.
    expect((await w.database.db.chatIdentity.findFirstOrThrow({ where: { externalId: '1001' } })).active).toBe(true);
  });

  it('403 (bot blocked): the identity is deactivated, the admins are told once, nothing is retried', async () => {
    const d = dispatcher();
    await message('d1');
    stub.respond = (call) => (call.method === 'sendMessage' && call.fields.chat_id === '1001' ? apiError(403, 'Forbidden: bot was blocked by the user') : undefined);
    await d.runOnce();
    expect(await row('d1')).toMatchObject({ status: 'dead', lastError: 'unreachable: sendMessage: 403 Forbidden: bot was blocked by the user' });
    const identity = await w.database.db.chatIdentity.findFirstOrThrow({ where: { externalId: '1001' } });
    expect(identity).toMatchObject({ active: false, deactivatedWhy: 'sendMessage: 403 Forbidden: bot was blocked by the user' });

    // A second message already queued for the same chat fails the same way; the admins hear once.
    await message('d2');
    later(60_000);
    await d.runOnce();
    later(60_000);
    await d.runOnce();
    await d.runOnce();
    expect(await row('d2')).toMatchObject({ status: 'dead' });
    expect(sends('1001')).toHaveLength(2); // one try per message, never again
    const notices = await w.database.db.outbox.findMany({ where: { kind: 'admin' } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ address: '7000', status: 'sent' });
    expect(sends('7000')[0]!.fields.text).toContain('người nhận đã chặn bot');
  });

  it('an error answer not shaped like the Bot API’s (an emulator’s, a proxy’s) keeps its own description in lastError and the log, never the token', async () => {
    const d = dispatcher();
    await message('h');
    const before = logs.length;
    script('sendMessage', [
      { status: 500, body: { message: `API method 'sendMessage' is not supported (/bot${TOKEN}/sendMessage).` } },
      { status: 502, raw: true, body: '<html>502 Bad Gateway</html>' },
    ]);
    await d.runOnce();
    const described = "transient: sendMessage: API method 'sendMessage' is not supported (/bot***/sendMessage).";
    expect(await row('h')).toMatchObject({ status: 'pending', lastError: described });
    expect(logs.slice(before)).toContain(described.slice('transient: '.length));
    later(1_000);
    await d.runOnce();
    // A page that is not JSON at all: what the parser said of it.
    expect((await row('h')).lastError).toMatch(/^transient: Network request for 'sendMessage' failed! \(\w+Error: .*<html>502.*not valid JSON\)$/);
    expect(logs.slice(before)).not.toContain(SECRET);
  });

  it('a photo that fails: the digest text arrives at once, then only the image is tried again until it goes', async () => {
    const d = dispatcher();
    await digestRow('i');
    const unsupported = { status: 500, body: { message: "API method 'sendPhoto' is not supported." } };
    script('sendPhoto', [unsupported, unsupported]);
    await d.runOnce();
    expect(sends('1001').map((c) => c.fields.text)).toEqual(['📊 Bản tin tuần: đúng hạn 95,20%']);
    expect(await row('i')).toMatchObject({ status: 'pending', attempts: 1, lastError: "transient: image: sendPhoto: API method 'sendPhoto' is not supported." });
    later(1_000);
    await d.runOnce();
    expect(await row('i')).toMatchObject({ status: 'pending', attempts: 2 });
    later(2_000);
    await d.runOnce();
    expect(await row('i')).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(sends('1001')).toHaveLength(1); // the text once, whatever the image did
    const photo = (c: StubCall) => c.files[/^attach:\/\/(.+)$/.exec(String(c.fields.photo))?.[1] ?? '']?.data.length;
    expect(stub.of('sendPhoto').map((c) => [String(c.fields.chat_id), c.fields.caption, photo(c)])).toEqual(Array(3).fill(['1001', 'Biểu đồ tỷ lệ đúng hạn', PNG.length]));
  });

  it('a photo that keeps failing ends dead after maxAttempts with the admins told once; one Telegram refuses outright is dead at once', async () => {
    const d = dispatcher();
    await digestRow('j');
    stub.respond = (call) => (call.method === 'sendPhoto' ? { status: 500, body: { message: 'no photos today' } } : undefined);
    for (const wait of [0, 1_000, 2_000, 4_000]) {
      later(wait);
      await d.runOnce();
    }
    expect(await row('j')).toMatchObject({ status: 'dead', attempts: 3, lastError: 'transient: image: sendPhoto: no photos today' });
    expect(stub.of('sendPhoto')).toHaveLength(3);
    expect(sends('1001')).toHaveLength(1);
    expect(sends('7000').map((c) => String(c.fields.text))).toEqual([expect.stringContaining('no photos today')]);

    await digestRow('k', '1002');
    await w.database.db.chatIdentity.create({ data: { officialId: w.officials.ctc, channel: 'telegram', externalId: '1002' } });
    stub.respond = (call) => (call.method === 'sendPhoto' ? apiError(400, 'Bad Request: not enough rights to send photos to the chat') : undefined);
    later(60_000);
    await d.runOnce();
    expect(await row('k')).toMatchObject({ status: 'dead', attempts: 1, lastError: 'rejected: image: sendPhoto: 400 Bad Request: not enough rights to send photos to the chat' });
    expect(sends('1002')).toHaveLength(1);
    // The chat took the text: it is not deactivated.
    expect((await w.database.db.chatIdentity.findFirstOrThrow({ where: { externalId: '1002' } })).active).toBe(true);
  });

  it('400 chat not found is unreachable; another 400 is rejected without touching the identity; 401 is the service\'s fault', async () => {
    const d = dispatcher();
    await message('e', '-1001234');
    await message('f');
    await message('g', '1002');
    await w.database.db.chatGroup.create({ data: { channel: 'telegram', externalId: '-1001234', title: 'Nhóm', createdAt: clock } });
    await w.database.db.chatIdentity.create({ data: { officialId: w.officials.ctc, channel: 'telegram', externalId: '1002' } });
    stub.respond = (call) => {
      if (call.method !== 'sendMessage') return undefined;
      if (call.fields.chat_id === '-1001234') return apiError(400, 'Bad Request: chat not found');
      if (call.fields.chat_id === '1001') return apiError(400, "Bad Request: can't parse entities: unsupported start tag");
      if (call.fields.chat_id === '1002') return apiError(401, 'Unauthorized');
      return undefined;
    };
    await d.runOnce();
    expect(await row('e')).toMatchObject({ status: 'dead', lastError: 'unreachable: sendMessage: 400 Bad Request: chat not found' });
    expect((await w.database.db.chatGroup.findFirstOrThrow()).active).toBe(false);
    expect(await row('f')).toMatchObject({ status: 'dead', lastError: "rejected: sendMessage: 400 Bad Request: can't parse entities: unsupported start tag" });
    expect((await w.database.db.chatIdentity.findFirstOrThrow({ where: { externalId: '1001' } })).active).toBe(true);
    expect(await row('g')).toMatchObject({ status: 'pending', lastError: 'transient: sendMessage: 401 Unauthorized' });
    expect((await w.database.db.chatIdentity.findFirstOrThrow({ where: { externalId: '1002' } })).active).toBe(true);
  });
});
