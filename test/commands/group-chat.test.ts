// Group chats (issue 12, items 4, 5 and 22): every command and every button kind, typed in a group
// without detail, a group bound to a unit, a group allowed detail and a group bound to another
// unit, by every role. The rules (README, Scope): a group gets counts for its unit's subtree (the
// asker's scope if it has no unit) and the public peer rankings; /hoso, /xacnhan, dossier lists and
// dossier buttons only where an admin allowed detail, and only within the group's unit; /baocao
// only in private chats. Every reply is also checked line by line for what it must never show.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelegram } from '../../src/channels/telegram/start.ts';
import { startZalo } from '../../src/channels/zalo/start.ts';
import { handleButton, handleMessage } from '../../src/commands/router.ts';
import type { Asker } from '../../src/commands/types.ts';
import { loadConfig } from '../../src/config.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { t } from '../../src/i18n/translate.ts';
import { createLogger } from '../../src/log.ts';
import type { Role } from '../../src/org/codes.ts';
import { loadUnitTree, type UnitNode, type UnitTree } from '../../src/org/tree.ts';
import { startStubBotApi, STUB_BOT } from '../channels/telegram/support/stub-bot-api.ts';
import { FakeClock, fixedClock } from '../support/clock.ts';
import { FakeZalo, groupMessage } from '../channels/zalo/fake-zalo.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { fakeBotToken } from '../support/fake-token.ts';
import type { Message } from '../../src/core/message.ts';
import { createServices, type Services } from '../../src/core/services.ts';

const now = new Date('2026-11-27T02:00:00Z'); // Friday 09:00 in Vietnam
const COMMIT = '30/11'; // the next working day
const COMMIT_BUTTON = '20261201'; // the one after (a different promise from the typed one)

type GroupKind = 'plain' | 'counts' | 'detail' | 'other';
/** The groups: unbound without detail; bound to Xã Bình Sơn without and with detail; bound to Xã Vạn Tường with detail. */
const GROUPS: Record<GroupKind, { id: string; unit: string | null; detail: boolean }> = {
  plain: { id: '-1001', unit: null, detail: false },
  counts: { id: '-1002', unit: 'XBS', detail: false },
  detail: { id: '-1003', unit: 'XBS', detail: true },
  other: { id: '-1004', unit: 'XVT', detail: true },
};
const ROLES: [Role, string][] = [
  ['leader', 'ct-qng'],
  ['unit_head', 'tp-xbs-kt'],
  ['commune_chair', 'ct-xbs'],
  ['deputy', 'pct-xbs'],
  ['reform_office', 'tp-cchc'],
  ['admin', 'admin'],
  ['officer', 'cb-xbs'],
];
const userId = (official: string): string => String(7000 + ROLES.findIndex(([, code]) => code === official));
const inGroup = (official: string, kind: GroupKind): Asker =>
  ({ channel: 'telegram', externalId: userId(official), chat: { kind: 'group', id: GROUPS[kind].id } });
const inPrivate = (official: string): Asker => ({ channel: 'telegram', externalId: userId(official), chat: { kind: 'private' } });

