// Development tooling around Prisma's schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm, a devDependency). The native engine the Prisma CLI wants
// cannot be downloaded on these machines; the wasm build computes the same DDL offline.
// The service itself never loads this file: it applies migrations with src/db/migrate.ts.
import { readFileSync } from 'node:fs';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';

// lib.dom is not loaded in this project; this is the little of WebAssembly used here.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, object>) => { exports: Record<string, unknown> };
};

type Engine = Awaited<ReturnType<typeof bg.SchemaEngine.new>>;
const noFilters = { externalTables: [], externalEnums: [] };

let loaded = false;
/** Instantiates the wasm module by hand, so no --experimental-wasm-modules flag is needed. */
function loadWasm(): void {
  if (loaded) return;
  const url = new URL('schema_engine_bg.wasm', import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const module = new WebAssembly.Module(readFileSync(url));
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports as never);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  loaded = true;
}

async function openEngine(schemaPath: string, content: string, factory: SqlMigrationAwareDriverAdapterFactory): Promise<Engine> {
  loadWasm();
  return bg.SchemaEngine.new({ datamodels: [[schemaPath, content]] }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
}

/** The DDL that creates `content`'s model from nothing (touches no database). */
export async function createScript(schemaPath: string, content: string): Promise<string> {
  // Any adapter of the right provider will do: diff from "empty" does not connect.
  // The SQL flavour follows the schema's provider, whatever the adapter.
  const engine = await openEngine(schemaPath, content, new PrismaBetterSqlite3({ url: ':memory:' }));
  const res = await engine.diff({ from: { tag: 'empty' }, to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content }] }, script: true, exitCode: null, filters: noFilters });
  return res.stdout ?? '';
}

/** The DDL that turns model `from` into model `to` (touches no database). */
export async function diffScript(schemaPath: string, from: string, to: string): Promise<string> {
  const engine = await openEngine(schemaPath, to, new PrismaBetterSqlite3({ url: ':memory:' }));
  const res = await engine.diff({
    from: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: from }] },
    to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: to }] },
    script: true, exitCode: null, filters: noFilters,
  });
  return res.stdout ?? '';
}

/**
 * What Prisma's own `migrate deploy` would apply to a database (the engine applies it):
 * used by the tests to show that dunghan's migration records are the ones Prisma reads.
 */
export async function applyWithPrisma(schemaPath: string, content: string, factory: SqlMigrationAwareDriverAdapterFactory, migrationsDir: string, provider: string): Promise<string[]> {
  const engine = await openEngine(schemaPath, content, factory);
  const { readdirSync } = await import('node:fs');
  const dirs = readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const res = await engine.applyMigrations({
    migrationsList: {
      baseDir: migrationsDir,
      lockfile: { path: 'migration_lock.toml', content: `provider = "${provider}"\n` },
      shadowDbInitScript: '',
      migrationDirectories: dirs.map((path) => ({
        path,
        migrationFile: { path: 'migration.sql', content: { tag: 'ok' as const, value: readFileSync(`${migrationsDir}/${path}/migration.sql`, 'utf8') } },
      })),
    },
    filters: noFilters,
  });
  engine.free();
  return res.appliedMigrationNames;
}
