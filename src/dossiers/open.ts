// Dossiers still open at an instant, with what their deadline state needs.
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { Db } from '../db/client.ts';
import type { UnitTree } from '../org/tree.ts';
import { loadClocks, type ClockRow } from './clocks.ts';
import { deadlineState, type DeadlineOptions, type DeadlineState } from './deadline.ts';

/** Received by `at` and not finished by `at` (an end status sets finishedAt). */
export async function loadOpenDossiers(db: Db, at: Date, where: { unitIds?: number[] } = {}): Promise<ClockRow[]> {
  return loadClocks(db, {
    receivedAt: { lte: at },
    OR: [{ finishedAt: null }, { finishedAt: { gt: at } }],
    ...(where.unitIds ? { unitId: { in: where.unitIds } } : {}),
  });
}

/** The deadline state of a dossier at `at` on its unit's calendar (as if unfinished at `at`). */
export function stateOf(d: ClockRow, at: Date, calendar: WorkCalendar, tree: UnitTree, opts?: DeadlineOptions): DeadlineState {
  const unit = tree.byId.get(d.unitId);
  const cal = unit ? calendar.forUnit(unit.code, unit.worksSaturday) : calendar;
  const finishedAt = d.finishedAt && d.finishedAt.getTime() <= at.getTime() ? d.finishedAt : null;
  return deadlineState({ receivedAt: d.receivedAt, dueAt: d.dueAt, finishedAt, supplements: d.supplements, rescheduledDueAt: d.rescheduledDueAt }, at, cal, opts);
}
