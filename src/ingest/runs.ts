// Ingest runs: one row per import, API call or demo seeding. The last successful run tells how
// fresh the data is (dossiers/freshness.ts reads it for /healthz, /metrics, the staleness alarm and /tiendo).
// An import runs for minutes: while it runs it holds a lease named after its run, renewed by a
// timer, so that a process killed mid-import leaves a run nobody holds. The next start of the
// service or of an import marks such runs `interrupted` (on the same machine at once, by the
// process id; on another, once the lease has expired). Old runs are pruned daily, keeping each
// source's last successful run.
import { hostname } from 'node:os';
import type { Db, Tx } from '../db/client.ts';
import { every, type Clock } from '../core/clock.ts';
import { acquireLease, releaseLease } from '../db/lease.ts';

export type RunKind = 'csv' | 'xlsx' | 'api' | 'demo';
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'interrupted';

/** How long a running import's lease lasts without renewal (it is renewed every quarter of it). */
export const RUN_LEASE_MS = 120_000;

const leaseName = (id: number) => `ingest-run:${id}`;

export interface RunningRun {
  id: number;
  /** Stops renewing the lease and releases it. */
  release(): Promise<void>;
}

/** Creates a `running` run and its lease together, and keeps the lease while the process lives. */
export async function startRun(db: Db, source: string, kind: RunKind, now: Date, clock: Clock): Promise<RunningRun> {
  const owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 10)}`;
  const id = await db.$transaction(async (tx) => {
    const run = await tx.ingestRun.create({ data: { source, kind, startedAt: now, status: 'running' }, select: { id: true } });
    await tx.lease.create({ data: { name: leaseName(run.id), owner, expiresAt: new Date(clock.now().getTime() + RUN_LEASE_MS) } });
    return run.id;
  });
  const stop = every(clock, RUN_LEASE_MS / 4, () => acquireLease(db, leaseName(id), owner, RUN_LEASE_MS, clock.now()).catch(() => {}));
  return {
    id,
    async release() {
      stop();
      await releaseLease(db, leaseName(id), owner);
    },
  };
}

export async function finishRun(
  db: Db | Tx,
  id: number,
  status: Exclude<RunStatus, 'running'>,
  now: Date,
  counts?: { inserted: number; updated: number; unchanged: number; rejected: number },
): Promise<void> {
  await db.ingestRun.update({ where: { id }, data: { status, finishedAt: now, ...counts } });
}

/** Whether the process holding a lease may still be running. */
function holderAlive(owner: string, expiresAt: Date, now: Date): boolean {
  const [host, pid] = owner.split(':');
  if (host !== hostname() || !/^\d+$/.test(pid ?? '')) return expiresAt >= now;
  if (Number(pid) === process.pid) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** Marks `interrupted` every running run whose process is gone; returns their ids. */
export async function markInterruptedRuns(db: Db, now: Date): Promise<number[]> {
  const running = await db.ingestRun.findMany({ where: { status: 'running' }, select: { id: true } });
  if (running.length === 0) return [];
  const leases = new Map((await db.lease.findMany({ where: { name: { in: running.map((r) => leaseName(r.id)) } } })).map((l) => [l.name, l]));
  const gone = running.map((r) => r.id).filter((id) => {
    const lease = leases.get(leaseName(id));
    return !lease || !holderAlive(lease.owner, lease.expiresAt, now);
  });
  if (gone.length === 0) return [];
  await db.ingestRun.updateMany({ where: { id: { in: gone }, status: 'running' }, data: { status: 'interrupted', finishedAt: now } });
  await db.lease.deleteMany({ where: { name: { in: gone.map(leaseName) } } });
  return gone;
}

/**
 * Deletes finished runs older than `keepDays`, except each source's last successful run (the data's
 * freshness, /healthz and /metrics read it). Running runs are never deleted.
 */
export async function pruneRuns(db: Db, now: Date, keepDays: number): Promise<number> {
  const before = new Date(now.getTime() - keepDays * 86_400_000);
  const last = await db.ingestRun.groupBy({ by: ['source'], where: { status: 'succeeded', finishedAt: { not: null } }, _max: { finishedAt: true } });
  const keep = last.flatMap((l) => (l._max.finishedAt ? [{ source: l.source, status: 'succeeded', finishedAt: l._max.finishedAt }] : []));
  const { count } = await db.ingestRun.deleteMany({
    where: { status: { not: 'running' }, finishedAt: { lt: before }, NOT: keep.length > 0 ? { OR: keep } : undefined },
  });
  return count;
}