let database: TestDatabase;
let services: Services;
let tree: UnitTree;
/** An open dossier of Phòng Kinh tế xã Bình Sơn (A) and one of Phòng Kinh tế xã Vạn Tường (B). */
let A: { code: string; unitId: number };
let B: { code: string; unitId: number };
let procedureNames: string[];
/** Applicants' names and ID numbers (never shown anywhere). */
const names = new Set<string>();
const idNumbers = new Set<string>();
const dossierUnit = new Map<string, number>();

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database, { seed: 5, now });
  services = createServices({ database, config: loadConfig({}), log: createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' }) });
  const { db } = database;
  tree = await loadUnitTree(db);
  for (const [, code] of ROLES) {
    const o = await db.official.findUniqueOrThrow({ where: { code } });
    await db.chatIdentity.create({ data: { officialId: o.id, channel: 'telegram', externalId: userId(code) } });
  }
  for (const g of Object.values(GROUPS)) {
    const unitId = g.unit ? tree.byCode.get(g.unit)!.id : null;
    await db.chatGroup.create({ data: { channel: 'telegram', externalId: g.id, title: `Nhóm ${g.id}`, unitId, detailAllowed: g.detail, createdAt: now } });
  }
  const open = (unit: string) =>
    db.dossier.findFirstOrThrow({ where: { unit: { code: unit }, finishedAt: null }, orderBy: { code: 'asc' }, select: { code: true, unitId: true } });
  A = await open('XBS-KT');
  B = await open('XVT-KT');
  procedureNames = (await db.procedure.findMany({ select: { name: true } })).map((p) => p.name);
  for (const p of await db.dossier.findMany({ select: { applicantName: true, applicantIdNumber: true } })) {
    if (p.applicantName) names.add(p.applicantName);
    if (p.applicantIdNumber) idNumbers.add(p.applicantIdNumber);
  }
  for (const d of await db.dossier.findMany({ select: { code: true, unitId: true } })) dossierUnit.set(d.code, d.unitId);
}, 180_000);
afterAll(async () => database.drop());

/** The units an official sees: their unit's and supervised units' subtrees. */
async function scopeOf(official: string): Promise<Set<number>> {
  const o = await database.db.official.findUniqueOrThrow({ where: { code: official }, include: { supervises: true } });
  return new Set([o.unitId, ...o.supervises.map((s) => s.unitId)].flatMap((id) => tree.subtree(id).map((u) => u.id)));
}

/** What a group shows a person: their scope, cut to the group's unit's subtree when it has one. */
async function effective(official: string, kind: GroupKind): Promise<Set<number>> {
  const mine = await scopeOf(official);
  const unit = GROUPS[kind].unit;
  if (!unit) return mine;
  return new Set(tree.subtree(tree.byCode.get(unit)!.id).map((u) => u.id).filter((id) => mine.has(id)));
}

const CODE = /\b\d{3}\.\d{2}\.\d{2}\.H55-\d{6}-\d{4}\b/g;
const RANKING_LINE = /^\d+\. .+: .+ \([\d.]+ hồ sơ\)$/;
const peersOf = (u: UnitNode): UnitNode[] => (u.parentId === null ? [u] : tree.children(u.parentId).filter((p) => p.kind === u.kind));

/** The unit names a text mentions (longest first, so "Xã Bình Sơn" is not read inside a longer name). */
function unitsNamed(text: string): UnitNode[] {
  let rest = text;
  const found: UnitNode[] = [];
  for (const u of [...tree.byId.values()].sort((a, b) => b.name.length - a.name.length)) {
    if (!rest.includes(u.name)) continue;
    found.push(u);
    rest = rest.replaceAll(u.name, '¤');
  }
  return found;
}

/** Applicants' names (runs of 2 to 5 words) and ID numbers (12 digits) in a line. */
function personalIn(line: string): string[] {
  const found = (line.match(/\d{12}/g) ?? []).filter((n) => idNumbers.has(n));
  const ws = line.split(/[\s,.;:()·—–]+/).filter(Boolean);
  for (let i = 0; i < ws.length; i++) {
    for (let n = 2; n <= 5 && i + n <= ws.length; n++) if (names.has(ws.slice(i, i + n).join(' '))) found.push(ws.slice(i, i + n).join(' '));
  }
  return found;
}

