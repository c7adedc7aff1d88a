// An unexpected database error on one dossier, on either engine: a trigger that refuses to insert
// the dossier with a given code, as a constraint or a failing disk would. Nothing in dunghan's own
// validation rejects that row, so it shows how the import and the API behave when writing fails.
import type { Database } from '../../../src/db/client.ts';

export async function failInsertOf(database: Database, code: string): Promise<void> {
  const { db } = database;
  const literal = `'${code.replaceAll("'", "''")}'`;
  if (database.target.engine === 'sqlite') {
    await db.$executeRawUnsafe(`CREATE TRIGGER "fail_insert" BEFORE INSERT ON "Dossier" WHEN NEW."code" = ${literal} BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`);
    return;
  }
  await db.$executeRawUnsafe(
    `CREATE FUNCTION "fail_insert"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."code" = ${literal} THEN RAISE EXCEPTION 'simulated write failure'; END IF; RETURN NEW; END $$`,
  );
  await db.$executeRawUnsafe(`CREATE TRIGGER "fail_insert" BEFORE INSERT ON "Dossier" FOR EACH ROW EXECUTE FUNCTION "fail_insert"()`);
}
