// Where a dossier stands against its legal deadline at an instant (pure). Dates are compared as
// local calendar dates, as the official reports do (Decision 766 indicator 2.1: on time ⇔
// NgayKetThucXuLy ≤ NgayHenTra).
import type { WorkCalendar } from '../calendar/calendar.ts';
import { pausedWorkingMillis, type Pause } from '../calendar/pauses.ts';
import { assertValidDate, epochDayOf, type EpochDay } from '../calendar/time.ts';

export type Supplement = { requestedAt: Date; suppliedAt: Date | null };

export type DossierClock = {
  receivedAt: Date;
  /** Legal due date (ngày hẹn trả) as computed at receipt, before any pause. */
  dueAt: Date;
  finishedAt: Date | null;
  supplements: readonly Supplement[];
  /** New date promised in an apology letter: reported, but the legal due date decides the state. */
  rescheduledDueAt?: Date | null;
};

export type DeadlineOptions = {
  /** 'due_soon' when the due date is at most this many working days ahead; default 1. */
  dueSoonWorkingDays?: number;
  /** Completed supplement pauses move the due date later; default true. */
  pausesShiftDue?: boolean;
};

type Common = {
  /** dueAt moved later by the working time of the supplement pauses completed by `at`. */
  effectiveDueAt: Date;
  rescheduledDueAt: Date | null;
};

export type Finished = Common & { kind: 'finished'; result: 'early' | 'on_time' | 'late' };

/** Waiting for the first supplement, requested by the due date: the clock is stopped. */
export type Paused = Common & { kind: 'paused'; since: Date };

/**
 * - past_due: today is after the due date; workingDaysOverdue ≥ 1 (the first working day after the
 *   due date is 1).
 * - second_supplement: waiting for a 2nd or later supplement, which Decision 766 counts as overdue;
 *   workingDaysOverdue is 0 until the due date has passed.
 * - paused_after_due: waiting for the first supplement, requested after the due date. Decision 766
 *   takes the request as the end of processing, so the dossier is late, by the working days up
 *   to the request (frozen while the clock is stopped).
 */
export type Overdue = Common & {
  kind: 'overdue';
  reason: 'past_due' | 'second_supplement' | 'paused_after_due';
  workingDaysOverdue: number;
};

export type DueToday = Common & { kind: 'due_today' };

/** workingDaysLeft: working days after today up to and including the due date. */
export type DueSoon = Common & { kind: 'due_soon'; workingDaysLeft: number };
export type NotDue = Common & { kind: 'not_due'; workingDaysLeft: number };

export type DeadlineState = Finished | Paused | Overdue | DueToday | DueSoon | NotDue;

type Settings = Required<DeadlineOptions> & { at: Date; today: EpochDay; cal: WorkCalendar };

export function deadlineState(
  clock: DossierClock,
  at: Date,
  cal: WorkCalendar,
  opts: DeadlineOptions = {},
): DeadlineState {
  return classify(clock, resolveSettings(at, cal, opts));
}

/** deadlineState over many dossiers of one calendar at the same instant. */
export function deadlineStates(
  clocks: readonly DossierClock[],
  at: Date,
  cal: WorkCalendar,
  opts: DeadlineOptions = {},
): DeadlineState[] {
  const settings = resolveSettings(at, cal, opts);
  return clocks.map((clock) => classify(clock, settings));
}

/** The legal due date moved later by the working time of the supplement pauses completed by `at`. */
export function effectiveDue(clock: DossierClock, at: Date, cal: WorkCalendar): Date {
  if (clock.supplements.length === 0) return clock.dueAt;
  const completed: Pause[] = [];
  for (const { requestedAt, suppliedAt } of clock.supplements) {
    if (suppliedAt && suppliedAt.getTime() <= at.getTime()) completed.push({ from: requestedAt, to: suppliedAt });
  }
  if (completed.length === 0) return clock.dueAt;
  return cal.addWorkingMillis(clock.dueAt, pausedWorkingMillis(cal, completed, clock.receivedAt));
}

function resolveSettings(at: Date, cal: WorkCalendar, opts: DeadlineOptions): Settings {
  assertValidDate(at, 'at');
  const dueSoonWorkingDays = opts.dueSoonWorkingDays ?? 1;
  if (!Number.isInteger(dueSoonWorkingDays) || dueSoonWorkingDays < 0) {
    throw new RangeError(`dueSoonWorkingDays must be an integer ≥ 0, not ${dueSoonWorkingDays}`);
  }
  return { at, today: epochDayOf(at), cal, dueSoonWorkingDays, pausesShiftDue: opts.pausesShiftDue ?? true };
}