/** What no reply in a group may show: checked on every line and every button of every reply. */
function checkReply(reply: Message, visible: Set<number>, detail: boolean, label: string): void {
  const lines = [...reply.text.split('\n'), ...(reply.buttons ?? []).flat().map((b) => b.text)];
  for (const line of lines) {
    expect(personalIn(line), `${label}: personal data`).toEqual([]);
    // "Not found" repeats the code asked about, exactly as for a code that does not exist.
    const codes = (line.match(CODE) ?? []).filter((code) => reply.text !== t('hoso-not-found', { code }));
    if (!detail) {
      expect(codes, `${label}: a dossier-level line in a group without detail: ${line}`).toEqual([]);
      for (const name of procedureNames) expect(line, `${label}: a procedure in a group without detail`).not.toContain(name);
    }
    for (const code of codes) expect(visible.has(dossierUnit.get(code)!), `${label}: dossier ${code} outside the group's units`).toBe(true);
    for (const u of unitsNamed(line)) {
      // Rankings are public: a ranking line may name a peer (same kind, same parent) of a unit shown.
      const ok = visible.has(u.id) || (RANKING_LINE.test(line) && [...visible].some((id) => peersOf(tree.byId.get(id)!).some((p) => p.id === u.id)));
      expect(ok, `${label}: names ${u.name} (outside the group's units): ${line}`).toBe(true);
    }
  }
  for (const b of (reply.buttons ?? []).flat()) {
    const [prefix, arg] = b.data.split(':');
    if (['td', 'qh', 'sd', 'xh', 'bc'].includes(prefix!)) expect(visible.has(tree.byCode.get(arg!)?.id ?? -1), `${label}: button ${b.data}`).toBe(true);
    else {
      expect(detail, `${label}: a dossier button in a group without detail: ${b.data}`).toBe(true);
      expect(visible.has(dossierUnit.get(arg!) ?? -1), `${label}: button ${b.data}`).toBe(true);
    }
  }
}

const acks = () => database.db.acknowledgement.count();

interface Cell {
  kind: GroupKind;
  official: string;
  visible: Set<number>;
  detail: boolean;
}

/** An input typed or pressed in a group, and what it must answer there. */
interface Case {
  input: string;
  button?: true;
  expect(reply: Message, written: number, cell: Cell): void;
}

const outside = () => t('chat-group-outside-scope');
/** Scoped answers: nothing at all from a group whose unit is outside the asker's scope. */
function scoped(check: (reply: Message, cell: Cell) => void) {
  return (reply: Message, written: number, cell: Cell) => {
    expect(written).toBe(0);
    if (cell.visible.size === 0) expect(reply.text).toBe(outside());
    else check(reply, cell);
  };
}
/** A button about one unit: answered if the group shows that unit, stale otherwise. */
function unitButton(code: string, first: RegExp) {
  return scoped((reply, cell) => {
    if (cell.visible.has(tree.byCode.get(code)!.id)) expect(reply.text.split('\n')[0]).toMatch(first);
    else expect(reply.text).toBe(t('chat-stale-button'));
  });
}
/** A command or button about one dossier: only with detail, only within the group's units. */
function dossierCase(which: () => { code: string; unitId: number }, refusal: () => string, done: (code: string) => RegExp, writes: 0 | 1) {
  return (reply: Message, written: number, cell: Cell) => {
    const d = which();
    const allowed = cell.detail && cell.visible.has(d.unitId);
    expect(written).toBe(allowed ? writes : 0);
    if (!cell.detail) expect(reply.text).toBe(refusal());
    else if (cell.visible.size === 0) expect(reply.text).toBe(outside());
    else if (!allowed) expect(reply.text).toBe(t('hoso-not-found', { code: d.code }));
    else expect(reply.text).toMatch(done(d.code));
  };
}
const noDetail = (command: string) => () => t('chat-group-no-detail-command', { command });
const buttonRefused = () => t('chat-group-button-refused');
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const GROUP_COMMANDS = ['tiendo', 'quahan', 'sapden', 'xephang', 'trogiup'];
const DETAIL_COMMANDS = ['hoso', 'xacnhan'];

