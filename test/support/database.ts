// A fresh, migrated database for one test file, on the engine DATABASE_URL names:
// SQLite (default) gets a temporary file, PostgreSQL a schema of its own, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, postgresConnection, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { parseDatabaseUrl, type DatabaseTarget } from '../../src/db/url.ts';

export const engineUnderTest: DatabaseTarget['engine'] = process.env.DATABASE_URL?.startsWith('postgres') ? 'postgresql' : 'sqlite';

export interface TestTarget {
  target: DatabaseTarget;
  /** The DATABASE_URL a child process would use for the same database. */
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database target (not migrated). */
export async function freshTarget(): Promise<TestTarget> {
  if (engineUnderTest === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dunghan-test-'));
    const url = `file:${join(dir, 'test.db')}`;
    return { target: parseDatabaseUrl(url, dir)!, url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const base = new URL(process.env.DATABASE_URL!);
  base.searchParams.set('schema', schema);
  const url = base.toString();
  const target = parseDatabaseUrl(url, process.cwd())!;
  return {
    target,
    url,
    async drop() {
      const client = new pg.Client(postgresConnection(target as Extract<DatabaseTarget, { engine: 'postgresql' }>));
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

export interface TestDatabase extends Database {
  url: string;
  drop(): Promise<void>;
}

/** A new database with every migration applied, opened. */
export async function testDatabase(): Promise<TestDatabase> {
  const fresh = await freshTarget();
  await migrate(fresh.target);
  const database = await openDatabase(fresh.target);
  return {
    ...database,
    url: fresh.url,
    async drop() {
      await database.close();
      await fresh.drop();
    },
  };
}
