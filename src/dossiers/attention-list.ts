// The open dossiers that need attention in a set of units: overdue (most overdue first) or due
// soon (today, then the next working days), found through the derived deadline fields and then
// classified exactly on each unit's calendar.
import type { WorkCalendar } from '../calendar/calendar.ts';
import { epochDayOf, fromEpochDay } from '../calendar/time.ts';
import type { Db } from '../db/client.ts';
import type { UnitTree } from '../org/tree.ts';
import { loadClocks, type ClockRow } from './clocks.ts';
import type { DeadlineState } from './deadline.ts';
import { stateOf } from './open.ts';

export interface AttentionItem {
  dossier: ClockRow;
  state: DeadlineState;
}

/** Overdue, due soon (today or within the next working days), or both in one pass. */
export type AttentionKind = 'overdue' | 'due_soon' | 'both';

export async function attentionList(
  db: Db,
  opts: { unitIds: number[]; kind: AttentionKind; now: Date; calendar: WorkCalendar; tree: UnitTree; dueSoonWorkingDays: number },
): Promise<AttentionItem[]> {
  const today = epochDayOf(opts.now);
  const base = { finishedAt: null, clockStopped: false, unitId: { in: opts.unitIds } };
  const overdue = { overdueFromDay: { lte: today } };
  const soon = { overdueFromDay: { gt: today }, dueDay: { gte: today, lte: horizon(opts.calendar, today, opts.dueSoonWorkingDays) } };
  const where = opts.kind === 'overdue' ? { ...base, ...overdue } : opts.kind === 'due_soon' ? { ...base, ...soon } : { ...base, OR: [overdue, soon] };
  const wanted = (k: DeadlineState['kind']) => (k === 'overdue' ? opts.kind !== 'due_soon' : (k === 'due_today' || k === 'due_soon') && opts.kind !== 'overdue');
  const items = (await loadClocks(db, where))
    .map((dossier) => ({ dossier, state: stateOf(dossier, opts.now, opts.calendar, opts.tree, { dueSoonWorkingDays: opts.dueSoonWorkingDays }) }))
    .filter((x) => wanted(x.state.kind));
  return items.sort(opts.kind === 'due_soon' ? bySoonestDue : byMostOverdue);
}

/** The latest due day that still counts as due soon (the calendar may skip holidays). */
function horizon(calendar: WorkCalendar, today: number, workingDays: number): number {
  return workingDays === 0 ? today : epochDayOf(calendar.endOfWorkingDay(calendar.nextWorkingDay(fromEpochDay(today), workingDays)));
}

const overdueDays = (s: DeadlineState): number => (s.kind === 'overdue' ? s.workingDaysOverdue : 0);

const byCode = (a: AttentionItem, b: AttentionItem): number => (a.dossier.code < b.dossier.code ? -1 : a.dossier.code > b.dossier.code ? 1 : 0);

function byMostOverdue(a: AttentionItem, b: AttentionItem): number {
  return overdueDays(b.state) - overdueDays(a.state) || a.state.effectiveDueAt.getTime() - b.state.effectiveDueAt.getTime() || byCode(a, b);
}

function bySoonestDue(a: AttentionItem, b: AttentionItem): number {
  return a.state.effectiveDueAt.getTime() - b.state.effectiveDueAt.getTime() || byCode(a, b);
}
