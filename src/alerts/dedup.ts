// Stage 2, dedup: drop the items already sent, as recorded in the AlertItem log (in the database,
// so it holds across restarts and replicas).
import type { Db } from '../db/client.ts';
import type { PlannedItem } from './plan.ts';

const CHUNK = 5_000;

export async function sentKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await db.alertItem.findMany({ where: { key: { in: keys.slice(i, i + CHUNK) } }, select: { key: true } });
    for (const r of rows) found.add(r.key);
  }
  return found;
}

export function dropSent(items: readonly PlannedItem[], sent: ReadonlySet<string>): PlannedItem[] {
  return items.filter((i) => !sent.has(i.key));
}
