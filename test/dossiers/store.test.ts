// The one write path: idempotent, records what changed as events, keeps the per-day counters
// exact, and writes a batch whole or not at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recomputeAfterCalendarChange } from '../../src/dossiers/recompute.ts';
import { saveOverride } from '../../src/calendar/overrides.ts';
import { expectCountersExact } from '../support/counters.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { dossier, save, tinyOrg, vn, type TinyOrg } from '../support/dossiers.ts';

let database: TestDatabase;
let org: TinyOrg;
const now = vn('2026-11-27 09:00');

beforeEach(async () => {
  database = await testDatabase();
  org = await tinyOrg(database);
});
afterEach(async () => database.drop());

describe('saveDossiers', () => {
  it('writing the same data twice changes nothing', async () => {
    const inputs = [
      dossier(org, 'A', { receivedAt: vn('2026-11-02 09:00'), finishedAt: vn('2026-11-04 10:00'), channel: 2, paidOnline: true, feeAmount: 10_000 }),
      dossier(org, 'B', { receivedAt: vn('2026-11-16 09:00'), supplements: [{ requestedAt: vn('2026-11-17 10:00'), suppliedAt: null }] }),
    ];
    expect(await save(database, org, inputs, now)).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    const events = await database.db.dossierEvent.count();
    const stats = await database.db.dailyStat.findMany();
    expect(await save(database, org, inputs, now)).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    expect(await database.db.dossierEvent.count()).toBe(events);
    expect(await database.db.dailyStat.findMany()).toEqual(stats);
    await expectCountersExact(database.db);
  });

  it('records a status change, a finish and a supplement as events and moves the counters', async () => {
    const a = dossier(org, 'A', { receivedAt: vn('2026-11-16 09:00') });
    await save(database, org, [a], now);
    expect(await database.db.dossier.findUnique({ where: { code: 'A' } })).toMatchObject({ overdueFromDay: expect.any(Number), clockStopped: false, result: null });

    await save(database, org, [{ ...a, status: 5, supplements: [{ requestedAt: vn('2026-11-17 10:00'), suppliedAt: null }] }], now);
    expect(await database.db.dossier.findUnique({ where: { code: 'A' } })).toMatchObject({ clockStopped: true, overdueFromDay: null, supplementCount: 1, status: 5 });

    const done = { ...a, status: 10, finishedAt: vn('2026-11-25 10:00'), supplements: [{ requestedAt: vn('2026-11-17 10:00'), suppliedAt: vn('2026-11-20 10:00') }] };
    expect(await save(database, org, [done], now)).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const row = await database.db.dossier.findUniqueOrThrow({ where: { code: 'A' } });
    expect(row).toMatchObject({ clockStopped: false, overdueFromDay: null, result: 'on_time', status: 10 });
    const events = await database.db.dossierEvent.findMany({ where: { dossierId: row.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ['status', null, 4],
      ['supplement_requested', null, null],
      ['status', 4, 5],
      ['supplement_supplied', null, null],
      ['status', 5, 10],
    ]);
    expect(events.at(-1)!.at).toEqual(vn('2026-11-25 10:00'));
    await expectCountersExact(database.db);
  });

  it('keeps the counters exact when a dossier moves to another unit or changes its receipt', async () => {
    const a = dossier(org, 'A', { receivedAt: vn('2026-11-02 09:00'), finishedAt: vn('2026-11-09 10:00'), satisfaction: 3, digitized: true });
    await save(database, org, [a, dossier(org, 'B', { receivedAt: vn('2026-11-03 09:00') })], now);
    await save(database, org, [{ ...a, unitId: org.ids.D, receivedAt: vn('2026-11-03 08:00'), satisfaction: 1 }], now);
    await expectCountersExact(database.db);
    const sums = await database.db.dailyStat.aggregate({ _sum: { received: true, finished: true, satisfied: true, rated: true } });
    expect(sums._sum).toEqual({ received: 2, finished: 1, satisfied: 0, rated: 1 });
  });

  it('writes nothing of a batch that fails part-way', async () => {
    const good = dossier(org, 'G', { receivedAt: vn('2026-11-02 09:00') });
    const bad = dossier(org, 'X', { receivedAt: vn('2026-11-02 09:00'), procedureId: 99_999 });
    await expect(save(database, org, [good, bad], now)).rejects.toThrow();
    expect(await database.db.dossier.count()).toBe(0);
    expect(await database.db.dailyStat.count()).toBe(0);
    expect(await database.db.dossierEvent.count()).toBe(0);
  });
});

describe('a calendar change', () => {
  it('moves the deadline of a dossier whose supplement pause spans the new day off', async () => {
    // Received Mon 30/11, due Thu 3/12; the applicant took from Tue 1/12 to Thu 3/12 to supplement.
    const a = dossier(org, 'A', { receivedAt: vn('2026-11-30 09:00'), supplements: [{ requestedAt: vn('2026-12-01 07:30'), suppliedAt: vn('2026-12-03 07:30') }] });
    await save(database, org, [a], vn('2026-12-03 08:00'));
    const before = await database.db.dossier.findUniqueOrThrow({ where: { code: 'A' } });
    expect(before.effectiveDueAt).toEqual(vn('2026-12-07 17:00'));

    await saveOverride(database.db, { date: '2026-12-02', kind: 'day_off', name: 'Nghỉ đột xuất', source: '1/TB', scope: '*' }, 'test', now);
    const r = await recomputeAfterCalendarChange(database, { from: vn('2026-12-02 00:00'), now });
    expect(r.inserted + r.updated + r.unchanged).toBe(1);
    const after = await database.db.dossier.findUniqueOrThrow({ where: { code: 'A' } });
    // One working day less of pause; and 2/12 is no longer a working day: due Fri 4/12.
    expect(after.effectiveDueAt).toEqual(vn('2026-12-04 17:00'));
    expect(after.dueAt).toEqual(before.dueAt);
    await expectCountersExact(database.db);
  });
});
