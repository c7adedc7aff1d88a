// An unexpected database error on one dossier, on either engine: a trigger that refuses to insert
// the dossier with a given code, as a constraint or a failing disk would. Nothing in dunghan's own
// validation rejects that row, so it shows how the import and the API behave when writing fails.
import type { Database } from '../../../src/db/client.ts';

/** Makes inserting a dossier whose code is LIKE `pattern` (e.g. "R-020", "BAD-%") fail. */
export async function failInsertOf(database: Database, pattern: string): Promise<void> {
  const { db } = database;
  const literal = `'${pattern.replaceAll("'", "''")}'`;
  if (database.target.engine === 'sqlite') {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "fail_insert" BEFORE INSERT ON "Dossier" WHEN NEW."code" LIKE ${literal} BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`,
    );
    return;
  }
  const body = `BEGIN IF NEW."code" LIKE ${literal} THEN RAISE EXCEPTION 'simulated write failure'; END IF; RETURN NEW; END`;
  await db.$executeRawUnsafe(`CREATE FUNCTION "fail_insert"() RETURNS trigger LANGUAGE plpgsql AS $$ ${body} $$`);
  await db.$executeRawUnsafe(`CREATE TRIGGER "fail_insert" BEFORE INSERT ON "Dossier" FOR EACH ROW EXECUTE FUNCTION "fail_insert"()`);
}
