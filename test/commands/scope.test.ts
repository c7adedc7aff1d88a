// Every command by every role, in and out of scope; strangers; invites; personal data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleButton, handleMessage } from '../../src/commands/router.ts';
import type { Asker } from '../../src/commands/types.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { t } from '../../src/i18n/translate.ts';
import { createInvite } from '../../src/org/invites.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import type { Message } from '../../src/core/message.ts';
import { createServices, type Services } from '../../src/core/services.ts';

const now = new Date('2026-11-27T02:00:00Z'); // Friday 09:00 in Vietnam
let database: TestDatabase;
let services: Services;

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database, { seed: 5, now });
  services = createServices({ database, config: loadConfig({}), log: createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' }) });
}, 120_000);
afterAll(async () => database.drop());

const as = (code: string): Asker => ({ channel: 'console', externalId: code, chat: { kind: 'private' } });
const ask = async (asker: Asker, text: string): Promise<Message> => {
  const replies = await handleMessage(services, asker, text, now);
  expect(replies).toHaveLength(1);
  expect(replies[0]!.text.length).toBeLessThanOrEqual(4096);
  return replies[0]!;
};

/** A dossier code of a unit (for /hoso), one that is open and overdue if possible. */
async function codeIn(unitCode: string): Promise<string> {
  const d = await database.db.dossier.findFirst({ where: { unit: { code: unitCode } }, orderBy: { code: 'asc' } });
  return d!.code;
}

// Who sees what in the demo area: [official, a unit they see, a unit they must not see].
const ROLES: [string, string, string, string][] = [
  ['leader', 'ct-qng', 'xã Vạn Tường', ''],
  ['commune chair', 'ct-xbs', 'Phòng Kinh tế xã Bình Sơn', 'xã Vạn Tường'],
  ['deputy', 'pct-xbs', 'Phòng Kinh tế xã Bình Sơn', 'Sở Tư pháp'],
  ['unit head', 'tp-xbs-kt', 'Phòng Kinh tế xã Bình Sơn', 'Văn phòng HĐND và UBND xã Bình Sơn'],
  ['department head', 'gd-stp', 'Sở Tư pháp', 'xã Bình Sơn'],
  ['officer', 'cb-xbm', 'xã Bình Minh', 'xã Bình Sơn'],
  ['reform office', 'tp-cchc', 'Sở Xây dựng', ''],
  ['admin', 'admin', 'xã Đông Sơn', ''],
];

describe.each(ROLES)('%s (%s)', (_role, official, visible, hidden) => {
  it('/tiendo answers for a unit in scope, and defaults to their own area', async () => {
    expect((await ask(as(official), `/tiendo ${visible}`)).text).toMatch(/^📊 Tiến độ giải quyết hồ sơ — /);
    expect((await ask(as(official), '/tiendo')).text).toMatch(/^📊 Tiến độ giải quyết hồ sơ — /);
  });

  it('/hoso shows a dossier in scope and hides one out of scope behind the not-found answer', async () => {
    const tree = await database.db.unit.findMany({ select: { code: true, name: true } });
    const visibleUnit = tree.find((u) => u.name.toLowerCase() === visible.toLowerCase())!;
    const handling = visibleUnit.code.includes('-') || visibleUnit.code.startsWith('S') ? visibleUnit.code : `${visibleUnit.code}-VP`;
    const mine = await codeIn(handling);
    expect((await ask(as(official), `/hoso ${mine}`)).text).toContain(`📁 Hồ sơ ${mine}`);
  });
});

describe.each(ROLES.filter((r) => r[3] !== ''))('%s (%s) out of scope', (_role, official, _visible, hidden) => {
  it('refuses a unit out of scope exactly as one that does not exist', async () => {
    const out = await ask(as(official), `/tiendo ${hidden}`);
    expect(out.text).toMatch(/^Không tìm thấy đơn vị/);
    expect(out.text).not.toContain('Tiến độ');
    for (const b of out.buttons?.flat() ?? []) expect(b.text).not.toBe(hidden.replace(/^xã/, 'Xã'));
    const quahan = await ask(as(official), `/quahan ${hidden}`);
    expect(quahan.text).toMatch(/^Không tìm thấy đơn vị/);
  });

  it('hides a dossier out of scope behind the not-found answer', async () => {
    const tree = await database.db.unit.findMany({ select: { code: true, name: true } });
    const other = tree.find((u) => u.name.toLowerCase() === hidden.toLowerCase())!;
    const theirs = await codeIn(other.code.includes('-') || other.code.startsWith('S') ? other.code : `${other.code}-VP`);
    const refused = await ask(as(official), `/hoso ${theirs}`);
    const missing = await ask(as(official), '/hoso 000.99.99.H55-261127-9999');
    expect(refused.text).toBe(missing.text.replace('000.99.99.H55-261127-9999', theirs));
  });

  it('/quahan and /sapden list only dossiers of units in scope', async () => {
    const viewer = await database.db.official.findUnique({ where: { code: official }, include: { supervises: true } });
    const roots = [viewer!.unitId, ...viewer!.supervises.map((s) => s.unitId)];
    const units = await database.db.unit.findMany();
    const inScope = new Set(units.filter((u) => roots.some((r) => u.path.includes(`/${r}/`))).map((u) => u.id));
    for (const cmd of ['/quahan', '/sapden']) {
      const text = (await ask(as(official), cmd)).text;
      const codes = [...text.matchAll(/\d{3}\.\d{2}\.\d{2}\.H55-\d{6}-\d{4}/g)].map((m) => m[0]);
      const rows = await database.db.dossier.findMany({ where: { code: { in: codes } } });
      expect(rows).toHaveLength(codes.length);
      for (const r of rows) expect(inScope.has(r.unitId), r.code).toBe(true);
    }
  });
});

