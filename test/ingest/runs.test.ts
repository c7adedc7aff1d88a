// Ingest runs over time: an import killed mid-way is marked interrupted once its process is gone
// (never while it still runs), and old runs are pruned while each source's last success stays.
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneIngestRuns } from '../../src/ingest/run-retention.ts';
import { markInterruptedRuns, pruneRuns, RUN_LEASE_MS, startRun } from '../../src/ingest/runs.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { fixedClock } from '../support/clock.ts';

const NOW = new Date('2026-11-27T02:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

let database: TestDatabase;
beforeEach(async () => {
  database = await testDatabase();
});
afterEach(async () => database.drop());

/** A process id that is certainly not running any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

async function running(source: string, lease: { owner: string; expiresAt: Date } | null): Promise<number> {
  const { db } = database;
  const run = await db.ingestRun.create({ data: { source, kind: 'csv', startedAt: NOW, status: 'running' } });
  if (lease) await db.lease.create({ data: { name: `ingest-run:${run.id}`, ...lease } });
  return run.id;
}

describe('runs cut off by a killed process', () => {
  it('are marked interrupted when their process is gone (no lease, a dead process here, an expired lease elsewhere); live ones are left running', async () => {
    const { db } = database;
    const noLease = await running('a', null);
    const deadHere = await running('b', { owner: `${hostname()}:${deadPid()}:x`, expiresAt: minutes(60) });
    const expiredElsewhere = await running('c', { owner: 'another-host:123:x', expiresAt: minutes(-1) });
    const liveElsewhere = await running('d', { owner: 'another-host:123:y', expiresAt: minutes(1) });
    const mine = await startRun(db, 'e', 'csv', NOW, fixedClock(NOW));

    const marked = await markInterruptedRuns(db, NOW);
    expect(marked.sort((x, y) => x - y)).toEqual([noLease, deadHere, expiredElsewhere]);
    const status = new Map((await db.ingestRun.findMany()).map((r) => [r.id, [r.status, r.finishedAt]]));
    expect(status.get(noLease)).toEqual(['interrupted', NOW]);
    expect(status.get(deadHere)).toEqual(['interrupted', NOW]);
    expect(status.get(expiredElsewhere)).toEqual(['interrupted', NOW]);
    expect(status.get(liveElsewhere)).toEqual(['running', null]);
    expect(status.get(mine.id)).toEqual(['running', null]);
    expect((await db.lease.findMany({ orderBy: { name: 'asc' } })).map((l) => l.name)).toEqual([`ingest-run:${liveElsewhere}`, `ingest-run:${mine.id}`]);

    // Once the other host's lease runs out unrenewed, that run is cut off too.
    expect(await markInterruptedRuns(db, new Date(minutes(1).getTime() + RUN_LEASE_MS))).toEqual([liveElsewhere]);
    await mine.release();
    expect(await db.lease.count()).toBe(0);
  });
});

describe('pruning', () => {
  it('deletes finished runs older than the retention period but keeps each source’s last successful run and any running one', async () => {
    const { db } = database;
    const make = (source: string, status: string, finishedAt: Date | null) =>
      db.ingestRun.create({ data: { source, kind: 'api', startedAt: finishedAt ?? days(-200), finishedAt, status } }).then((r) => r.id);
    const igateOld = await make('igate', 'succeeded', days(-200));
    const igateLast = await make('igate', 'succeeded', days(-120));
    const igateFailed = await make('igate', 'failed', days(-100));
    const igateRecentFailure = await make('igate', 'failed', days(-3));
    const excelOnlyFailures = await make('excel', 'interrupted', days(-150));
    const excelLast = await make('excel', 'succeeded', days(-1));
    const stillRunning = await make('excel', 'running', null);

    expect(await pruneRuns(db, NOW, 90)).toBe(3);
    const left = (await db.ingestRun.findMany({ orderBy: { id: 'asc' } })).map((r) => r.id);
    expect(left).toEqual([igateLast, igateRecentFailure, excelLast, stillRunning]);
    expect([igateOld, igateFailed, excelOnlyFailures].some((id) => left.includes(id))).toBe(false);
  });

  it('runs daily with the service: marks runs left by a dead import, then prunes', async () => {
    const { db } = database;
    const old = days(-120);
    await db.ingestRun.createMany({
      data: [
        { source: 'igate', kind: 'api', startedAt: old, finishedAt: old, status: 'failed' },
        { source: 'igate', kind: 'api', startedAt: old, finishedAt: old, status: 'succeeded' },
        { source: 'import', kind: 'csv', startedAt: old, status: 'running' },
      ],
    });
    expect(await pruneIngestRuns(db, NOW, 90)).toEqual({ interrupted: 1, pruned: 1 });
    const left = (await db.ingestRun.findMany({ orderBy: { id: 'asc' } })).map((r) => [r.source, r.status]);
    expect(left).toEqual([['igate', 'succeeded'], ['import', 'interrupted']]);
  });
});
