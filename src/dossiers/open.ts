// Dossiers still open at an instant, with what their deadline state needs.
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { Db } from '../db/client.ts';
import { deadlineState, type DeadlineOptions, type DeadlineState, type DossierClock } from './deadline.ts';

export interface OpenDossier {
  id: number;
  code: string;
  unitId: number;
  unitCode: string;
  /** The unit's calendar option (Saturday mornings worked). */
  worksSaturday: boolean;
  procedureId: number;
  clock: DossierClock;
}

/** Received by `at` and not finished by `at` (an end status sets finishedAt). */
export async function loadOpenDossiers(db: Db, at: Date, where: { unitIds?: number[] } = {}): Promise<OpenDossier[]> {
  const rows = await db.dossier.findMany({
    where: {
      receivedAt: { lte: at },
      OR: [{ finishedAt: null }, { finishedAt: { gt: at } }],
      ...(where.unitIds ? { unitId: { in: where.unitIds } } : {}),
    },
    select: {
      id: true,
      code: true,
      unitId: true,
      procedureId: true,
      receivedAt: true,
      dueAt: true,
      rescheduledDueAt: true,
      unit: { select: { code: true, worksSaturday: true } },
      supplements: { select: { requestedAt: true, suppliedAt: true }, orderBy: { seq: 'asc' } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    unitId: r.unitId,
    unitCode: r.unit.code,
    procedureId: r.procedureId,
    clock: { receivedAt: r.receivedAt, dueAt: r.dueAt, finishedAt: null, supplements: r.supplements, rescheduledDueAt: r.rescheduledDueAt },
    worksSaturday: r.unit.worksSaturday,
  }));
}

/** The deadline state of an open dossier on its unit's calendar. */
export function stateOf(d: OpenDossier, at: Date, calendar: WorkCalendar, opts?: DeadlineOptions): DeadlineState {
  return deadlineState(d.clock, at, calendar.forUnit(d.unitCode, d.worksSaturday), opts);
}
