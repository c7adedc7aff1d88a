// GET /metrics in the Prometheus text format (0.0.4): dossiers by deadline state (open ones from
// the derived fields the store keeps, finished ones from the counters), outbox rows by status,
// delivery errors by channel, and the last successful ingest of each source.
import type { WorkCalendar } from '../calendar/calendar.ts';
import { epochDayOf } from '../calendar/time.ts';
import { Prisma, type Database } from '../db/client.ts';
import { dataStaleness, lastSuccessBySource } from '../dossiers/freshness.ts';

const OPEN_STATES = ['not_due', 'due_soon', 'due_today', 'overdue', 'paused'] as const;
const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'dead', 'cancelled'] as const;

const escape = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const label = (labels: Record<string, string>): string => {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escape(v)}"`);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
};

class Exposition {
  readonly lines: string[] = [];
  family(name: string, help: string, samples: { labels?: Record<string, string>; value: number }[]): void {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
    for (const s of samples) this.lines.push(`${name}${label(s.labels ?? {})} ${Number.isFinite(s.value) ? s.value : 0}`);
  }
  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** Open dossiers by state at `now`, from the derived fields (the province-wide calendar for "due soon"). */
async function openDossierStates(database: Database, now: Date, calendar: WorkCalendar, dueSoonWorkingDays: number): Promise<Record<(typeof OPEN_STATES)[number], number>> {
  const today = epochDayOf(now);
  // Due soon: due after today but before the (N+1)-th working day, as deadlineState counts it.
  const limit = calendar.workingEpochDayAfter(today, dueSoonWorkingDays + 1);
  const rows = await database.db.$queryRaw<{ state: string; n: number | bigint }[]>(Prisma.sql`
    SELECT CASE
             WHEN "clockStopped" = TRUE THEN 'paused'
             WHEN "overdueFromDay" IS NOT NULL AND "overdueFromDay" <= ${today} THEN 'overdue'
             WHEN "dueDay" = ${today} THEN 'due_today'
             WHEN "dueDay" > ${today} AND "dueDay" < ${limit} THEN 'due_soon'
             ELSE 'not_due'
           END AS state,
           COUNT(*) AS n
      FROM "Dossier"
     WHERE "finishedAt" IS NULL
     GROUP BY 1`);
  const out = Object.fromEntries(OPEN_STATES.map((s) => [s, 0])) as Record<(typeof OPEN_STATES)[number], number>;
  for (const r of rows) if (r.state in out) out[r.state as (typeof OPEN_STATES)[number]] = Number(r.n);
  return out;
}

export async function metricsText(database: Database, o: { now: Date; calendar: WorkCalendar; dueSoonWorkingDays: number; staleAfterWorkingDays: number }): Promise<string> {
  const { db } = database;
  const [open, finished, outbox, errors, bySource, staleness] = await Promise.all([
    openDossierStates(database, o.now, o.calendar, o.dueSoonWorkingDays),
    db.monthlyStat.aggregate({ _sum: { finishedEarly: true, finishedOnTime: true, finishedLate: true } }),
    db.outbox.groupBy({ by: ['status'], _count: { _all: true } }),
    db.outbox.groupBy({ by: ['channel', 'status'], where: { lastError: { not: null } }, _count: { _all: true } }),
    lastSuccessBySource(db),
    dataStaleness(db, { now: o.now, calendar: o.calendar, staleAfterWorkingDays: o.staleAfterWorkingDays }),
  ]);
  const m = new Exposition();
  m.family('dunghan_dossiers', 'Dossiers by deadline state now: open ones from their derived deadline fields, finished ones by result (all time).', [
    ...OPEN_STATES.map((state) => ({ labels: { state }, value: open[state] })),
    { labels: { state: 'early' }, value: finished._sum.finishedEarly ?? 0 },
    { labels: { state: 'on_time' }, value: finished._sum.finishedOnTime ?? 0 },
    { labels: { state: 'late' }, value: finished._sum.finishedLate ?? 0 },
  ]);
  const byStatus = new Map(outbox.map((r) => [r.status, r._count._all]));
  m.family('dunghan_outbox_messages', 'Outbox rows by status.', [...new Set([...OUTBOX_STATUSES, ...byStatus.keys()])].map((status) => ({ labels: { status }, value: byStatus.get(status) ?? 0 })));
  m.family('dunghan_outbox_delivery_errors', 'Outbox rows whose last delivery attempt failed, by channel and status (dead: given up).',
    errors.map((r) => ({ labels: { channel: r.channel, status: r.status }, value: r._count._all })));
  m.family('dunghan_last_successful_ingest_timestamp_seconds', 'Unix time of the last successful import or ingest call, by source.',
    [...bySource].map(([source, at]) => ({ labels: { source }, value: Math.floor(at.getTime() / 1000) })));
  m.family('dunghan_data_stale', '1 when no import or ingest has succeeded for STALE_AFTER_WORKING_DAYS working days.', [{ value: staleness.stale ? 1 : 0 }]);
  return m.text();
}
