// Multi-row INSERT for bulk writes (demo data, imports): one statement per chunk of rows instead
// of Prisma's per-row work. Columns and values must follow the Prisma model (Date for DateTime,
// boolean for Boolean); DEFAULT and @updatedAt are not applied, so callers pass createdAt and
// updatedAt themselves.
//
// On SQLite the values are written into the statement as SQL literals, in exactly the form the
// Prisma adapter binds them (booleans 1/0, instants as ISO 8601 text with "+00:00"): Prisma's
// per-parameter processing, not SQLite, was most of the cost of a bulk insert (profiled: about
// 1.4 µs per bound value, i.e. ~45 µs per dossier row). Strings are quoted by doubling single
// quotes, which is all SQLite's string literal syntax needs (it has no backslash escapes); a chunk
// holding a NUL character falls back to bound parameters. PostgreSQL always binds parameters.
import type { Db, Tx } from './client.ts';
import type { DatabaseTarget } from './url.ts';

type Engine = DatabaseTarget['engine'];
type Row = Record<string, unknown>;

/** Below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement. */
const MAX_PARAMS = 30_000;
/** Values per statement when they are written as literals (keeps each statement a few MB at most). */
const MAX_LITERALS = 60_000;

const quote = (identifier: string): string => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(identifier)) throw new Error(`bad SQL identifier: ${identifier}`);
  return `"${identifier}"`;
};

function tail(skipConflictOn: string[], returning: string[]): string {
  const skip = skipConflictOn.length > 0 ? ` ON CONFLICT (${skipConflictOn.map(quote).join(', ')}) DO NOTHING` : '';
  const ret = returning.length > 0 ? ` RETURNING ${returning.map(quote).join(', ')}` : '';
  return `${skip}${ret}`;
}

