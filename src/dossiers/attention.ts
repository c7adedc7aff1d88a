// How many dossiers are open, due soon (today or within the next working day) and overdue.
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { Db } from '../db/client.ts';
import type { DeadlineOptions } from './deadline.ts';
import { loadUnitTree } from '../org/tree.ts';
import { loadOpenDossiers, stateOf } from './open.ts';

export interface Attention {
  open: number;
  dueSoon: number;
  overdue: number;
}

export async function countAttention(db: Db, at: Date, calendar: WorkCalendar, opts: DeadlineOptions = {}): Promise<Attention> {
  const [open, tree] = await Promise.all([loadOpenDossiers(db, at), loadUnitTree(db)]);
  let dueSoon = 0;
  let overdue = 0;
  for (const d of open) {
    const s = stateOf(d, at, calendar, tree, opts);
    if (s.kind === 'due_today' || s.kind === 'due_soon') dueSoon++;
    else if (s.kind === 'overdue') overdue++;
  }
  return { open: open.length, dueSoon, overdue };
}
