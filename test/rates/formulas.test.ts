// Each bucket and rate pinned on a hand-made dataset (Decision 766 indicator 2.1 and 3.3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateReports } from '../../src/rates/rates.ts';
import { loadUnitTree } from '../../src/org/tree.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { dossier, save, tinyOrg, vn, type TinyOrg } from '../support/dossiers.ts';

let database: TestDatabase;
let org: TinyOrg;
let reports: RateReports;
const at = vn('2026-11-27 09:00'); // Friday; 24/11/2026 was a day off

beforeAll(async () => {
  database = await testDatabase();
  org = await tinyOrg(database);
  const d = (code: string, x: Parameters<typeof dossier>[2]) => dossier(org, code, x);
  await save(database, org, [
    // Received 2/11 (Mon), due 5/11 17:00.
    d('a', { receivedAt: vn('2026-11-02 09:00'), finishedAt: vn('2026-11-04 10:00'), channel: 2, digitized: true, satisfaction: 3, paidOnline: true, feeAmount: 50_000 }),
    d('b', { receivedAt: vn('2026-11-02 09:00'), finishedAt: vn('2026-11-05 15:00'), channel: 2, digitized: true, satisfaction: 2, paidOnline: true, feeAmount: 50_000 }),
    d('c', { receivedAt: vn('2026-11-02 09:00'), finishedAt: vn('2026-11-09 10:00'), channel: 2, digitized: true, satisfaction: 1 }),
    // Carried over from October, finished late in November; and one outside the period.
    d('d', { receivedAt: vn('2026-10-20 09:00'), finishedAt: vn('2026-11-03 10:00') }),
    d('e', { receivedAt: vn('2026-10-01 09:00'), finishedAt: vn('2026-10-05 10:00') }),
    // Open on 27/11: within the limit (due 30/11), overdue (due 19/11), waiting for a first
    // supplement requested on 17/11, and overdue by a second supplement request.
    d('f', { receivedAt: vn('2026-11-25 09:00'), channel: 3, digitized: true }),
    d('g', { receivedAt: vn('2026-11-16 09:00'), digitized: true }),
    d('h', { receivedAt: vn('2026-11-16 09:00'), digitized: true, status: 5, supplements: [{ requestedAt: vn('2026-11-17 10:00'), suppliedAt: null }] }),
    d('i', { receivedAt: vn('2026-11-16 09:00'), status: 5, supplements: [
      { requestedAt: vn('2026-11-17 10:00'), suppliedAt: vn('2026-11-18 10:00') },
      { requestedAt: vn('2026-11-19 10:00'), suppliedAt: null },
    ] }),
    // Legal due 13/11; the applicant took 22.5 working hours to supplement, so 18/11 is on time.
    d('j', { receivedAt: vn('2026-11-10 09:00'), finishedAt: vn('2026-11-18 10:00'), supplements: [{ requestedAt: vn('2026-11-11 09:00'), suppliedAt: vn('2026-11-16 09:00') }] }),
    // Received 18/11, due 23/11, finished on 23/11: on time, and in progress on 20/11.
    d('n', { receivedAt: vn('2026-11-18 09:00'), finishedAt: vn('2026-11-23 16:00') }),
    // Another subtree.
    d('m', { receivedAt: vn('2026-11-03 09:00'), finishedAt: vn('2026-11-04 09:00'), unitId: org.ids.D, channel: 2 }),
  ], at);
  reports = new RateReports(database, org.calendar, await loadUnitTree(database.db));
});
afterAll(async () => database.drop());

const november = { from: '2026-11-01', to: '2026-11-27' };

describe.each([true, false])('metrics of November at 27/11 09:00 (live path: %s)', (live) => {
  it('counts every II.06a bucket of the commune subtree', async () => {
    const m = await reports.forUnit(org.ids.C, november, at, live);
    expect(m.buckets).toEqual({
      received: 9, receivedOnline: 3, receivedPostal: 1, digitized: 6, paidOnline: 2, paidAmount: 100_000,
      finished: 6, finishedEarly: 1, finishedOnTime: 3, finishedLate: 2, rated: 3, satisfied: 2,
      inProgress: 1, inProgressOverdue: 2, waitingSupplement: 1,
    });
    expect(m.carriedOver).toBe(1);
  });

  it('computes the rates: on time (2.1), online (3.3), digitised, satisfaction', async () => {
    const { rates } = await reports.forUnit(org.ids.C, november, at, live);
    expect(rates.onTimeRate).toBeCloseTo((100 * (1 + 3 + 1 + 1)) / 10, 10);
    expect(rates.onlineRate).toBeCloseTo((100 * 3) / 9, 10);
    expect(rates.digitizedRate).toBeCloseTo((100 * 6) / 9, 10);
    expect(rates.satisfactionRate).toBeCloseTo((100 * 2) / 3, 10);
  });

  it('rolls subtrees up to the province and keeps the department apart', async () => {
    const p = await reports.forUnit(org.ids.P, november, at, live);
    const dep = await reports.forUnit(org.ids.D, november, at, live);
    expect(dep.buckets).toMatchObject({ received: 1, receivedOnline: 1, finished: 1, finishedEarly: 1 });
    expect(p.buckets.received).toBe(10);
    expect(p.rates.onTimeRate).toBeCloseTo((100 * 7) / 11, 10);
  });
});

