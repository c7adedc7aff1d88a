// Bulk inserts store exactly what Prisma would, whatever the text (quotes, SQL, NUL, emoji).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bulkInsert } from '../../src/db/bulk.ts';
import { engineUnderTest, testDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => database.drop());

// PostgreSQL text cannot hold NUL at all (the importer rejects control characters before this).
const NASTY = ["Nguyễn Thị O'Hara", `'); DROP TABLE "Dossier"; --`, 'đ ơ ư 😀 “x”', '', ' ', '\\', "''''", ...(engineUnderTest === 'sqlite' ? ['a\u0000b'] : [])];

it('round-trips every value through bulk insert as Prisma stores it', async () => {
  const { db, target } = database;
  const at = new Date('2026-11-27T02:03:04.005Z');
  const rows = NASTY.map((text, i) => ({ at: new Date(at.getTime() + i), actor: text, action: `a${i}`, target: i % 2 === 0 ? null : text, detail: JSON.stringify({ text }) }));
  await bulkInsert(db, target.engine, 'AuditLog', rows);
  await db.auditLog.create({ data: { at, actor: 'prisma', action: 'p', target: null, detail: null } });

  const stored = await db.auditLog.findMany({ where: { action: { startsWith: 'a' } }, orderBy: { action: 'asc' } });
  expect(stored.map((r) => ({ at: r.at, actor: r.actor, action: r.action, target: r.target, detail: r.detail }))).toEqual(rows);
  expect(await db.dossier.count()).toBe(0); // the table is still there
  // Instants are stored in the same form as Prisma's own writes, so they compare as equals.
  expect(await db.auditLog.count({ where: { at } })).toBe(2);
});