describe('strangers and invites', () => {
  const telegram = (id: string): Asker => ({ channel: 'telegram', externalId: id, chat: { kind: 'private' } });

  it('a stranger gets only the registration hint', async () => {
    for (const text of ['/tiendo', '/quahan', '/hoso 000.21.40.H55-261116-0005', '/xephang', 'xin chào']) {
      expect((await ask(telegram('111'), text)).text).toMatch(/chưa được liên kết/);
    }
    expect((await ask(telegram('111'), '/trogiup')).text).toContain('/dangky');
    expect((await handleButton(services, telegram('111'), 'td:QNG:y', now)).text).toMatch(/chưa được liên kết/);
  });

  it('links an account with a valid invite, once; then the account gets answers', async () => {
    const o = await database.db.official.findUniqueOrThrow({ where: { code: 'ct-xbs' } });
    const { code } = await createInvite(database.db, o.id, { now, createdBy: 'test' });
    expect((await ask(telegram('222'), `/dangky ${code.toLowerCase()}`)).text).toContain(`Đã liên kết tài khoản này với ${o.fullName}`);
    expect((await ask(telegram('222'), '/tiendo')).text).toContain('Xã Bình Sơn');
    expect((await ask(telegram('222'), `/dangky ${code}`)).text).toContain('đã được liên kết');
    expect((await ask(telegram('333'), `/dangky ${code}`)).text).toContain('đã được dùng');
    // The deep link t.me/<bot>?start=<code> arrives as /start <code>.
    const second = await createInvite(database.db, o.id, { now, createdBy: 'test' });
    expect((await ask(telegram('444'), `/start ${second.code}`)).text).toContain('Đã liên kết');
  });

  it('refuses an expired invite and a wrong code, and stops guessing after five failures', async () => {
    const o = await database.db.official.findUniqueOrThrow({ where: { code: 'tp-xbs-kt' } });
    const old = await createInvite(database.db, o.id, { now: new Date(now.getTime() - 80 * 3_600_000), createdBy: 'test' });
    expect((await ask(telegram('555'), `/dangky ${old.code}`)).text).toContain('hết hạn');
    for (let i = 0; i < 4; i++) expect((await ask(telegram('555'), '/dangky AAAA-BBBB')).text).toContain('không đúng');
    const fresh = await createInvite(database.db, o.id, { now, createdBy: 'test' });
    expect((await ask(telegram('555'), `/dangky ${fresh.code}`)).text).toContain('quá nhiều lần');
  });
});

describe('personal data and group chats', () => {
  it('never shows applicant names or ID numbers', async () => {
    const named = await database.db.dossier.findMany({ where: { applicantName: { not: null }, unit: { code: { startsWith: 'XBS' } } }, take: 2000 });
    const texts: string[] = [];
    for (const cmd of ['/quahan', '/sapden', '/tiendo']) texts.push((await ask(as('ct-xbs'), cmd)).text);
    for (const d of named.slice(0, 30)) texts.push((await ask(as('ct-xbs'), `/hoso ${d.code}`)).text);
    const all = texts.join('\n');
    for (const d of named) {
      expect(all).not.toContain(d.applicantName!);
      expect(all).not.toContain(d.applicantIdNumber!);
    }
  });

  it('in a group without permission for detail, lists show counts per unit, not dossiers', async () => {
    const o = await database.db.official.findUniqueOrThrow({ where: { code: 'tp-cchc' } });
    await database.db.chatIdentity.create({ data: { officialId: o.id, channel: 'telegram', externalId: '999' } });
    const inGroup: Asker = { channel: 'telegram', externalId: '999', chat: { kind: 'group', id: '-100' } };
    const text = (await ask(inGroup, '/quahan')).text;
    expect(text).toContain('Hồ sơ quá hạn');
    expect(text).not.toMatch(/H55-\d{6}-\d{4}/);
    expect(text).toContain('nhắn riêng');
    // Ordinary chatter in a group gets no answer at all.
    expect(await handleMessage(services, inGroup, 'mọi người ơi họp lúc 2 giờ nhé', now)).toEqual([]);
  });
});

describe('buttons', () => {
  it('page through /quahan and switch period with buttons; stale or forged buttons answer politely', async () => {
    const first = await ask(as('ct-qng'), '/quahan');
    const next = first.buttons?.flat().find((b) => b.text.startsWith('Sau'));
    expect(next).toBeDefined();
    const page2 = await handleButton(services, as('ct-qng'), next!.data, now);
    expect(page2.text).toContain('Trang 2/');
    expect((await handleButton(services, as('ct-xbs'), 'td:XVT:y', now)).text).toMatch(/Nút này đã cũ/);
    expect((await handleButton(services, as('ct-xbs'), 'zz:1', now)).text).toMatch(/Nút này đã cũ/);
    // Prefixes that name Object.prototype's members are unknown buttons like any other.
    for (const data of ['constructor:XBS:y', 'toString', '__proto__:1', 'hasOwnProperty:x', 'valueOf']) {
      expect((await handleButton(services, as('ct-xbs'), data, now)).text, data).toBe(t('chat-stale-button'));
    }
    expect((await handleButton(services, as('ct-xbs'), 'td:XBS:m', now)).text).toMatch(/01\/11\/2026 – 27\/11\/2026/);
  });
});
