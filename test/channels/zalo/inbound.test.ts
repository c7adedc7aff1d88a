// Zalo messages in, replies out, through startZalo with a fake zca-js session and the demo data:
// Vietnamese phrasings with and without diacritics or slash, registration by invitation,
// strangers, numbered choices, configured groups only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderPlain } from '../../../src/channels/plain.ts';
import { startZalo, type ZaloService } from '../../../src/channels/zalo/start.ts';
import { zca } from '../../../src/channels/zalo/zca.ts';
import { handleButton, handleMessage } from '../../../src/commands/router.ts';
import type { Asker } from '../../../src/commands/types.ts';
import { loadConfig } from '../../../src/config.ts';
import { seedDemo } from '../../../src/demo/seed.ts';
import { t } from '../../../src/i18n/translate.ts';
import { createInvite } from '../../../src/org/invites.ts';
import { testDatabase, type TestDatabase } from '../../support/database.ts';
import { FakeClock } from '../../support/clock.ts';
import { FakeZalo, groupMessage, OWN_ID, userMessage } from './fake-zalo.ts';
import { captureLog } from './log-capture.ts';
import { createServices, type Services } from '../../../src/core/services.ts';

const now = new Date('2026-11-27T02:00:00Z'); // Friday 09:00 in Vietnam
const STRANGER = '7001000000000000009';
const CHAIR = '7001000000000000001'; // will be linked to ct-xbs
const DEPUTY = '7001000000000000002'; // will be linked to pct-xbs
const GROUP = '9001000000000000001';
const OTHER_GROUP = '9001000000000000002';
const CLOSED_GROUP = '9001000000000000003';

let database: TestDatabase;
let services: Services;
let dir: string;

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database, { seed: 5, now });
  const { log } = captureLog();
  services = createServices({ database, config: loadConfig({}), log });
  dir = mkdtempSync(join(tmpdir(), 'dunghan-zalo-'));
  writeFileSync(join(dir, 'zalo.json'), JSON.stringify({ imei: 'test-imei', userAgent: 'test-agent', cookie: [{ key: 'zpw_sek', value: 'x', domain: 'chat.zalo.me' }] }), { mode: 0o600 });
  const { db } = database;
  await db.chatGroup.create({ data: { channel: 'zalo', externalId: GROUP, title: 'UBND xã Bình Sơn', detailAllowed: false } });
  await db.chatGroup.create({ data: { channel: 'zalo', externalId: CLOSED_GROUP, title: 'Nhóm cũ', active: false } });
}, 120_000);
afterAll(async () => {
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

let clock: FakeClock;
let api: FakeZalo;
let zalo: ZaloService;

beforeEach(async () => {
  clock = new FakeClock(now.getTime());
  api = new FakeZalo(() => clock.monotonic());
  zalo = await startZalo({
    services: { ...services, clock },
    credentialsFile: join(dir, 'zalo.json'),
    login: { login: async () => api, loginQR: async () => api },
    saveEveryMs: null,
  });
  api.listener.connect();
  return async () => {
    await clock.run(zalo.stop());
  };
});

/** Delivers messages to the listener and returns what the account sent in answer. */
async function exchange(...messages: ReturnType<typeof userMessage>[]) {
  const before = api.sent.length;
  for (const m of messages) api.listener.emit('message', m);
  await clock.run(zalo.inbound.idle());
  return api.sent.slice(before);
}

async function link(uid: string, official: string): Promise<void> {
  const o = await database.db.official.findUniqueOrThrow({ where: { code: official } });
  const existing = await database.db.chatIdentity.findUnique({ where: { channel_externalId: { channel: 'zalo', externalId: uid } } });
  if (existing?.active) return;
  const { code } = await createInvite(database.db, o.id, { now, createdBy: 'test' });
  const [reply] = await exchange(userMessage(uid, `đăng ký ${code}`));
  expect(reply!.msg).toBe(t('dangky-linked', { name: o.fullName, title: o.title }));
}

describe('private chats', () => {
  it('gives a stranger only the registration hint', async () => {
    for (const text of ['tiến độ', '/quahan', 'hồ sơ 000.21.12.H55-261120-0001']) {
      const sent = await exchange(userMessage(STRANGER, text));
      expect(sent.map((s) => [s.threadId, s.type])).toEqual([[STRANGER, zca.ThreadType.User]]);
      expect(sent[0]!.msg.split('\n')[0]).toBe(t('chat-stranger'));
    }
  });

  it('registers by invitation ("đăng ký <mã>"), then answers /tiendo', async () => {
    await link(CHAIR, 'ct-xbs');
    const identity = await database.db.chatIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'zalo', externalId: CHAIR } }, include: { official: true } });
    expect(identity.official.code).toBe('ct-xbs');
    expect(identity.displayName).toBe('Nguyễn Văn Test');
    const [reply] = await exchange(userMessage(CHAIR, '/tiendo'));
    expect(reply!.msg).toMatch(/^📊 Tiến độ giải quyết hồ sơ — /);
  });

  it.each([
    ['tiến độ', /^📊 Tiến độ giải quyết hồ sơ — /],
    ['tien do', /^📊 Tiến độ giải quyết hồ sơ — /],
    ['Tiến độ xã Bình Sơn tháng này', /^📊 Tiến độ giải quyết hồ sơ — /],
    ['/tiendo', /^📊 Tiến độ giải quyết hồ sơ — /],
    ['quá hạn', /quá hạn/i],
    ['qua han', /quá hạn/i],
    ['/quahan', /quá hạn/i],
    ['sắp đến hạn', /hạn/i],
  ])('answers "%s" like the command layer does', async (text, pattern) => {
    await link(CHAIR, 'ct-xbs');
    const sent = await exchange(userMessage(CHAIR, text));
    const asker: Asker = { channel: 'zalo', externalId: CHAIR, chat: { kind: 'private' } };
    const expected = await handleMessage(services, asker, text, now);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent[0]!.msg).toMatch(pattern);
    expect(sent.map((s) => s.msg).join('\n')).toBe(expected.map((r) => renderPlain(r).text).join('\n'));
  });

  it('answers "hồ sơ <mã>" with the dossier', async () => {
    await link(CHAIR, 'ct-xbs');
    const d = await database.db.dossier.findFirstOrThrow({ where: { unit: { code: 'XBS-VP' } }, orderBy: { code: 'asc' } });
    const [reply] = await exchange(userMessage(CHAIR, `hồ sơ ${d.code}`));
    expect(reply!.msg).toContain(`📁 Hồ sơ ${d.code}`);
  });

  it('shows buttons as numbered choices, and "1" presses the first', async () => {
    await link(CHAIR, 'ct-xbs');
    const asker: Asker = { channel: 'zalo', externalId: CHAIR, chat: { kind: 'private' } };
    const [first] = await handleMessage(services, asker, 'tiến độ', now);
    const button = first!.buttons!.flat()[0]!;
    const [shown] = await exchange(userMessage(CHAIR, 'tiến độ'));
    expect(shown!.msg).toContain(`${t('plain-choices')}\n  1. ${button.text}`);
    const pressed = await exchange(userMessage(CHAIR, '1'));
    const expected = renderPlain(await handleButton(services, asker, button.data, now)).text;
    expect(pressed.map((s) => s.msg).join('\n')).toBe(expected);
  });

  it('treats a number with no choices shown as an ordinary message', async () => {
    await link(CHAIR, 'ct-xbs');
    const sent = await exchange(userMessage(CHAIR, '7'));
    expect(sent[0]!.msg).toBe(t('chat-not-understood'));
  });

  it('says it reads only text when sent a photo or sticker', async () => {
    const sent = await exchange(userMessage(STRANGER, { title: '', description: '', href: 'https://photo', thumb: '', childnumber: 0, action: '', params: '', type: '' }));
    expect(sent.map((s) => s.msg)).toEqual([t('zalo-text-only')]);
  });

  it('ignores the account\'s own messages', async () => {
    const own = userMessage('0', 'tiến độ');
    expect(own.isSelf).toBe(true);
    expect(await exchange(own)).toEqual([]);
  });

  it('answers one person at most a few times a minute', async () => {
    const flood = Array.from({ length: 12 }, (_, i) => userMessage('7001000000000000077', `xin chào ${i}`));
    expect(await exchange(...flood)).toHaveLength(8);
  });
});

