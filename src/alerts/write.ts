// Stage 5, outbox: the messages and the log of the items they deliver are written in one
// transaction, so an item is either planned and logged or neither.
import { createHash } from 'node:crypto';
import type { Database } from '../db/client.ts';
import { bulkInsert } from '../db/bulk.ts';
import { enqueue } from '../outbox/enqueue.ts';
import type { AlertMessage } from './group.ts';

export async function writeAlerts(database: Database, messages: readonly AlertMessage[], notBefore: Date, now: Date): Promise<number> {
  if (messages.length === 0) return 0;
  const { db, target } = database;
  return db.$transaction(async (tx) => {
    const rows = messages.map((m) => ({
      message: m,
      dedupKey: `alert:${m.official.code}:${m.address.channel}:${createHash('sha256').update(m.itemKeys.join('\n')).digest('hex').slice(0, 32)}`,
    }));
    const added = new Set(await enqueue(tx, target.engine, rows.map(({ message: m, dedupKey }) => ({
      dedupKey,
      officialId: m.official.id,
      channel: m.address.channel,
      address: m.address.address,
      kind: m.stages.some((s) => s !== 'due_soon' && s !== 'due_today' && s !== 'overdue' && s !== 'commit_missed') ? 'escalation' : m.stages[0]!,
      payload: { text: m.text, ...(m.buttons.length > 0 ? { buttons: m.buttons } : {}) },
      notBefore,
    })), now));
    const ids = new Map((await tx.outbox.findMany({ where: { dedupKey: { in: [...added] } }, select: { id: true, dedupKey: true } })).map((r) => [r.dedupKey, r.id]));
    const items = rows.filter((r) => added.has(r.dedupKey)).flatMap((r) => r.message.itemKeys.map((key) => ({ key, outboxId: ids.get(r.dedupKey)!, createdAt: now })));
    await bulkInsert(tx, target.engine, 'AlertItem', items, [], ['key']);
    return added.size;
  }, { timeout: 120_000, maxWait: 30_000 });
}
