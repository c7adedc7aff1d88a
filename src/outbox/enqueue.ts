// Writing to the outbox: in the caller's transaction, skipping messages already there (same
// dedupKey), so a plan written twice is sent once. A message for a channel that no instance runs
// is written all the same, with a lastError saying so (stuck.ts).
import { createHash } from 'node:crypto';
import { bulkInsert } from '../db/bulk.ts';
import type { Db, Tx } from '../db/client.ts';
import type { DatabaseTarget } from '../db/url.ts';
import type { OutboxMessage } from './message.ts';
import { startingErrors } from './stuck.ts';

/** Stores a PNG once and returns its key for OutboxPayload.image. */
export async function storeAttachment(db: Db | Tx, png: Buffer, now: Date): Promise<string> {
  const sha256 = createHash('sha256').update(png).digest('hex');
  await db.attachment.upsert({ where: { sha256 }, create: { sha256, mime: 'image/png', data: new Uint8Array(png), createdAt: now }, update: {} });
  return sha256;
}

/** Adds the messages not already in the outbox; returns the dedupKeys actually added. */
export async function enqueue(db: Db | Tx, engine: DatabaseTarget['engine'], messages: readonly OutboxMessage[], now: Date): Promise<string[]> {
  if (messages.length === 0) return [];
  const errorOf = await startingErrors(db, now);
  const rows = messages.map((m) => ({
    dedupKey: m.dedupKey,
    officialId: m.officialId,
    channel: m.channel,
    address: m.address,
    kind: m.kind,
    payload: JSON.stringify(m.payload),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: m.notBefore,
    lastError: errorOf(m.channel),
    createdAt: now,
    updatedAt: now,
  }));
  const added = await bulkInsert<{ dedupKey: string }>(db, engine, 'Outbox', rows, ['dedupKey'], ['dedupKey']);
  return added.map((r) => r.dedupKey);
}
