// Multi-row INSERT for bulk writes (demo data, imports): one statement per chunk of rows instead
// of Prisma's per-row work, about eight times faster on SQLite. Columns and values must follow
// the Prisma model (Date for DateTime, boolean for Boolean); DEFAULT and @updatedAt are not
// applied, so callers pass createdAt and updatedAt themselves.
import type { Db, Tx } from './client.ts';
import type { DatabaseTarget } from './url.ts';

type Engine = DatabaseTarget['engine'];
type Row = Record<string, unknown>;

/** Below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement. */
const MAX_PARAMS = 30_000;

const quote = (identifier: string): string => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(identifier)) throw new Error(`bad SQL identifier: ${identifier}`);
  return `"${identifier}"`;
};

function statement(engine: Engine, table: string, columns: string[], count: number, returning: string[], skipConflictOn: string[]): string {
  let n = 0;
  const tuple = () => `(${columns.map(() => (engine === 'sqlite' ? '?' : `$${++n}`)).join(', ')})`;
  const values = Array.from({ length: count }, tuple).join(', ');
  const skip = skipConflictOn.length > 0 ? ` ON CONFLICT (${skipConflictOn.map(quote).join(', ')}) DO NOTHING` : '';
  const ret = returning.length > 0 ? ` RETURNING ${returning.map(quote).join(', ')}` : '';
  return `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${values}${skip}${ret}`;
}

/**
 * Inserts rows (all with the same keys) and returns the `returning` columns of each inserted
 * row. With `skipConflictOn`, rows clashing on that unique key are skipped (and not returned).
 */
export async function bulkInsert<R extends Row = Row>(
  db: Db | Tx,
  engine: Engine,
  table: string,
  rows: readonly Row[],
  returning: string[] = [],
  skipConflictOn: string[] = [],
): Promise<R[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const params = chunk.flatMap((r) => columns.map((c) => r[c] ?? null));
    const sql = statement(engine, table, columns, chunk.length, returning, skipConflictOn);
    if (returning.length > 0) out.push(...(await db.$queryRawUnsafe<R[]>(sql, ...params)));
    else await db.$executeRawUnsafe(sql, ...params);
  }
  return out;
}