const CASES: Case[] = [
  { input: '/tiendo', expect: scoped((r, c) => {
    const m = /^📊 Tiến độ giải quyết hồ sơ — (.+)$/.exec(r.text.split('\n')[0]!);
    expect(m).not.toBeNull();
    expect([...c.visible].some((id) => tree.byId.get(id)!.name === m![1])).toBe(true);
  }) },
  { input: '/quahan', expect: scoped((r, c) => {
    expect(r.text).toMatch(/^(⏰ Hồ sơ quá hạn — |✅ )/);
    if (!c.detail && r.text.startsWith('⏰')) expect(r.text).toContain(t('chat-group-no-detail'));
  }) },
  { input: '/sapden', expect: scoped((r, c) => {
    expect(r.text).toMatch(/^(📅 Hồ sơ đến hạn hôm nay|✅ )/);
    if (!c.detail && r.text.startsWith('📅')) expect(r.text).toContain(t('chat-group-no-detail'));
  }) },
  { input: '/xephang', expect: scoped((r) => expect(r.text).toMatch(/^🏆 Xếp hạng tỷ lệ đúng hạn/)) },
  { input: '/hoso A', expect: dossierCase(() => A, noDetail('/hoso'), (code) => new RegExp(`^📁 Hồ sơ ${esc(code)}\n`), 0) },
  { input: '/hoso B', expect: dossierCase(() => B, noDetail('/hoso'), (code) => new RegExp(`^📁 Hồ sơ ${esc(code)}\n`), 0) },
  { input: `/xacnhan A ${COMMIT}`, expect: dossierCase(() => A, noDetail('/xacnhan'), (code) => new RegExp(`^✓ .*${esc(code)}`), 1) },
  { input: `/xacnhan B ${COMMIT}`, expect: dossierCase(() => B, noDetail('/xacnhan'), (code) => new RegExp(`^✓ .*${esc(code)}`), 1) },
  { input: '/baocao', expect: (r, written) => {
    expect(written).toBe(0);
    expect(r.text).toBe(t('chat-group-private-only', { command: '/baocao' }));
    expect(r.image).toBeUndefined();
  } },
  { input: '/trogiup', expect: (r, written, c) => {
    expect(written).toBe(0);
    expect(r.text).not.toContain('không cần dấu /');
    const listed = r.text.split('\n').filter((l) => l.startsWith('/')).map((l) => /^\/([a-z]+)/.exec(l)![1]);
    expect(listed.sort()).toEqual([...GROUP_COMMANDS, ...(c.detail ? DETAIL_COMMANDS : [])].sort());
  } },
  { input: 'td:XBS:y', button: true, expect: unitButton('XBS', /^📊 Tiến độ giải quyết hồ sơ — Xã Bình Sơn$/) },
  { input: 'td:XVT:y', button: true, expect: unitButton('XVT', /^📊 Tiến độ giải quyết hồ sơ — Xã Vạn Tường$/) },
  { input: 'td:QNG:m', button: true, expect: unitButton('QNG', /^📊 Tiến độ giải quyết hồ sơ — Tỉnh Quảng Ngãi$/) },
  { input: 'qh:XBS:1', button: true, expect: unitButton('XBS', /^(⏰ Hồ sơ quá hạn — Xã Bình Sơn|✅ Xã Bình Sơn)/) },
  { input: 'qh:XVT:2', button: true, expect: unitButton('XVT', /^(⏰ Hồ sơ quá hạn — Xã Vạn Tường|✅ Xã Vạn Tường)/) },
  { input: 'sd:XBS-KT:1', button: true, expect: unitButton('XBS-KT', /^(📅 Hồ sơ đến hạn hôm nay .* — Phòng Kinh tế xã Bình Sơn|✅ Phòng Kinh tế xã Bình Sơn)/) },
  { input: 'xh:QNG:y', button: true, expect: unitButton('QNG', /^🏆 Xếp hạng tỷ lệ đúng hạn/) },
  { input: 'xh:XBS:q', button: true, expect: unitButton('XBS', /^🏆 Xếp hạng tỷ lệ đúng hạn/) },
  { input: `ack:A:${COMMIT_BUTTON}`, button: true, expect: dossierCase(() => A, buttonRefused, (code) => new RegExp(`^✓ .*${esc(code)}`), 1) },
  { input: `ack:B:${COMMIT_BUTTON}`, button: true, expect: dossierCase(() => B, buttonRefused, (code) => new RegExp(`^✓ .*${esc(code)}`), 1) },
  { input: 'xl:A', button: true, expect: dossierCase(() => A, buttonRefused, (code) => new RegExp(esc(code)), 0) },
  { input: 'xl:B', button: true, expect: dossierCase(() => B, buttonRefused, (code) => new RegExp(esc(code)), 0) },
  { input: 'hen:A', button: true, expect: dossierCase(() => A, buttonRefused, (code) => new RegExp(`^Hồ sơ ${esc(code)} `), 0) },
  { input: 'hen:B', button: true, expect: dossierCase(() => B, buttonRefused, (code) => new RegExp(`^Hồ sơ ${esc(code)} `), 0) },
  { input: 'sn:A', button: true, expect: dossierCase(() => A, buttonRefused, (code) => new RegExp(`^💤 .*${esc(code)}`), 1) },
  { input: 'sn:B', button: true, expect: dossierCase(() => B, buttonRefused, (code) => new RegExp(`^💤 .*${esc(code)}`), 1) },
  { input: 'bc:XBS:lw', button: true, expect: (r, written) => {
    expect(written).toBe(0);
    expect(r.text).toBe(t('chat-group-button-refused'));
  } },
];

