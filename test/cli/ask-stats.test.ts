import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMessage } from '../../src/commands/router.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createLogger } from '../../src/log.ts';
import { cli, seededTarget } from '../support/cli.ts';
import type { TestTarget } from '../support/database.ts';

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

  it('creates a single-use invite that a chat account can redeem', async () => {
    const r = await cli(['invite', 'tp-xbs-kt', '--json'], env, now);
    const { code, expiresAt } = JSON.parse(r.out) as { code: string; expiresAt: string };
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(new Date(expiresAt).getTime() - now.getTime()).toBe(72 * 3_600_000);
    const database = await openDatabase(target.target);
    const services = { database, config: loadConfig({}), log: createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' }), metricsCache: new Map() };
    const [reply] = await handleMessage(services, { channel: 'zalo', externalId: 'z1', chat: { kind: 'private' } }, `đăng ký ${code}`, now);
    expect(reply!.text).toContain('Đã liên kết');
    await database.close();
    const human = await cli(['invite', 'tp-xbs-kt'], env, now);
    expect(human.out).toContain('/dangky ');
  });
});
