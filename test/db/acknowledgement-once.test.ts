// The migration that makes an acknowledgement unique per dossier, official, kind and date keeps
// the latest of the repeated rows a double press left behind, so it applies to existing data.
import { afterEach, describe, expect, it } from 'vitest';
import { readMigrations } from '../../src/db/migrate.ts';
import { engineUnderTest, testDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase | undefined;
afterEach(async () => database?.drop());

describe(`the acknowledgement_once migration on ${engineUnderTest}`, () => {
  it('keeps the latest of repeated acknowledgements, then refuses a repeat', async () => {
    database = await testDatabase();
    const { db } = database;
    const migration = readMigrations(engineUnderTest).find((m) => m.name.endsWith('_acknowledgement_once'))!;
    // The database as it was before: no unique key, and a button pressed twice.
    await db.$executeRawUnsafe('DROP INDEX "Acknowledgement_dossierId_officialId_kind_until_key"');
    const row = (until: string, minute: number) => ({
      dossierId: 1, officialId: 2, kind: 'commit', until, channel: 'telegram', createdAt: new Date(Date.UTC(2026, 11, 2, 1, minute)),
    });
    await db.acknowledgement.createMany({ data: [row('2026-12-07', 0), row('2026-12-07', 1), row('2026-12-09', 2), row('2026-12-07', 3)] });

    for (const statement of migration.sql.split(';').filter((s) => s.replace(/--.*$/gm, '').trim() !== '')) await db.$executeRawUnsafe(statement);

    const left = await db.acknowledgement.findMany({ orderBy: { id: 'asc' } });
    expect(left.map((a) => [a.until, a.createdAt.getUTCMinutes()])).toEqual([['2026-12-09', 2], ['2026-12-07', 3]]);
    await expect(db.acknowledgement.create({ data: row('2026-12-07', 4) })).rejects.toThrow();
  });
});
