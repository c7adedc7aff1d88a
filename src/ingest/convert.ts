// A validated record to the store's DossierInput: the due date (the source's NgayHenTra, or
// computed from the procedure's time limit), the finish date an end status needs, supplements
// merged with what is stored, and warnings a person should see (a status going backwards, dates
// ignored because the status is not an end status).
import type { WorkCalendar } from '../calendar/calendar.ts';
import { deadlineSnapshot } from '../dossiers/deadline.ts';
import { legalDue } from '../dossiers/legal-due.ts';
import { isEndStatus, STATUS } from '../dossiers/status.ts';
import type { DossierInput, EventInput, SupplementInput } from '../dossiers/store.ts';
import { t } from '../i18n/translate.ts';
import { UNKNOWN_LIMIT, type ProcedureRef, type UnitRef } from './catalog.ts';
import type { DossierRecord, FieldIssue } from './record.ts';
import { mergeSupplements } from './supplements.ts';

export interface Stored {
  status: number;
  supplements: readonly SupplementInput[];
}

export interface Converted {
  input?: DossierInput;
  issues: FieldIssue[];
  warnings: FieldIssue[];
}

/** Progress of a dossier through its statuses; moving to a lower rank is "going backwards". */
const RANK: Record<number, number> = { 1: 0, 2: 1, 4: 2, 5: 2, 6: 2, 9: 3, 3: 4, 7: 4, 8: 4, 10: 4 };

function goesBackwards(from: number, to: number): boolean {
  return (RANK[to] ?? 0) < (RANK[from] ?? 0);
}

function statusName(status: number): string {
  return t(`ingest-status-${status}`);
}

export function convert(
  r: DossierRecord,
  unit: UnitRef,
  procedure: ProcedureRef,
  stored: Stored | undefined,
  opts: { calendar: WorkCalendar; source: string; hasSupplementColumns: boolean },
): Converted {
  const issues: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const cal = opts.calendar.forUnit(unit.code, unit.worksSaturday);

  let dueAt = r.dueAt;
  let dueAtOrigin: DossierInput['dueAtOrigin'] = 'source';
  if (!dueAt) {
    if (procedure.limitUnit === UNKNOWN_LIMIT) {
      issues.push({ field: 'NgayHenTra', value: '', reason: t('ingest-due-unknown-limit', { procedure: procedure.code }) });
    } else {
      try {
        dueAt = legalDue(r.receivedAt, procedure, cal);
        dueAtOrigin = 'computed';
      } catch {
        issues.push({ field: 'NgayHenTra', value: '', reason: t('ingest-due-not-computable', { procedure: procedure.code }) });
      }
    }
  }

  const ended = isEndStatus(r.status);
  if (!ended && (r.finishedAt || r.returnedAt)) {
    warnings.push({ field: r.finishedAt ? 'NgayKetThucXuLy' : 'NgayTra', value: '', reason: t('ingest-finish-ignored', { status: r.status, name: statusName(r.status) }) });
  }
  const finishedAt = ended ? (r.finishedAt ?? r.returnedAt) : null;
  const returnedAt = ended ? r.returnedAt : null;

  const supplements = mergeSupplements(
    opts.hasSupplementColumns ? { requestedAt: r.supplementRequestedAt, suppliedAt: r.supplementSuppliedAt, count: r.supplementCount } : null,
    stored?.supplements ?? [],
  );

  if (r.status === STATUS.waitingSupplement && opts.hasSupplementColumns && !supplements.some((x) => !x.suppliedAt)) {
    warnings.push({ field: 'NgayYeuCauBoSung', value: '', reason: t('ingest-waiting-without-request') });
  }
  if (stored && stored.status !== r.status && goesBackwards(stored.status, r.status)) {
    warnings.push({
      field: 'TrangThaiHoSo',
      value: String(r.status),
      reason: t('ingest-status-backwards', { from: stored.status, fromName: statusName(stored.status), to: r.status, toName: statusName(r.status) }),
    });
  }

  if (!dueAt || issues.length > 0) return { issues, warnings };
  try {
    // The store derives the same snapshot; computing it here turns a date the calendar cannot
    // handle into a rejected row instead of a failed batch.
    deadlineSnapshot({ receivedAt: r.receivedAt, dueAt, finishedAt, supplements }, cal);
  } catch {
    return { issues: [{ field: 'NgayHenTra', value: '', reason: t('ingest-deadline-not-computable') }], warnings };
  }

  let events: EventInput[] | undefined;
  if (r.history && !stored) {
    events = r.history.map((h, i) => ({ at: h.at, kind: 'status' as const, fromStatus: i === 0 ? null : r.history![i - 1]!.status, toStatus: h.status }));
  }

  const input: DossierInput = {
    code: r.code,
    procedureId: procedure.id,
    unitId: unit.id,
    channel: r.channel,
    submittedAt: r.submittedAt,
    receivedAt: r.receivedAt,
    dueAt,
    dueAtOrigin,
    status: r.status,
    finishedAt,
    returnedAt,
    rescheduledDueAt: r.rescheduledDueAt,
    rescheduleCount: r.rescheduledDueAt ? 1 : 0,
    supplements,
    digitized: r.digitized,
    paidOnline: r.paidOnline,
    feeAmount: r.feeAmount,
    satisfaction: r.satisfaction,
    applicantName: r.applicantName,
    applicantIdNumber: r.applicantIdNumber,
    source: opts.source,
    ...(events ? { events } : {}),
  };
  return { input, issues, warnings };
}
