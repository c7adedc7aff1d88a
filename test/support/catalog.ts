// A normalised description of a database schema (tables, columns, indexes, foreign keys),
// to compare the schema the migrations build with the one schema.prisma describes.
import Database from 'better-sqlite3';
import pg from 'pg';
import { postgresConnection } from '../../src/db/client.ts';
import type { DatabaseTarget } from '../../src/db/url.ts';

export async function catalog(target: DatabaseTarget): Promise<string[]> {
  return target.engine === 'sqlite' ? sqliteCatalog(target.file) : postgresCatalog(target);
}

/** Runs a DDL script on a target (used to build the reference schema). */
export async function runScript(target: DatabaseTarget, sql: string): Promise<void> {
  if (target.engine === 'sqlite') {
    const db = new Database(target.file);
    db.exec(sql);
    db.close();
    return;
  }
  const client = new pg.Client(postgresConnection(target));
  await client.connect();
  await client.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`);
  await client.query(sql.replace(/CREATE SCHEMA IF NOT EXISTS "public";/g, ''));
  await client.end();
}

function sqliteCatalog(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const lines: string[] = [];
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`).all() as { name: string }[];
    for (const { name } of tables) {
      for (const c of db.prepare(`PRAGMA table_xinfo("${name}")`).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[]) {
        lines.push(`column ${name}.${c.name} ${c.type} notnull=${c.notnull} default=${c.dflt_value} pk=${c.pk}`);
      }
      for (const i of db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number; origin: string }[]) {
        const cols = (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name).join(',');
        lines.push(`index ${name}.${i.name} unique=${i.unique} origin=${i.origin} (${cols})`);
      }
      for (const f of db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as { table: string; from: string; to: string; on_update: string; on_delete: string }[]) {
        lines.push(`fk ${name}.${f.from} -> ${f.table}.${f.to} update=${f.on_update} delete=${f.on_delete}`);
      }
    }
    return lines.sort();
  } finally {
    db.close();
  }
}

async function postgresCatalog(target: Extract<DatabaseTarget, { engine: 'postgresql' }>): Promise<string[]> {
  const client = new pg.Client(postgresConnection(target));
  await client.connect();
  try {
    const lines: string[] = [];
    const s = target.schema;
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, datetime_precision, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = $1 AND table_name <> '_prisma_migrations'`, [s]);
    for (const c of columns.rows) {
      const dflt = String(c.column_default).replace(new RegExp(`"?${s}"?\\.`, 'g'), '');
      lines.push(`column ${c.table_name}.${c.column_name} ${c.data_type}(${c.datetime_precision}) nullable=${c.is_nullable} default=${dflt}`);
    }
    const indexes = await client.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename <> '_prisma_migrations'`, [s]);
    for (const i of indexes.rows) lines.push(`index ${i.tablename}.${i.indexname} ${String(i.indexdef).replaceAll(`"${s}".`, '').replaceAll(`${s}.`, '')}`);
    const constraints = await client.query(
      `SELECT c.conrelid::regclass::text AS tbl, c.conname, pg_get_constraintdef(c.oid) AS def
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = $1 AND c.conrelid::regclass::text NOT LIKE '%_prisma_migrations%'`, [s]);
    for (const c of constraints.rows) lines.push(`constraint ${String(c.tbl).replace(`"${s}".`, '').replace(`${s}.`, '')}.${c.conname} ${String(c.def).replaceAll(`"${s}".`, '').replaceAll(`${s}.`, '')}`);
    return lines.sort();
  } finally {
    await client.end();
  }
}
