// On the demo area (34,000 dossiers): the fast path (counters + derived fields), the per-dossier
// path and a naive computation from the definitions give the same numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../../src/calendar/calendar.ts';
import { loadCalendar } from '../../src/calendar/load.ts';
import { atLocal, addDays, epochDayOf } from '../../src/calendar/time.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { deadlineState } from '../../src/dossiers/deadline.ts';
import { emptyBuckets, type Buckets } from '../../src/rates/buckets.ts';
import { RateReports } from '../../src/rates/rates.ts';
import { lastWeek, periodEnd, yearToDate, type Period } from '../../src/rates/period.ts';
import { loadUnitTree, type UnitTree } from '../../src/org/tree.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';

const now = new Date('2026-11-27T02:00:00Z');
let database: TestDatabase;
let reports: RateReports;
let tree: UnitTree;
let calendar: WorkCalendar;

beforeAll(async () => {
  database = await testDatabase();
  await seedDemo(database, { seed: 3, now });
  calendar = await loadCalendar(database.db);
  tree = await loadUnitTree(database.db);
  reports = new RateReports(database, calendar, tree);
}, 120_000);
afterAll(async () => database.drop());

/** The buckets straight from the definitions, dossier by dossier. */
async function naive(unitCode: string, period: Period, at: Date): Promise<Buckets> {
  const units = new Set(tree.subtree(tree.byCode.get(unitCode)!.id).map((u) => u.id));
  const end = periodEnd(period, at);
  const start = atLocal(period.from, 0);
  const all = await database.db.dossier.findMany({ where: { unitId: { in: [...units] } } });
  const supplements = new Map<number, { requestedAt: Date; suppliedAt: Date | null }[]>();
  for (const s of await database.db.supplementRequest.findMany({ orderBy: [{ dossierId: 'asc' }, { seq: 'asc' }] })) {
    supplements.set(s.dossierId, [...(supplements.get(s.dossierId) ?? []), s]);
  }
  const b = emptyBuckets();
  for (const d of all) {
    const unit = tree.byId.get(d.unitId)!;
    const cal = calendar.forUnit(unit.code, unit.worksSaturday);
    const ds = supplements.get(d.id) ?? [];
    const inPeriod = (t: Date | null) => t !== null && t >= start && t <= end;
    if (inPeriod(d.receivedAt)) {
      b.received++;
      if (d.channel === 2) b.receivedOnline++;
      if (d.channel === 3) b.receivedPostal++;
      if (d.digitized) b.digitized++;
      if (d.paidOnline) (b.paidOnline++, (b.paidAmount += d.feeAmount));
    }
    const state = deadlineState({ receivedAt: d.receivedAt, dueAt: d.dueAt, finishedAt: d.finishedAt, supplements: ds }, end, cal);
    if (inPeriod(d.finishedAt) && state.kind === 'finished') {
      b.finished++;
      if (state.result === 'early') b.finishedEarly++;
      if (state.result === 'on_time') b.finishedOnTime++;
      if (state.result === 'late') b.finishedLate++;
      if (d.satisfaction !== null) (b.rated++, d.satisfaction >= 2 && b.satisfied++);
    } else if (d.receivedAt <= end && (d.finishedAt === null || d.finishedAt > end)) {
      if (state.kind === 'paused') b.waitingSupplement++;
      else if (state.kind === 'overdue') b.inProgressOverdue++;
      else b.inProgress++;
    }
  }
  return b;
}

const periods: [string, Period][] = [
  ['year to date', yearToDate(now)],
  ['this month', { from: '2026-11-01', to: '2026-11-27' }],
  ['last week', lastWeek(now)],
];

describe.each(periods)('%s', (_name, period) => {
  it.each(['QNG', 'XBS', 'XBS-KT', 'STP'])('unit %s: live, per-dossier and naive computations agree', async (code) => {
    const id = tree.byCode.get(code)!.id;
    const expected = await naive(code, period, now);
    expect(expected.received + expected.finished).toBeGreaterThan(0);
    const live = await reports.forUnit(id, period, now, true);
    const historical = await reports.forUnit(id, period, now, false);
    expect(historical.buckets).toEqual(expected);
    expect(live.buckets).toEqual(expected);
  }, 60_000);
});

it('agrees at an instant in the past, in the middle of a day', async () => {
  const at = new Date(atLocal(addDays('2026-11-27', -10), 10 * 60).getTime());
  expect(epochDayOf(at)).toBeGreaterThan(0);
  const period = { from: '2026-11-01', to: '2026-11-30' };
  const m = await reports.forUnit(tree.byCode.get('QNG')!.id, period, at, false);
  expect(m.buckets).toEqual(await naive('QNG', period, at));
}, 60_000);