describe('groups', () => {
  it('answers in a configured group, by group thread, with group scope', async () => {
    await link(CHAIR, 'ct-xbs');
    const sent = await exchange(groupMessage(GROUP, CHAIR, 'tiến độ'));
    expect(sent.map((s) => [s.threadId, s.type])).toEqual([[GROUP, zca.ThreadType.Group]]);
    expect(sent[0]!.msg).toMatch(/^📊 Tiến độ giải quyết hồ sơ — /);
    const asker: Asker = { channel: 'zalo', externalId: CHAIR, chat: { kind: 'group', id: GROUP } };
    const [expected] = await handleMessage(services, asker, 'quá hạn', now);
    const [list] = await exchange(groupMessage(GROUP, CHAIR, 'quá hạn'));
    expect(list!.msg).toBe(renderPlain(expected!).text);
  });

  it('answers when the account is mentioned', async () => {
    await link(CHAIR, 'ct-xbs');
    const text = '@Đúng Hạn tiến độ';
    const sent = await exchange(groupMessage(GROUP, CHAIR, text, [{ uid: OWN_ID, pos: 0, len: 9, type: 0 }]));
    expect(sent[0]!.msg).toMatch(/^📊 Tiến độ giải quyết hồ sơ — /);
  });

  it('stays silent in groups that are not configured or no longer active, and at chatter', async () => {
    await link(CHAIR, 'ct-xbs');
    expect(await exchange(groupMessage(OTHER_GROUP, CHAIR, 'tiến độ'))).toEqual([]);
    expect(await exchange(groupMessage(CLOSED_GROUP, CHAIR, 'tiến độ'))).toEqual([]);
    expect(await exchange(groupMessage(GROUP, CHAIR, 'chào cả nhà, chiều nay họp nhé'))).toEqual([]);
    expect(await exchange(groupMessage(GROUP, CHAIR, { title: 'ảnh', description: '', href: '', thumb: '', childnumber: 0, action: '', params: '', type: '' }))).toEqual([]);
  });

  it('keeps each member\'s numbered choices to themselves', async () => {
    await link(CHAIR, 'ct-xbs');
    await link(DEPUTY, 'pct-xbs');
    const [shown] = await exchange(groupMessage(GROUP, CHAIR, 'tiến độ'));
    expect(shown!.msg).toContain('  1. ');
    expect(await exchange(groupMessage(GROUP, DEPUTY, '1'))).toEqual([]);
    const pressed = await exchange(groupMessage(GROUP, CHAIR, '1'));
    expect(pressed).toHaveLength(1);
    expect(pressed[0]!.type).toBe(zca.ThreadType.Group);
  });
});
