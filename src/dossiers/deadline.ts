// Where a dossier stands against its legal deadline at an instant (pure). Dates are compared as
// local calendar dates, as the official reports do (Decision 766 indicator 2.1: on time ⇔
// NgayKetThucXuLy ≤ NgayHenTra).
import type { WorkCalendar } from '../calendar/calendar.ts';
import { pausedWorkingMillis, type Pause } from '../calendar/pauses.ts';
import { assertValidDate, epochDayOf } from '../calendar/time.ts';

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

/** Waiting for the first supplement: the clock is stopped. */
export type Paused = Common & { kind: 'paused'; since: Date };

/**
 * Past the due date (workingDaysOverdue ≥ 1: the first working day after the due date is 1), or
 * waiting for a 2nd or later supplement, which Decision 766 counts as overdue (workingDaysOverdue
 * is then 0 until the due date has passed).
 */
export type Overdue = Common & { kind: 'overdue'; reason: 'past_due' | 'second_supplement'; workingDaysOverdue: number };

export type DueToday = Common & { kind: 'due_today' };

/** workingDaysLeft: working days after today up to and including the due date. */
export type DueSoon = Common & { kind: 'due_soon'; workingDaysLeft: number };
export type NotDue = Common & { kind: 'not_due'; workingDaysLeft: number };

export type DeadlineState = Finished | Paused | Overdue | DueToday | DueSoon | NotDue;

export function deadlineState(clock: DossierClock, at: Date, cal: WorkCalendar, opts: DeadlineOptions = {}): DeadlineState {
  assertValidDate(at, 'at');
  return classify(clock, at, epochDayOf(at), cal, opts.dueSoonWorkingDays ?? 1, opts.pausesShiftDue ?? true);
}

/** deadlineState over many dossiers of one calendar at the same instant. */
export function deadlineStates(
  clocks: readonly DossierClock[],
  at: Date,
  cal: WorkCalendar,
  opts: DeadlineOptions = {},
): DeadlineState[] {
  assertValidDate(at, 'at');
  const today = epochDayOf(at);
  const dueSoon = opts.dueSoonWorkingDays ?? 1;
  const pausesShiftDue = opts.pausesShiftDue ?? true;
  return clocks.map((clock) => classify(clock, at, today, cal, dueSoon, pausesShiftDue));
}

/** The legal due date moved later by the working time of the supplement pauses completed by `at`. */
export function effectiveDueAt(clock: DossierClock, at: Date, cal: WorkCalendar): Date {
  const completed: Pause[] = [];
  for (const { requestedAt, suppliedAt } of clock.supplements) {
    if (suppliedAt && suppliedAt.getTime() <= at.getTime()) completed.push({ from: requestedAt, to: suppliedAt });
  }
  if (completed.length === 0) return clock.dueAt;
  return cal.addWorkingMillis(clock.dueAt, pausedWorkingMillis(cal, completed, clock.receivedAt));
}

function classify(
  clock: DossierClock,
  at: Date,
  today: number,
  cal: WorkCalendar,
  dueSoonWorkingDays: number,
  pausesShiftDue: boolean,
): DeadlineState {
  const effective = pausesShiftDue ? effectiveDueAt(clock, at, cal) : clock.dueAt;
  const common: Common = { effectiveDueAt: effective, rescheduledDueAt: clock.rescheduledDueAt ?? null };
  const dueDay = epochDayOf(effective);

  if (clock.finishedAt && clock.finishedAt.getTime() <= at.getTime()) {
    const finishedDay = epochDayOf(clock.finishedAt);
    const result = finishedDay < dueDay ? 'early' : finishedDay === dueDay ? 'on_time' : 'late';
    return { ...common, kind: 'finished', result };
  }

  const pending = pendingSupplement(clock.supplements, at);
  if (pending) {
    if (pending.ordinal === 1) return { ...common, kind: 'paused', since: pending.requestedAt };
    const overdue = today > dueDay ? Math.max(1, cal.workingDaysBetweenEpochDays(dueDay, today)) : 0;
    return { ...common, kind: 'overdue', reason: 'second_supplement', workingDaysOverdue: overdue };
  }

  if (today > dueDay) {
    // On a day off right after the due date the dossier is still 1 working day overdue.
    const overdue = Math.max(1, cal.workingDaysBetweenEpochDays(dueDay, today));
    return { ...common, kind: 'overdue', reason: 'past_due', workingDaysOverdue: overdue };
  }
  if (today === dueDay) return { ...common, kind: 'due_today' };
  const workingDaysLeft = cal.workingDaysBetweenEpochDays(today, dueDay);
  return workingDaysLeft <= dueSoonWorkingDays
    ? { ...common, kind: 'due_soon', workingDaysLeft }
    : { ...common, kind: 'not_due', workingDaysLeft };
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
