// The legal due date of a dossier from its procedure's time limit, for sources that send no
// NgayHenTra (the source's own date always wins when present).
import type { WorkCalendar } from '../calendar/calendar.ts';
import { computeDue, type LimitUnit } from '../calendar/due.ts';

export interface ProcedureLimit {
  limitValue: number;
  limitUnit: string;
}

export function legalDue(receivedAt: Date, procedure: ProcedureLimit, unitCalendar: WorkCalendar): Date {
  return computeDue(receivedAt, { value: procedure.limitValue, unit: procedure.limitUnit as LimitUnit }, unitCalendar).dueAt;
}
