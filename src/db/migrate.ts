// Applies prisma/migrations (SQLite) or prisma/postgresql/migrations (PostgreSQL) in order and
// records them in Prisma's own `_prisma_migrations` table, so `prisma migrate deploy` agrees
// wherever the native engine exists. It needs no engine binary and no network: each
// migration.sql runs in one transaction under a lock, so two instances starting together
// apply it once, and a failed migration leaves nothing half-done.
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { postgresConnection } from './client.ts';
import { secureSqliteFiles } from './sqlite-files.ts';
import type { DatabaseTarget } from './url.ts';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  /** Applied migrations whose file changed since (Prisma would warn too). */
  modified: string[];
}

/** Same lock id as Prisma's own migrate commands on PostgreSQL. */
const ADVISORY_LOCK_ID = 72707369;

export function migrationsDir(engine: DatabaseTarget['engine']): URL {
  return new URL(engine === 'sqlite' ? '../../prisma/migrations/' : '../../prisma/postgresql/migrations/', import.meta.url);
}

export function readMigrations(engine: DatabaseTarget['engine']): Migration[] {
  const dir = migrationsDir(engine);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d{14}_\w+$/.test(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(new URL(`${name}/migration.sql`, dir), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

function plan(migrations: Migration[], rows: AppliedRow[]): { todo: Migration[]; modified: string[] } {
  const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed) {
    throw new Error(
      `migration ${failed.migration_name} failed earlier and is not finished; fix the database, then mark it rolled back (prisma migrate resolve) before starting again`,
    );
  }
  const done = new Map(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r.checksum]));
  return {
    todo: migrations.filter((m) => !done.has(m.name)),
    modified: migrations.filter((m) => done.has(m.name) && done.get(m.name) !== m.checksum).map((m) => m.name),
  };
}

export async function migrate(target: DatabaseTarget): Promise<MigrateResult> {
  const migrations = readMigrations(target.engine);
  if (target.engine === 'postgresql') return migratePostgres(target, migrations);
  secureSqliteFiles(target);
  return migrateSqlite(target.file, migrations);
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

function migrateSqlite(file: string, migrations: Migration[]): MigrateResult {
  const db = new Database(file, { timeout: 15_000 });
  try {
    db.pragma('journal_mode = WAL');
    // Table rebuilds in SQLite migrations need foreign keys off; checked before each commit.
    db.pragma('foreign_keys = OFF');
    db.exec('BEGIN IMMEDIATE');
    let result: MigrateResult;
    try {
      db.exec(SQLITE_TABLE);
      const rows = db.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"').all() as AppliedRow[];
      const { todo, modified } = plan(migrations, rows);
      const record = db.prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES (?, ?, ?, ?, ?, 1)`,
      );
      for (const m of todo) {
        const started = new Date().toISOString();
        try {
          db.exec(m.sql);
        } catch (e) {
          throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
        }
        const violations = db.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) throw new Error(`migration ${m.name} leaves ${violations.length} foreign key violations`);
        record.run(randomUUID(), m.checksum, new Date().toISOString(), m.name, started);
      }
      db.exec('COMMIT');
      result = { applied: todo.map((m) => m.name), modified };
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
    return result;
  } finally {
    db.close();
  }
}

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

async function migratePostgres(target: Extract<DatabaseTarget, { engine: 'postgresql' }>, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client(postgresConnection(target));
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${ADVISORY_LOCK_ID})`);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`);
      await client.query(POSTGRES_TABLE);
      const { rows } = await client.query<AppliedRow>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"');
      const { todo, modified } = plan(migrations, rows);
      for (const m of todo) {
        const started = new Date();
        await client.query('BEGIN');
        try {
          await client.query(m.sql); // simple protocol: a script of many statements
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
             VALUES ($1, $2, now(), $3, $4, 1)`,
            [randomUUID(), m.checksum, m.name, started],
          );
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
        }
      }
      return { applied: todo.map((m) => m.name), modified };
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${ADVISORY_LOCK_ID})`);
    }
  } finally {
    await client.end();
  }
}