describe('a period that ended before now', () => {
  it('counts a dossier finished after the period as in progress at its end, and a second supplement as overdue', async () => {
    const m = await reports.forUnit(org.ids.C, { from: '2026-11-01', to: '2026-11-20' }, at, true);
    expect(m.end.getTime()).toBe(vn('2026-11-21 00:00').getTime() - 1);
    expect(m.buckets).toMatchObject({ received: 8, finished: 5, finishedEarly: 1, finishedOnTime: 2, finishedLate: 2, inProgress: 1, inProgressOverdue: 2, waitingSupplement: 1 });
    expect(m.rates.onTimeRate).toBeCloseTo((100 * 5) / 9, 10);
  });

  it('measures a period that ends today at `at`, not at midnight, when not live', async () => {
    const m = await reports.forUnit(org.ids.C, november, vn('2026-11-23 12:00'), false);
    // n finished at 16:00 on 23/11, after the instant: still in progress then.
    expect(m.buckets).toMatchObject({ finished: 5, inProgress: 1 });
  });

  it('does not divide by zero for an empty period', async () => {
    const m = await reports.forUnit(org.ids.C, { from: '2026-06-01', to: '2026-06-30' }, at, true);
    expect(m.rates).toEqual({ onTimeRate: null, onlineRate: null, digitizedRate: null, satisfactionRate: null });
    expect(m.buckets.received).toBe(0);
  });
});

describe('ranking and previous period', () => {
  it('ranks the children of the province by kind, best on-time rate first', async () => {
    const groups = await reports.ranking(org.ids.P, november, at, true);
    expect(Object.fromEntries(groups.map((g) => [g.kind, g.rows.map((r) => [r.unit.code, r.rank])]))).toEqual({
      commune: [['C', 1]],
      department: [['D', 1]],
    });
  });

  it('compares with the previous period of the same length', async () => {
    const r = await reports.report(org.ids.C, november, at, true);
    expect(r.previous.period).toEqual({ from: '2026-10-05', to: '2026-10-31' });
    // e (received 1/10, due 6/10) finished early on 5/10; d (received 20/10) was overdue on 31/10.
    expect(r.previous.buckets).toMatchObject({ received: 1, finished: 1, finishedEarly: 1, inProgressOverdue: 1 });
    expect(r.previous.rates.onTimeRate).toBe(50);
  });
});

describe('reading the counters', () => {
  it('splits a period into leading days, whole months and trailing days', async () => {
    const { segments } = await import('../../src/rates/sources.ts');
    const { toEpochDay } = await import('../../src/calendar/time.ts');
    const { monthOfDay } = await import('../../src/dossiers/daily-stats.ts');
    const d = (s: string) => toEpochDay(s);
    const m = (s: string) => monthOfDay(d(s));
    expect(segments(d('2026-01-01'), d('2026-11-27'))).toEqual([
      { kind: 'months', from: m('2026-01-01'), to: m('2026-10-01') },
      { kind: 'days', from: d('2026-11-01'), to: d('2026-11-27') },
    ]);
    expect(segments(d('2026-02-15'), d('2026-04-30'))).toEqual([
      { kind: 'days', from: d('2026-02-15'), to: d('2026-02-28') },
      { kind: 'months', from: m('2026-03-01'), to: m('2026-04-01') },
    ]);
    expect(segments(d('2026-11-02'), d('2026-11-08'))).toEqual([{ kind: 'days', from: d('2026-11-02'), to: d('2026-11-08') }]);
    expect(segments(d('2024-02-01'), d('2024-02-29'))).toEqual([{ kind: 'months', from: m('2024-02-01'), to: m('2024-02-01') }]);
    expect(segments(d('2026-11-08'), d('2026-11-02'))).toEqual([]);
  });
});
