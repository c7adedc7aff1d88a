// After the calendar changes (a day off or a make-up day entered for a date), dossiers whose
// deadline depends on that date are re-derived: pauses measured in working time, and due dates
// dunghan computed itself. Counters follow through the store.
import type { Period } from '../calendar/hours.ts';
import { loadCalendar } from '../calendar/load.ts';
import type { Database } from '../db/client.ts';
import { legalDue } from './legal-due.ts';
import { recomputeDeadlines, unitCalendars, type SaveResult } from './store.ts';

export async function recomputeAfterCalendarChange(database: Database, opts: { from: Date; now: Date; workingHours?: readonly Period[] }): Promise<SaveResult> {
  const { db } = database;
  const [calendar, units, procedures] = await Promise.all([
    loadCalendar(db, opts.workingHours),
    unitCalendars(database),
    db.procedure.findMany({ select: { id: true, limitValue: true, limitUnit: true } }),
  ]);
  const byId = new Map(procedures.map((p) => [p.id, p]));
  return recomputeDeadlines(database, { calendar, units, now: opts.now }, opts.from, (d) => {
    const unit = units.get(d.unitId)!;
    return legalDue(d.receivedAt, byId.get(d.procedureId)!, calendar.forUnit(unit.code, unit.worksSaturday));
  });
}
