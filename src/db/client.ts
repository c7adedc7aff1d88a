// One Prisma Client API over either engine. Both generated clients come from the same model
// (prisma/schema.prisma), so the PostgreSQL one is used through the SQLite one's type.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.ts';
import { PrismaClient as PostgresClient } from './generated/postgresql/client.ts';
import { secureSqliteFiles } from './sqlite-files.ts';
import type { DatabaseTarget } from './url.ts';

export type Db = SqliteClient;
/** A transaction client, as passed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
/** Prisma's namespace (types, and Prisma.sql for raw fragments; the runtime is shared by both clients). */
export { Prisma } from './generated/sqlite/client.ts';

export interface Database {
  readonly target: DatabaseTarget;
  readonly db: Db;
  close(): Promise<void>;
}

/** Opens the database (creating the SQLite file and its folder privately if needed). Does not migrate. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.engine === 'sqlite') {
    secureSqliteFiles(target);
    const db = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: target.file, timeout: 15_000 }) });
    // WAL lets the CLI read while the service writes; NORMAL is durable across crashes in WAL.
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
    return { target, db, close: () => db.$disconnect() };
  }
  const pool = new pg.Pool({ ...postgresConnection(target), max: 10 });
  const client = new PostgresClient({ adapter: new PrismaPg(pool, { schema: target.schema }) });
  const db = client as unknown as Db;
  return {
    target,
    db,
    close: async () => {
      await db.$disconnect();
      await pool.end();
    },
  };
}

/** pg connection settings that put every session in the configured schema. */
export function postgresConnection(target: Extract<DatabaseTarget, { engine: 'postgresql' }>): pg.ClientConfig {
  return { connectionString: target.url, options: `-c search_path="${target.schema}"`, connectionTimeoutMillis: 10_000 };
}