function statement(engine: Engine, table: string, columns: string[], count: number, returning: string[], skipConflictOn: string[]): string {
  let n = 0;
  const tuple = () => `(${columns.map(() => (engine === 'sqlite' ? '?' : `$${++n}`)).join(', ')})`;
  const values = Array.from({ length: count }, tuple).join(', ');
  return `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${values}${tail(skipConflictOn, returning)}`;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
/** 'YYYY-MM-DD' of recent UTC days (bulk rows share few days): formatting a date is the costly part. */
const dayText = new Map<number, string>();

/** `'2026-11-27T02:00:00.000+00:00'`: what date.toISOString().replace('Z', '+00:00') gives, faster. */
function instantLiteral(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  let date = dayText.get(day);
  if (date === undefined) {
    const iso = new Date(day * 86_400_000).toISOString();
    if (iso.length !== 24) return `'${new Date(ms).toISOString().replace('Z', '+00:00')}'`; // years beyond 9999
    date = iso.slice(0, 10);
    if (dayText.size > 20_000) dayText.clear();
    dayText.set(day, date);
  }
  let rest = ms - day * 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const sec = Math.floor(rest / 1000);
  const milli = rest - sec * 1000;
  return `'${date}T${pad2(h)}:${pad2(m)}:${pad2(sec)}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}+00:00'`;
}

/** A value as a SQLite literal, as the Prisma better-sqlite3 adapter would bind it; null if it cannot be one. */
function sqliteLiteral(value: unknown): string | null {
  if (value === null || value === undefined) return 'NULL';
  switch (typeof value) {
    case 'string':
      return value.includes('\0') ? null : `'${value.includes("'") ? value.replaceAll("'", "''") : value}'`;
    case 'number':
      return Number.isFinite(value) ? String(value) : null;
    case 'boolean':
      return value ? '1' : '0';
    case 'bigint':
      return value.toString();
    default:
      if (value instanceof Date) {
        const t = value.getTime();
        return Number.isNaN(t) ? null : instantLiteral(t);
      }
      if (value instanceof Uint8Array) return `X'${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}'`;
      return null;
  }
}

/** The chunk as one literal VALUES list, or null if some value needs binding. */
function literalValues(chunk: readonly Row[], columns: string[]): string | null {
  const tuples: string[] = new Array(chunk.length);
  for (let i = 0; i < chunk.length; i++) {
    const row = chunk[i]!;
    let tuple = '(';
    for (let c = 0; c < columns.length; c++) {
      const lit = sqliteLiteral(row[columns[c]!]);
      if (lit === null) return null;
      tuple += c === 0 ? lit : `,${lit}`;
    }
    tuples[i] = `${tuple})`;
  }
  return tuples.join(',');
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
  const out: R[] = [];
  const run = async (sql: string, params: unknown[]) => {
    if (returning.length > 0) {
      const result = await db.$queryRawUnsafe<R[]>(sql, ...params);
      for (const r of result) out.push(r);
    } else await db.$executeRawUnsafe(sql, ...params);
  };
  const literalChunk = engine === 'sqlite' ? Math.max(1, Math.floor(MAX_LITERALS / columns.length)) : 0;
  const paramChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const perChunk = literalChunk || paramChunk;
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const values = engine === 'sqlite' ? literalValues(chunk, columns) : null;
    if (values !== null) {
      await run(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${values}${tail(skipConflictOn, returning)}`, []);
      continue;
    }
    for (let j = 0; j < chunk.length; j += paramChunk) {
      const part = chunk.slice(j, j + paramChunk);
      await run(statement(engine, table, columns, part.length, returning, skipConflictOn), part.flatMap((r) => columns.map((c) => r[c] ?? null)));
    }
  }
  return out;
}

/**
 * Adds rows to counters: INSERT … ON CONFLICT (keys) DO UPDATE SET c = c + excluded.c for every
 * counter column (SQLite ≥ 3.24 and PostgreSQL). All rows have the keys and the counters.
 */
export async function bulkUpsertAdd(
  db: Db | Tx,
  engine: Engine,
  table: string,
  keys: string[],
  counters: string[],
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...keys, ...counters];
  const t = quote(table);
  const tailSql = ` ON CONFLICT (${keys.map(quote).join(', ')}) DO UPDATE SET ${counters.map((c) => `${quote(c)} = ${t}.${quote(c)} + excluded.${quote(c)}`).join(', ')}`;
  const head = `INSERT INTO ${t} (${columns.map(quote).join(', ')}) VALUES `;
  const perChunk = Math.max(1, Math.floor((engine === 'sqlite' ? MAX_LITERALS : MAX_PARAMS) / columns.length));
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const values = engine === 'sqlite' ? literalValues(chunk, columns) : null;
    if (values !== null) {
      await db.$executeRawUnsafe(`${head}${values}${tailSql}`);
      continue;
    }
    for (let j = 0; j < chunk.length; j += Math.floor(MAX_PARAMS / columns.length)) {
      const part = chunk.slice(j, j + Math.floor(MAX_PARAMS / columns.length));
      let n = 0;
      const tuple = () => `(${columns.map(() => (engine === 'sqlite' ? '?' : `$${++n}`)).join(', ')})`;
      await db.$executeRawUnsafe(`${head}${part.map(tuple).join(', ')}${tailSql}`, ...part.flatMap((r) => columns.map((c) => r[c] ?? null)));
    }
  }
}

/**
 * The rows of `table` whose `keyColumn` is one of `values`, with the `columns` asked for (raw
 * values: numbers, text; no Date conversion). On SQLite the list is written as literals.
 */
export async function selectIn<R extends Row = Row>(
  db: Db | Tx,
  engine: Engine,
  table: string,
  columns: string[],
  keyColumn: string,
  values: readonly string[],
): Promise<R[]> {
  const out: R[] = [];
  const head = `SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)} WHERE ${quote(keyColumn)} IN `;
  const perChunk = engine === 'sqlite' ? MAX_LITERALS : MAX_PARAMS;
  for (let i = 0; i < values.length; i += perChunk) {
    const chunk = values.slice(i, i + perChunk);
    const literals = engine === 'sqlite' ? chunk.map(sqliteLiteral) : [];
    const rows = engine === 'sqlite' && literals.every((l) => l !== null)
      ? await db.$queryRawUnsafe<R[]>(`${head}(${literals.join(',')})`)
      : await db.$queryRawUnsafe<R[]>(`${head}(${chunk.map((_, j) => (engine === 'sqlite' ? '?' : `$${j + 1}`)).join(', ')})`, ...chunk);
    for (const r of rows) out.push(r);
  }
  return out;
}
