// Ingest runs are kept as long as deliveries (OUTBOX_RETENTION_DAYS): once a day, a little after
// the outbox is pruned, older runs are deleted except each source's last success (see runs.ts),
// and runs left behind by an import whose process died are marked interrupted.
import schedule from 'node-schedule';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../log.ts';
import { markInterruptedRuns, pruneRuns } from './runs.ts';

export async function pruneIngestRuns(db: Db, now: Date, keepDays: number): Promise<{ interrupted: number; pruned: number }> {
  // Marked first: a run cut off long ago is then pruned on a later day, not before anyone saw it.
  const interrupted = (await markInterruptedRuns(db, now)).length;
  return { interrupted, pruned: await pruneRuns(db, now, keepDays) };
}

/** Prunes every day at 02:20 Asia/Ho_Chi_Minh. */
export function startRunRetention(db: Db, log: Logger, clock: Clock, keepDays: number): { stop(): void } {
  const job = schedule.scheduleJob({ rule: '20 2 * * *', tz: 'Asia/Ho_Chi_Minh' }, () => {
    pruneIngestRuns(db, clock.now(), keepDays)
      .then((p) => log.info(p, 'old ingest runs pruned'))
      .catch((e: unknown) => log.error({ err: e }, 'pruning ingest runs failed'));
  });
  return { stop: () => job?.cancel() };
}