// Result objects are written out in full (no spread): it keeps batch classification fast.
function classify(clock: DossierClock, settings: Settings): DeadlineState {
  const { at, today, cal, dueSoonWorkingDays, pausesShiftDue } = settings;
  const effectiveDueAt = pausesShiftDue ? effectiveDue(clock, at, cal) : clock.dueAt;
  const rescheduledDueAt = clock.rescheduledDueAt ?? null;
  const dueDay = epochDayOf(effectiveDueAt);

  if (clock.finishedAt && clock.finishedAt.getTime() <= at.getTime()) {
    const finishedDay = epochDayOf(clock.finishedAt);
    const result = finishedDay < dueDay ? 'early' : finishedDay === dueDay ? 'on_time' : 'late';
    return { kind: 'finished', result, effectiveDueAt, rescheduledDueAt };
  }

  const pending = clock.supplements.length > 0 ? pendingSupplement(clock.supplements, at) : undefined;
  if (pending && pending.ordinal > 1) {
    const workingDaysOverdue = today > dueDay ? daysLate(cal, dueDay, today) : 0;
    return { kind: 'overdue', reason: 'second_supplement', workingDaysOverdue, effectiveDueAt, rescheduledDueAt };
  }
  if (pending) {
    const requestDay = epochDayOf(pending.requestedAt);
    if (requestDay <= dueDay) return { kind: 'paused', since: pending.requestedAt, effectiveDueAt, rescheduledDueAt };
    const workingDaysOverdue = daysLate(cal, dueDay, requestDay);
    return { kind: 'overdue', reason: 'paused_after_due', workingDaysOverdue, effectiveDueAt, rescheduledDueAt };
  }

  if (today > dueDay) {
    const workingDaysOverdue = daysLate(cal, dueDay, today);
    return { kind: 'overdue', reason: 'past_due', workingDaysOverdue, effectiveDueAt, rescheduledDueAt };
  }
  if (today === dueDay) return { kind: 'due_today', effectiveDueAt, rescheduledDueAt };
  const workingDaysLeft = cal.workingDaysBetweenEpochDays(today, dueDay);
  const kind = workingDaysLeft <= dueSoonWorkingDays ? 'due_soon' : 'not_due';
  return { kind, workingDaysLeft, effectiveDueAt, rescheduledDueAt };
}

/** Working days from the due day to `day`, at least 1 (a day off right after the due day is 1). */
function daysLate(cal: WorkCalendar, dueDay: EpochDay, day: EpochDay): number {
  return Math.max(1, cal.workingDaysBetweenEpochDays(dueDay, day));
}

/** The latest supplement requested by `at` and not yet supplied then, with its rank (1 = first). */
function pendingSupplement(
  supplements: readonly Supplement[],
  at: Date,
): { requestedAt: Date; ordinal: number } | undefined {
  let latest: Supplement | undefined;
  let requested = 0;
  for (const supplement of supplements) {
    if (supplement.requestedAt.getTime() > at.getTime()) continue;
    requested++;
    if (!latest || supplement.requestedAt.getTime() > latest.requestedAt.getTime()) latest = supplement;
  }
  if (!latest || (latest.suppliedAt && latest.suppliedAt.getTime() <= at.getTime())) return undefined;
  return { requestedAt: latest.requestedAt, ordinal: requested };
}

/**
 * The state with every recorded event applied, as stored on the dossier (src/dossiers/store.ts)
 * so that counting open dossiers by state is one indexed query: at any instant after the last
 * event, a dossier is `paused` iff clockStopped, otherwise `overdue` iff today ≥ overdueFromDay —
 * the same answer as deadlineState gives.
 */
export type DeadlineSnapshot = {
  effectiveDueAt: Date;
  dueDay: EpochDay;
  clockStopped: boolean;
  /** Open: first local day counted overdue (0: already, whatever the day); null while stopped. */
  overdueFromDay: EpochDay | null;
  finishDay: EpochDay | null;
  result: Finished['result'] | null;
};

const END_OF_TIME = new Date(8.64e15);

export function deadlineSnapshot(clock: DossierClock, cal: WorkCalendar): DeadlineSnapshot {
  const effectiveDueAt = effectiveDue(clock, END_OF_TIME, cal);
  const dueDay = epochDayOf(effectiveDueAt);
  const base = { effectiveDueAt, dueDay, clockStopped: false, overdueFromDay: null, finishDay: null, result: null };
  if (clock.finishedAt) {
    const finishDay = epochDayOf(clock.finishedAt);
    return { ...base, finishDay, result: finishDay < dueDay ? 'early' : finishDay === dueDay ? 'on_time' : 'late' };
  }
  const pending = clock.supplements.length > 0 ? pendingSupplement(clock.supplements, END_OF_TIME) : undefined;
  if (pending && pending.ordinal > 1) return { ...base, overdueFromDay: 0 };
  if (pending && epochDayOf(pending.requestedAt) <= dueDay) return { ...base, clockStopped: true };
  return { ...base, overdueFromDay: dueDay + 1 };
}
