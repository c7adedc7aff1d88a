import { afterEach, expect, it } from 'vitest';
import { enqueue, storeAttachment } from '../../src/outbox/enqueue.ts';
import { pruneDeliveries } from '../../src/outbox/retention.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
afterEach(async () => database?.drop());

it('deletes old sent messages, their log and unused images, and keeps what still waits', async () => {
  database = await testDatabase();
  const { db } = database;
  const old = new Date('2026-06-01T00:00:00Z');
  const now = new Date('2026-11-27T00:00:00Z');
  const png = await storeAttachment(db, Buffer.from('old image'), old);
  const kept = await storeAttachment(db, Buffer.from('image still waiting'), old);
  await enqueue(db, database.target.engine, [
    { dedupKey: 'sent-old', officialId: null, channel: 'telegram', address: '1', kind: 'digest', payload: { text: 'a', image: { sha256: png } }, notBefore: old },
    { dedupKey: 'pending-old', officialId: null, channel: 'telegram', address: '1', kind: 'digest', payload: { text: 'b', image: { sha256: kept } }, notBefore: old },
    { dedupKey: 'sent-new', officialId: null, channel: 'telegram', address: '1', kind: 'overdue', payload: { text: 'c' }, notBefore: now },
  ], old);
  await db.outbox.update({ where: { dedupKey: 'sent-old' }, data: { status: 'sent', updatedAt: old } });
  await db.outbox.update({ where: { dedupKey: 'sent-new' }, data: { status: 'sent', updatedAt: now } });
  await db.alertItem.create({ data: { key: 'overdue:X:o:0', outboxId: 1, createdAt: old } });

  expect(await pruneDeliveries(db, now, 90)).toEqual({ outbox: 1, alertItems: 1, attachments: 1 });
  expect((await db.outbox.findMany({ orderBy: { dedupKey: 'asc' } })).map((r) => r.dedupKey)).toEqual(['pending-old', 'sent-new']);
  expect((await db.attachment.findMany()).map((a) => a.sha256)).toEqual([kept]);
});
