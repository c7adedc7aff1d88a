import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { postgresSchemaPath, sqliteSchemaPath } from '../../prisma/generate.mjs';
import { applyWithPrisma } from '../../prisma/schema-engine.ts';
import { openDatabase, postgresConnection } from '../../src/db/client.ts';
import { migrate, migrationsDir, readMigrations } from '../../src/db/migrate.ts';
import { engineUnderTest, freshTarget, type TestTarget } from '../support/database.ts';

let fresh: TestTarget | undefined;
afterEach(async () => {
  await fresh?.drop();
  fresh = undefined;
});

describe(`migrations on ${engineUnderTest}`, () => {
  it('apply to an empty database, are recorded the way Prisma records them, and run once', async () => {
    fresh = await freshTarget();
    const all = readMigrations(engineUnderTest).map((m) => m.name);
    expect(all.length).toBeGreaterThan(0);

    expect((await migrate(fresh.target)).applied).toEqual(all);
    expect((await migrate(fresh.target)).applied).toEqual([]);

    const { db, close } = await openDatabase(fresh.target);
    try {
      const rows = await db.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: unknown; applied_steps_count: unknown }[]>(
        'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
      );
      expect(rows.map((r) => r.migration_name)).toEqual(all);
      for (const [i, m] of readMigrations(engineUnderTest).entries()) {
        expect(rows[i]!.checksum).toBe(createHash('sha256').update(m.sql).digest('hex'));
        expect(rows[i]!.finished_at).not.toBeNull();
        expect(Number(rows[i]!.applied_steps_count)).toBe(1);
      }
      // The schema is usable through Prisma Client.
      const unit = await db.unit.create({ data: { code: 'T', name: 'Thử', kind: 'province', path: '/1/' } });
      expect(await db.unit.findUnique({ where: { code: 'T' } })).toMatchObject({ id: unit.id, name: 'Thử' });
    } finally {
      await close();
    }
  });

  it("leave nothing for Prisma's own migrate deploy to apply", async () => {
    fresh = await freshTarget();
    await migrate(fresh.target);
    const t = fresh.target;
    // Prisma's engine holds its advisory lock for as long as its connection lives: close it.
    const pool = t.engine === 'postgresql' ? new pg.Pool(postgresConnection(t)) : null;
    const factory = t.engine === 'sqlite' ? new PrismaBetterSqlite3({ url: t.file }) : new PrismaPg(pool!, { schema: t.schema });
    const schemaPath = t.engine === 'sqlite' ? sqliteSchemaPath : postgresSchemaPath;
    const provider = t.engine === 'sqlite' ? 'sqlite' : 'postgresql';
    const dir = fileURLToPath(migrationsDir(t.engine));
    try {
      expect(await applyWithPrisma(schemaPath, readFileSync(schemaPath, 'utf8'), factory, dir, provider)).toEqual([]);
    } finally {
      await pool?.end();
    }
  });

  it('two processes starting together apply each migration once', async () => {
    fresh = await freshTarget();
    const results = await Promise.all([migrate(fresh.target), migrate(fresh.target), migrate(fresh.target)]);
    const applied = results.flatMap((r) => r.applied);
    expect(applied.sort()).toEqual(readMigrations(engineUnderTest).map((m) => m.name).sort());
  });

  it('refuses to continue after a migration that failed half-way', async () => {
    fresh = await freshTarget();
    await migrate(fresh.target);
    const { db, close } = await openDatabase(fresh.target);
    await db.$executeRawUnsafe(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('x', 'y', '29990101000000_broken', CURRENT_TIMESTAMP, 0)`,
    );
    await close();
    await expect(migrate(fresh.target)).rejects.toThrow(/29990101000000_broken/);
  });
});