const withCodes = (input: string): string => input.replace(/\bA\b/, A.code).replace(/\bB\b/, B.code);

describe.each(Object.keys(GROUPS) as GroupKind[])('in a group %s', (kind) => {
  it.each(ROLES)('every command and button, asked by the %s (%s)', async (_role, official) => {
    const cell: Cell = { kind, official, visible: await effective(official, kind), detail: GROUPS[kind].detail };
    for (const c of CASES) {
      const input = withCodes(c.input);
      const before = await acks();
      const asker = inGroup(official, kind);
      const reply = c.button ? await handleButton(services, asker, input, now) : (await handleMessage(services, asker, input, now))[0]!;
      const label = `${kind} · ${official} · ${input}`;
      expect(reply, label).toBeDefined();
      checkReply(reply, cell.visible, cell.detail, label);
      try {
        c.expect(reply, (await acks()) - before, cell);
      } catch (e) {
        throw new Error(`${label}\n${reply.text}\n${String(e)}`);
      }
    }
  }, 120_000);
});

describe('the cases the matrix is made of', () => {
  it('covers every command and every button kind the router knows', async () => {
    const { COMMAND_NAMES } = await import('../../src/commands/parse/command.ts');
    const typed = new Set(CASES.filter((c) => !c.button).map((c) => c.input.slice(1).split(' ')[0]));
    expect(COMMAND_NAMES.filter((n) => !typed.has(n) && n !== 'start' && n !== 'dangky')).toEqual([]);
    const pressed = new Set(CASES.filter((c) => c.button).map((c) => c.input.split(':')[0]));
    expect([...pressed].sort()).toEqual(['ack', 'bc', 'hen', 'qh', 'sd', 'sn', 'td', 'xh', 'xl']);
  });

  it('sees the same dossier in a private chat that a group without detail refuses', async () => {
    for (const [, official] of ROLES.filter(([, o]) => o !== 'tp-cchc' && o !== 'admin' && o !== 'ct-qng')) {
      const [mine] = await handleMessage(services, inPrivate(official), `/hoso ${A.code}`, now);
      expect(mine!.text).toMatch(new RegExp(`^📁 Hồ sơ ${esc(A.code)}`));
    }
  });
});

