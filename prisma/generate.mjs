#!/usr/bin/env node
// Generates both Prisma Clients from the one schema (npm postinstall runs this).
//
// prisma/schema.prisma (SQLite) is the source of truth; the PostgreSQL variant is derived
// here and written to prisma/postgresql/schema.prisma (not committed). The Prisma CLI wants a
// native schema engine at start-up even for `generate`, which it does not use, and cannot
// download it offline: pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies
// that check.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const prismaDir = dirname(fileURLToPath(import.meta.url));
export const sqliteSchemaPath = join(prismaDir, 'schema.prisma');
export const postgresSchemaPath = join(prismaDir, 'postgresql', 'schema.prisma');

/** Derives the PostgreSQL schema from the SQLite one. */
export function derivePostgresSchema(sqliteSchema) {
  const out = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('output       = "../src/db/generated/sqlite"', 'output       = "../../src/db/generated/postgresql"')
    // Instants are stored as timestamptz so that raw SQL and psql users see real instants.
    .replace(/^(\s+\w+\s+DateTime\??)(.*)$/gm, (line, head, rest) =>
      rest.includes('@db.') ? line : `${head}${rest.replace(/\s*$/, '')} @db.Timestamptz(3)`);
  if (!out.includes('provider = "postgresql"') || !out.includes('generated/postgresql')) {
    throw new Error('prisma/schema.prisma: cannot derive the PostgreSQL schema (datasource or generator block changed)');
  }
  return `// GENERATED from prisma/schema.prisma by prisma/generate.mjs. Do not edit.\n${out}`;
}

export function writePostgresSchema() {
  mkdirSync(dirname(postgresSchemaPath), { recursive: true });
  writeFileSync(postgresSchemaPath, derivePostgresSchema(readFileSync(sqliteSchemaPath, 'utf8')));
}

function generate(schemaPath) {
  const cli = join(prismaDir, '..', 'node_modules', 'prisma', 'build', 'index.js');
  const res = spawnSync(process.execPath, [cli, 'generate', '--schema', schemaPath], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
  });
  if (res.status !== 0) {
    throw new Error(`prisma generate failed for ${schemaPath} (exit ${res.status})`);
  }
  const done = res.stdout.toString().split('\n').find((l) => l.includes('Generated'));
  if (done) console.log(done.trim());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writePostgresSchema();
  generate(sqliteSchemaPath);
  generate(postgresSchemaPath);
}
