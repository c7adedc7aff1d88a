// Where the buckets come from: the per-day counters for receipts and results, and the dossiers
// in progress at the end of the period (an indexed count on the derived deadline fields when the
// period ends now; classified one by one on the calendar when it ended in the past).
import type { WorkCalendar } from '../calendar/calendar.ts';
import { addDays, atLocal, epochDayOf, fromEpochDay, localDate, toEpochDay } from '../calendar/time.ts';
import { monthOfDay } from '../dossiers/daily-stats.ts';
import { Prisma, type Db } from '../db/client.ts';
import { loadOpenDossiers, stateOf } from '../dossiers/open.ts';
import type { UnitTree } from '../org/tree.ts';
import { RECEIVING_CHANNEL } from '../dossiers/status.ts';
import { addBuckets, emptyBuckets, type Buckets } from './buckets.ts';

export type PerUnit = Map<number, Buckets>;

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

function bucketOf(map: PerUnit, unitId: number): Buckets {
  let b = map.get(unitId);
  if (!b) map.set(unitId, (b = emptyBuckets()));
  return b;
}

const SUMS = Prisma.sql`SUM("received") AS received, SUM("receivedOnline") AS "receivedOnline", SUM("receivedPostal") AS "receivedPostal",
  SUM("digitized") AS digitized, SUM("paidOnline") AS "paidOnline", SUM("paidAmount") AS "paidAmount", SUM("finished") AS finished,
  SUM("finishedEarly") AS "finishedEarly", SUM("finishedOnTime") AS "finishedOnTime", SUM("finishedLate") AS "finishedLate",
  SUM("rated") AS rated, SUM("satisfied") AS satisfied`;

/**
 * Receipts and results counted on local days [fromDay, toDay]: whole months from the monthly
 * counters, the days before and after them from the daily ones. `endsNow` says that nothing was
 * received or finished after toDay (the period ends now), so toDay's month may be read whole.
 */
export async function dailyCounts(db: Db, fromDay: number, toDay: number, into: PerUnit, endsNow = false): Promise<void> {
  for (const segment of segments(fromDay, endsNow ? lastOfMonth(toDay) : toDay)) {
    const rows = segment.kind === 'days'
      ? await db.$queryRaw<Record<string, unknown>[]>`SELECT "unitId", ${SUMS} FROM "DailyStat" WHERE "day" BETWEEN ${segment.from} AND ${segment.to} GROUP BY "unitId"`
      : await db.$queryRaw<Record<string, unknown>[]>`SELECT "unitId", ${SUMS} FROM "MonthlyStat" WHERE "month" BETWEEN ${segment.from} AND ${segment.to} GROUP BY "unitId"`;
    for (const r of rows) {
      addBuckets(bucketOf(into, num(r.unitId)), {
        received: num(r.received), receivedOnline: num(r.receivedOnline), receivedPostal: num(r.receivedPostal), digitized: num(r.digitized),
        paidOnline: num(r.paidOnline), paidAmount: num(r.paidAmount), finished: num(r.finished), finishedEarly: num(r.finishedEarly),
        finishedOnTime: num(r.finishedOnTime), finishedLate: num(r.finishedLate), rated: num(r.rated), satisfied: num(r.satisfied),
      });
    }
  }
}

type Segment = { kind: 'days' | 'months'; from: number; to: number };

const firstOfMonth = (day: number): number => toEpochDay(`${fromEpochDay(day).slice(0, 8)}01`);
const lastOfMonth = (day: number): number => toEpochDay(addDays(`${addDays(`${fromEpochDay(day).slice(0, 8)}01`, 32).slice(0, 8)}01`, -1));

/** [fromDay, toDay] as at most: leading days, a run of whole months, trailing days. */
export function segments(fromDay: number, toDay: number): Segment[] {
  if (toDay < fromDay) return [];
  const out: Segment[] = [];
  let day = fromDay;
  if (day !== firstOfMonth(day)) {
    const end = Math.min(lastOfMonth(day), toDay);
    out.push({ kind: 'days', from: day, to: end });
    day = end + 1;
  }
  let monthsFrom = -1;
  let monthsTo = -1;
  while (day <= toDay && lastOfMonth(day) <= toDay) {
    if (monthsFrom < 0) monthsFrom = monthOfDay(day);
    monthsTo = monthOfDay(day);
    day = lastOfMonth(day) + 1;
  }
  if (monthsFrom >= 0) out.push({ kind: 'months', from: monthsFrom, to: monthsTo });
  if (day <= toDay) out.push({ kind: 'days', from: day, to: toDay });
  return out;
}

/** Receipts and results between the start of `end`'s local day and `end` (a partial day). */
export async function partialDayCounts(db: Db, end: Date, into: PerUnit): Promise<void> {
  const start = atLocal(localDate(end), 0);
  const received = await db.dossier.findMany({
    where: { receivedAt: { gte: start, lte: end } },
    select: { unitId: true, channel: true, digitized: true, paidOnline: true, feeAmount: true },
  });
  for (const d of received) {
    const b = bucketOf(into, d.unitId);
    b.received++;
    if (d.channel === RECEIVING_CHANNEL.online) b.receivedOnline++;
    if (d.channel === RECEIVING_CHANNEL.postal) b.receivedPostal++;
    if (d.digitized) b.digitized++;
    if (d.paidOnline) {
      b.paidOnline++;
      b.paidAmount += d.feeAmount;
    }
  }
  const finished = await db.dossier.findMany({ where: { finishedAt: { gte: start, lte: end } }, select: { unitId: true, result: true, satisfaction: true } });
  for (const d of finished) {
    const b = bucketOf(into, d.unitId);
    b.finished++;
    if (d.result === 'early') b.finishedEarly++;
    else if (d.result === 'on_time') b.finishedOnTime++;
    else if (d.result === 'late') b.finishedLate++;
    if (d.satisfaction !== null) {
      b.rated++;
      if (d.satisfaction >= 2) b.satisfied++;
    }
  }
}

/** The open dossiers now, by state, from the derived deadline fields (one indexed query). */
export async function openNow(db: Db, now: Date, into: PerUnit): Promise<void> {
  const today = epochDayOf(now);
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT "unitId", COUNT(*) AS open,
           SUM(CASE WHEN "clockStopped" THEN 1 ELSE 0 END) AS waiting,
           SUM(CASE WHEN NOT "clockStopped" AND "overdueFromDay" <= ${today} THEN 1 ELSE 0 END) AS overdue
      FROM "Dossier" WHERE "finishedAt" IS NULL GROUP BY "unitId"`;
  for (const r of rows) {
    const b = bucketOf(into, num(r.unitId));
    const waiting = num(r.waiting);
    const overdue = num(r.overdue);
    b.waitingSupplement += waiting;
    b.inProgressOverdue += overdue;
    b.inProgress += num(r.open) - waiting - overdue;
  }
}

/** The dossiers in progress at a past instant, each classified on its unit's calendar. */
export async function inProgressAt(db: Db, end: Date, calendar: WorkCalendar, tree: UnitTree, into: PerUnit): Promise<void> {
  for (const d of await loadOpenDossiers(db, end)) {
    const s = stateOf(d, end, calendar, tree);
    const b = bucketOf(into, d.unitId);
    if (s.kind === 'paused') b.waitingSupplement++;
    else if (s.kind === 'overdue') b.inProgressOverdue++;
    else b.inProgress++;
  }
}