describe('a group bound to a commune (item 4)', () => {
  it('shows a provincial leader nothing of another commune there: not its dossiers, not its figures', async () => {
    const leader = inGroup('ct-qng', 'detail');
    const [hoso] = await handleMessage(services, leader, `/hoso ${B.code}`, now);
    const [missing] = await handleMessage(services, leader, '/hoso 000.99.99.H55-261127-9999', now);
    expect(hoso!.text).toBe(missing!.text.replace('000.99.99.H55-261127-9999', B.code));
    const [tiendo] = await handleMessage(services, leader, '/tiendo xã Vạn Tường', now);
    expect(tiendo!.text).not.toMatch(/📊/);
    const [own] = await handleMessage(services, leader, '/tiendo', now);
    expect(own!.text.split('\n')[0]).toBe('📊 Tiến độ giải quyết hồ sơ — Xã Bình Sơn');
    const [quahan] = await handleMessage(services, leader, '/quahan', now);
    expect(quahan!.text).toMatch(/^(⏰ Hồ sơ quá hạn — Xã Bình Sơn|✅ Xã Bình Sơn)/);
  });

  it('binds a group registered only as a digest target to the digest\'s unit', async () => {
    const { db } = database;
    const group = await db.chatGroup.create({ data: { channel: 'telegram', externalId: '-1009', title: 'Bản tin xã Vạn Tường', createdAt: now } });
    await db.digestTarget.create({ data: { groupId: group.id, unitId: tree.byCode.get('XVT')!.id, createdAt: now, createdBy: 'test' } });
    const asker: Asker = { channel: 'telegram', externalId: userId('ct-qng'), chat: { kind: 'group', id: '-1009' } };
    const [own] = await handleMessage(services, asker, '/tiendo', now);
    expect(own!.text.split('\n')[0]).toBe('📊 Tiến độ giải quyết hồ sơ — Xã Vạn Tường');
    expect((await handleButton(services, asker, 'td:XBS:y', now)).text).toBe(t('chat-stale-button'));
  });
});

describe('/trogiup (item 5)', () => {
  it('in a group lists exactly the commands usable there, with the slash, and no "không cần dấu /"', async () => {
    const [counts] = await handleMessage(services, inGroup('ct-xbs', 'counts'), '/trogiup', now);
    expect(counts!.text).not.toContain('không cần dấu /');
    expect(counts!.text).not.toMatch(/^\/(hoso|xacnhan|baocao|dangky)/m);
    for (const c of GROUP_COMMANDS) expect(counts!.text).toMatch(new RegExp(`^/${c}\\b`, 'm'));
    const [detail] = await handleMessage(services, inGroup('ct-xbs', 'detail'), '/trogiup', now);
    for (const c of [...GROUP_COMMANDS, ...DETAIL_COMMANDS]) expect(detail!.text).toMatch(new RegExp(`^/${c}\\b`, 'm'));
    expect(detail!.text).not.toMatch(/^\/(baocao|dangky)/m);
  });

  it('in a private chat still lists every command and says the slash is optional', async () => {
    const [help] = await handleMessage(services, inPrivate('ct-xbs'), '/trogiup', now);
    expect(help!.text).toContain('không cần dấu /');
    for (const c of ['tiendo', 'quahan', 'sapden', 'hoso', 'xacnhan', 'xephang', 'baocao', 'trogiup']) expect(help!.text).toMatch(new RegExp(`^/${c}\\b`, 'm'));
  });
});

describe('rankings are public (item 22)', () => {
  it('a unit head sees its peers\' names, rates and volumes in /xephang, and nothing else of theirs', async () => {
    const [ranking] = await handleMessage(services, inPrivate('tp-xbs-kt'), '/xephang', now);
    const lines = ranking!.text.split('\n').filter((l) => RANKING_LINE.test(l));
    const kt = tree.byCode.get('XBS-KT')!;
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.flatMap(unitsNamed).map((u) => u.code).sort()).toEqual(peersOf(kt).map((u) => u.code).sort());
    const peer = peersOf(kt).find((u) => u.id !== kt.id)!;
    const [figures] = await handleMessage(services, inPrivate('tp-xbs-kt'), `/tiendo ${peer.name}`, now);
    expect(figures!.text).toMatch(/^Không tìm thấy đơn vị/);
  });

  it('the rank line of /tiendo and /xephang are answered in groups too', async () => {
    const [tiendo] = await handleMessage(services, inGroup('ct-xbs', 'counts'), '/tiendo', now);
    expect(tiendo!.text).toMatch(/^Xếp hạng đúng hạn: \d+\/5 xã, phường$/m);
    const [xephang] = await handleMessage(services, inGroup('tp-xbs-kt', 'plain'), '/xephang', now);
    expect(xephang!.text.split('\n').filter((l) => RANKING_LINE.test(l)).length).toBeGreaterThan(1);
  });
});

