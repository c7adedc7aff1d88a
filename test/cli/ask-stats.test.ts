import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMessage } from '../../src/commands/router.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createLogger } from '../../src/log.ts';
import { cli, seededTarget } from '../support/cli.ts';
import type { TestTarget } from '../support/database.ts';
import { createServices } from '../../src/core/services.ts';

let target: TestTarget;
let env: Record<string, string>;
const now = new Date('2026-11-27T02:00:00Z');

beforeAll(async () => {
  ({ target, env } = await seededTarget());
}, 60_000);
afterAll(async () => target.drop());

describe('dunghan stats', () => {
  it('prints the metrics as JSON with the agreed keys, rates in percent', async () => {
    const r = await cli(['stats', '--unit', 'XBS', '--from', '2026-11-01', '--to', '2026-11-27', '--json'], env, now);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as Record<string, number>;
    for (const key of ['received', 'receivedOnline', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'inProgress', 'inProgressOverdue', 'waitingSupplement',
      'onTimeRate', 'onlineRate', 'digitizedRate', 'satisfactionRate', 'onlinePaymentCount', 'onlinePaymentAmount']) {
      expect(typeof s[key], key).toBe('number');
    }
    expect(s.received).toBeGreaterThan(400);
    expect(s.onlineRate).toBeGreaterThan(60);
    expect(s.onlineRate).toBeLessThan(90);
    const handled = s.resolvedEarly! + s.resolvedOnTime! + s.resolvedLate! + s.inProgress! + s.inProgressOverdue! + s.waitingSupplement!;
    expect(s.onTimeRate).toBeCloseTo((100 * (s.resolvedEarly! + s.resolvedOnTime! + s.inProgress! + s.waitingSupplement!)) / handled, 1);
  });

  it('gives the same numbers with --at now (per-dossier path) as without (live path)', async () => {
    const live = JSON.parse((await cli(['stats', '--json'], env, now)).out) as Record<string, unknown>;
    const at = JSON.parse((await cli(['stats', '--at', now.toISOString(), '--json'], env, now)).out) as Record<string, unknown>;
    expect(at).toEqual(live);
  });

  it('rejects a reversed range and an unknown unit', async () => {
    expect((await cli(['stats', '--from', '2026-11-20', '--to', '2026-11-01'], env, now)).code).toBe(2);
    const r = await cli(['stats', '--unit', 'KHONGCO'], env, now);
    expect(r.code).toBe(1);
    expect(r.err).toContain('KHONGCO');
  });
});

describe('dunghan ask and dunghan invite', () => {
  it('answers one message as an official, buttons as numbered choices', async () => {
    const r = await cli(['ask', '--as', 'ct-xbs', 'tiến độ tháng này'], env, now);
    expect(r.code).toBe(0);
    expect(r.out).toContain('📊 Tiến độ giải quyết hồ sơ — Xã Bình Sơn');
    expect(r.out).toMatch(/Kỳ 01\/11\/2026 – 27\/11\/2026/);
    expect(r.out).toMatch(/\n {2}1\. /);
    const json = JSON.parse((await cli(['ask', '--as', 'ct-qng', '--json', '/quahan'], env, now)).out) as { text: string; buttons: { data: string }[][] }[];
    const next = json[0]!.buttons.flat()[0]!.data;
    const page2 = await cli(['ask', '--as', 'ct-qng', '--button', next], env, now);
    expect(page2.out).toContain('Trang 2/');
    expect((await cli(['ask', '--as', 'nobody', '/tiendo'], env, now)).code).toBe(1);
  });

  it('--at answers as of that instant, agreeing with status --at whatever the clock says', async () => {
    const later = new Date('2027-06-01T02:00:00Z'); // the machine's clock, long after the demo data
    const at = '2026-11-27T09:00:00+07:00';
    const status = JSON.parse((await cli(['status', '--at', at, '--json'], env, later)).out) as { overdue: number };
    const overdueCount = (out: string) => Number(/Hồ sơ quá hạn — Tỉnh Quảng Ngãi: ([\d.]+) hồ sơ/.exec(out)?.[1]?.replaceAll('.', ''));
    const asked = await cli(['ask', '--as', 'ct-qng', '--at', at, '/quahan'], env, later);
    expect(asked.code, asked.err).toBe(0);
    expect(overdueCount(asked.out)).toBe(status.overdue);
    expect(overdueCount((await cli(['ask', '--as', 'ct-qng', '/quahan'], env, later)).out)).toBeGreaterThan(status.overdue);
    const progress = await cli(['ask', '--as', 'ct-xbs', '--at', at, 'tiến độ tháng này'], env, later);
    expect(progress.out).toContain('Kỳ 01/11/2026 – 27/11/2026, số liệu lúc 09:00 27/11/2026');
    // A button pressed "at" the same instant pages the same list.
    const json = JSON.parse((await cli(['ask', '--as', 'ct-qng', '--at', at, '--json', '/quahan'], env, later)).out) as { buttons: { data: string }[][] }[];
    const page2 = await cli(['ask', '--as', 'ct-qng', '--at', at, '--button', json[0]!.buttons.flat()[0]!.data], env, later);
    expect(page2.out).toContain(`Trang 2/${Math.ceil(status.overdue / 10)}`);
    const bad = await cli(['ask', '--as', 'ct-qng', '--at', 'hôm qua', '/quahan'], env, later);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--at');
  });

  it('invite --at counts the expiry from that instant, and the code redeems within it', async () => {
    const later = new Date('2027-06-01T02:00:00Z');
    const r = await cli(['invite', 'tp-xbs-kt', '--at', '2026-11-27T09:00:00+07:00', '--json'], env, later);
    expect(r.code, r.err).toBe(0);
    const { code, expiresAt } = JSON.parse(r.out) as { code: string; expiresAt: string };
    expect(expiresAt).toBe('2026-11-30T02:00:00.000Z');
    const database = await openDatabase(target.target);
    // The audit log keeps when the invite was really made.
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { action: 'invite.create' }, orderBy: { id: 'desc' } });
    expect(audit.at).toEqual(later);
    const services = createServices({ database, config: loadConfig({}), log: createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' }) });
    const asker = { channel: 'zalo', externalId: 'z-at', chat: { kind: 'private' } } as const;
    const [reply] = await handleMessage(services, asker, `đăng ký ${code}`, new Date('2026-11-28T02:00:00Z'));
    expect(reply!.text).toContain('Đã liên kết');
    await database.close();
    const human = await cli(['invite', 'tp-xbs-kt', '--at', '2026-11-27T09:00:00+07:00'], env, later);
    expect(human.out).toContain('hiệu lực tới 09:00 30/11/2026');
  });

  it('creates a single-use invite that a chat account can redeem', async () => {
    const r = await cli(['invite', 'tp-xbs-kt', '--json'], env, now);
    const { code, expiresAt } = JSON.parse(r.out) as { code: string; expiresAt: string };
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(new Date(expiresAt).getTime() - now.getTime()).toBe(72 * 3_600_000);
    const database = await openDatabase(target.target);
    const services = createServices({ database, config: loadConfig({}), log: createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' }) });
    const [reply] = await handleMessage(services, { channel: 'zalo', externalId: 'z1', chat: { kind: 'private' } }, `đăng ký ${code}`, now);
    expect(reply!.text).toContain('Đã liên kết');
    await database.close();
    const human = await cli(['invite', 'tp-xbs-kt'], env, now);
    expect(human.out).toContain('/dangky ');
  });
});
