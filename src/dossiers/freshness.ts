// How fresh the dossier data are: the last successful ingest run (an import, an API call, the demo
// seeding), and whether none has succeeded for STALE_AFTER_WORKING_DAYS working days (working time
// only: a Friday-afternoon import is not stale on Monday morning). Read by /healthz, /metrics,
// the /tiendo note and the staleness alarm (alerts/staleness.ts); ingest/runs.ts writes the runs.
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { Db } from '../db/client.ts';

export interface StalenessOptions {
  now: Date;
  /** The province-wide calendar (working hours and days). */
  calendar: WorkCalendar;
  staleAfterWorkingDays: number;
}

export interface Staleness {
  /** The last successful ingest (null if there has never been one: nothing to be stale from). */
  last: { at: Date; source: string } | null;
  stale: boolean;
}

export async function dataStaleness(db: Db, o: StalenessOptions): Promise<Staleness> {
  const last = await dataFreshness(db, o.now);
  if (!last) return { last: null, stale: false };
  let elapsed: number;
  try {
    elapsed = o.calendar.workingMillisBetween(last.at, o.now);
  } catch {
    return { last, stale: true }; // older than the calendar covers
  }
  return { last, stale: elapsed >= o.staleAfterWorkingDays * o.calendar.fullDayMillis };
}

/** The latest successful run at or before `now`: when the data were last brought up to date, and by which source. */
export async function dataFreshness(db: Db, now: Date): Promise<{ at: Date; source: string } | null> {
  const run = await db.ingestRun.findFirst({
    where: { status: 'succeeded', finishedAt: { not: null, lte: now } },
    orderBy: { finishedAt: 'desc' },
    select: { finishedAt: true, source: true },
  });
  return run?.finishedAt ? { at: run.finishedAt, source: run.source } : null;
}

/** The last successful run of each source. */
export async function lastSuccessBySource(db: Db): Promise<Map<string, Date>> {
  const rows = await db.ingestRun.groupBy({ by: ['source'], where: { status: 'succeeded', finishedAt: { not: null } }, _max: { finishedAt: true } });
  return new Map(rows.filter((r) => r._max.finishedAt).map((r) => [r.source, r._max.finishedAt!]));
}
