// What is kept of deliveries, and how long (Law 91/2025 Art. 3: keep personal data only as long
// as needed): sent, dead and cancelled outbox rows, the reminder log and the images older than
// the retention period are deleted once a day. Pending rows are never deleted.
import schedule from 'node-schedule';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../log.ts';

export interface Pruned {
  outbox: number;
  alertItems: number;
  attachments: number;
}

export async function pruneDeliveries(db: Db, now: Date, keepDays: number): Promise<Pruned> {
  const before = new Date(now.getTime() - keepDays * 86_400_000);
  const alertItems = await db.alertItem.deleteMany({ where: { createdAt: { lt: before } } });
  const outbox = await db.outbox.deleteMany({ where: { status: { in: ['sent', 'dead', 'cancelled'] }, updatedAt: { lt: before } } });
  // An image is kept while a message still waiting refers to it.
  const waiting = await db.outbox.findMany({ where: { status: { in: ['pending', 'sending'] }, payload: { contains: '"sha256"' } }, select: { payload: true } });
  const inUse = waiting.map((r) => (JSON.parse(r.payload) as { image?: { sha256: string } }).image?.sha256).filter((x): x is string => x !== undefined);
  const attachments = await db.attachment.deleteMany({ where: { createdAt: { lt: before }, sha256: { notIn: inUse } } });
  return { outbox: outbox.count, alertItems: alertItems.count, attachments: attachments.count };
}

/** Prunes every day at 02:15 Asia/Ho_Chi_Minh. */
export function startRetention(db: Db, log: Logger, clock: Clock, keepDays: number): { stop(): void } {
  const job = schedule.scheduleJob({ rule: '15 2 * * *', tz: 'Asia/Ho_Chi_Minh' }, () => {
    pruneDeliveries(db, clock.now(), keepDays)
      .then((p) => log.info(p, 'old deliveries pruned'))
      .catch((e: unknown) => log.error({ err: e }, 'pruning deliveries failed'));
  });
  return { stop: () => job?.cancel() };
}
