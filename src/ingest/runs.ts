// Ingest runs: one row per import, API call or demo seeding. The last successful run tells how
// fresh the data is (for /healthz, /metrics, the staleness alarm and the /tiendo note).
import type { Db, Tx } from '../db/client.ts';

export type RunKind = 'csv' | 'xlsx' | 'api' | 'demo';

export async function startRun(db: Db | Tx, source: string, kind: RunKind, now: Date): Promise<number> {
  const run = await db.ingestRun.create({ data: { source, kind, startedAt: now, status: 'running' }, select: { id: true } });
  return run.id;
}

export async function finishRun(
  db: Db | Tx,
  id: number,
  status: 'succeeded' | 'failed',
  now: Date,
  counts?: { inserted: number; updated: number; unchanged: number; rejected: number },
): Promise<void> {
  await db.ingestRun.update({ where: { id }, data: { status, finishedAt: now, ...counts } });
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
