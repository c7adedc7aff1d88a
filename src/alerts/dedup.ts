// Stage 2, dedup: drop the items already sent, as recorded in the AlertItem log (in the database,
// so it holds across restarts and replicas).
import type { Database } from '../db/client.ts';
import type { PlannedItem } from './plan.ts';

/**
 * Which of these keys are in the log. The keys go as one JSON parameter (json_each on SQLite,
 * a text array on PostgreSQL): a tick can check a hundred thousand keys in one query.
 */
export async function sentKeys({ db, target }: Database, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const json = JSON.stringify(keys);
  const rows = target.engine === 'sqlite'
    ? await db.$queryRaw<{ key: string }[]>`SELECT "key" FROM "AlertItem" WHERE "key" IN (SELECT value FROM json_each(${json}))`
    : await db.$queryRaw<{ key: string }[]>`SELECT "key" FROM "AlertItem" WHERE "key" = ANY(ARRAY(SELECT json_array_elements_text(${json}::json)))`;
  return new Set(rows.map((r) => r.key));
}

export function dropSent(items: readonly PlannedItem[], sent: ReadonlySet<string>): PlannedItem[] {
  return items.filter((i) => !sent.has(i.key));
}
