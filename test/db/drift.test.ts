// The migrations must build exactly the schema that prisma/schema.prisma describes.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { derivePostgresSchema, postgresSchemaPath, sqliteSchemaPath } from '../../prisma/generate.mjs';
import { createScript } from '../../prisma/schema-engine.ts';
import { migrate } from '../../src/db/migrate.ts';
import { catalog, runScript } from '../support/catalog.ts';
import { engineUnderTest, freshTarget, type TestTarget } from '../support/database.ts';

const targets: TestTarget[] = [];
afterAll(async () => Promise.all(targets.map((t) => t.drop())));

async function referenceFor(model: string): Promise<string[]> {
  const schemaPath = engineUnderTest === 'sqlite' ? sqliteSchemaPath : postgresSchemaPath;
  const content = engineUnderTest === 'sqlite' ? model : derivePostgresSchema(model);
  const fresh = await freshTarget();
  targets.push(fresh);
  await runScript(fresh.target, await createScript(schemaPath, content));
  return catalog(fresh.target);
}

describe(`schema.prisma and the ${engineUnderTest} migrations`, () => {
  const model = readFileSync(sqliteSchemaPath, 'utf8');

  it('describe the same tables, columns, indexes and keys', async () => {
    const migrated = await freshTarget();
    targets.push(migrated);
    await migrate(migrated.target);
    const built = await catalog(migrated.target);
    expect(built.filter((l) => l.startsWith('column Dossier.')).length).toBeGreaterThan(20);
    expect(built).toEqual(await referenceFor(model));
  });

  it('a model change without a migration is detected', async () => {
    const migrated = await freshTarget();
    targets.push(migrated);
    await migrate(migrated.target);
    const changed = model.replace('model AuditLog {', 'model AuditLog {\n  ip String?');
    const reference = await referenceFor(changed);
    expect(await catalog(migrated.target)).not.toEqual(reference);
    expect(reference.some((l) => l.includes('AuditLog.ip'))).toBe(true);
  });
});