describe('through the channels', () => {
  it('Telegram: a group without detail refuses /hoso and the draft button, and /trogiup lists the group\'s commands', async () => {
    const stub = await startStubBotApi();
    const token = fakeBotToken('groups');
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: stub.url });
    const tg = await startTelegram({ services: { ...services, config, clock: fixedClock(now) }, botInfo: { ...STUB_BOT }, connect: false });
    try {
      const chat = { id: Number(GROUPS.counts.id), type: 'supergroup' as const, title: 'Nhóm xã Bình Sơn' };
      const from = { id: Number(userId('ct-qng')), is_bot: false, first_name: 'Lãnh đạo' };
      const say = (id: number, text: string): Update =>
        ({
          update_id: id,
          message: { message_id: id, date: 1, chat, from, text, entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] },
        }) as Update;
      await tg.bot.handleUpdate(say(1, `/hoso ${A.code}`));
      await tg.bot.handleUpdate(say(2, '/trogiup'));
      const reminder = { message_id: 9, date: 1, chat, from: { ...STUB_BOT }, text: 'nhắc việc' };
      await tg.bot.handleUpdate({ update_id: 3, callback_query: { id: 'cb3', from, chat_instance: 'ci', data: `xl:${A.code}`, message: reminder } } as Update);
      const sent = stub.of('sendMessage').map((c) => ({ chat: String(c.fields.chat_id), text: String(c.fields.text) }));
      expect(sent[0]).toEqual({ chat: GROUPS.counts.id, text: t('chat-group-no-detail-command', { command: '/hoso' }) });
      expect(sent[1]!.text).toMatch(/^\/xephang\b/m);
      expect(sent[1]!.text).not.toMatch(/^\/hoso\b/m);
      expect(sent).toHaveLength(2);
      expect(stub.of('answerCallbackQuery').map((c) => c.fields.text)).toEqual([t('chat-group-button-refused')]);
      expect(JSON.stringify(stub.calls)).not.toContain(A.code.slice(-11));
    } finally {
      await tg.stop();
      await stub.close();
    }
  });

  it('Zalo: a configured group without detail refuses "hồ sơ <mã>"; one bound to another commune shows only its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dunghan-zalo-'));
    const file = join(dir, 'zalo.json');
    writeFileSync(file, JSON.stringify({ imei: 'i', userAgent: 'a', cookie: [{ key: 'zpw_sek', value: 'x', domain: 'chat.zalo.me' }] }), { mode: 0o600 });
    const { db } = database;
    const chair = await db.official.findUniqueOrThrow({ where: { code: 'ct-qng' } });
    await db.chatIdentity.create({ data: { officialId: chair.id, channel: 'zalo', externalId: '7100000000000000001' } });
    const group = (externalId: string, unit: string, detailAllowed: boolean) =>
      db.chatGroup.create({ data: { channel: 'zalo', externalId, title: `UBND ${unit}`, unitId: tree.byCode.get(unit)!.id, detailAllowed, createdAt: now } });
    await group('9100000000000000001', 'XBS', false);
    await group('9100000000000000002', 'XVT', true);
    const clock = new FakeClock(now.getTime());
    const api = new FakeZalo(() => clock.monotonic());
    const login = { login: async () => api, loginQR: async () => api };
    const zalo = await startZalo({ services: { ...services, clock }, credentialsFile: file, login, saveEveryMs: null });
    try {
      api.listener.connect();
      api.listener.emit('message', groupMessage('9100000000000000001', '7100000000000000001', `hồ sơ ${A.code}`));
      api.listener.emit('message', groupMessage('9100000000000000002', '7100000000000000001', `hồ sơ ${A.code}`));
      api.listener.emit('message', groupMessage('9100000000000000002', '7100000000000000001', `hồ sơ ${B.code}`));
      await clock.run(zalo.inbound.idle());
      expect(api.sent.map((s) => [s.threadId, s.msg.split('\n')[0]])).toEqual([
        ['9100000000000000001', t('chat-group-no-detail-command', { command: '/hoso' })],
        ['9100000000000000002', t('hoso-not-found', { code: A.code })],
        ['9100000000000000002', `📁 Hồ sơ ${B.code}`],
      ]);
    } finally {
      await clock.run(zalo.stop());
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
