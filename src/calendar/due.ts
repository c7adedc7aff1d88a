// The due date (ngày hẹn trả) of a dossier: receipt instant + legal time limit on a unit's
// working calendar (docs/rules.md#due-dates).
//
// Conventions (Civil Code 2015 Art. 147–148, and the practice in docs/rules.md#start-of-the-clock, #time-limit-units):
// - The clock starts at the first working instant at or after receipt: a receipt in the lunch
//   break starts at 13:30, one after 17:00 or on a day off at the next working day's first period.
//   The start day D is the local date of that instant, so D is always a working day.
// - Working hours: counted from the start instant itself, through working minutes only
//   (Art. 147(1): limits in hours start at the instant).
// - Working days: D is not counted (Art. 147(2)); N days end at the end of working hours of the
//   N-th working day after D (Art. 148(1)), whatever the time of receipt on D: 07:30 sharp and
//   10:00 give the same due date. A fraction f of a day is f of that day's working time (0.5 of
//   the default 7.5 h day is 3 h 45): N + f days end f of the way through the (N+1)-th working
//   day after D, so the due instant is continuous and non-decreasing in the limit. A
//   Saturday-morning day counts as a whole working day.
// - Calendar days (whole days only): D + N, moved to the next working day when that is a day off
//   (Art. 148), due at the end of its working hours.
// - Limit 0 (same-day procedure): end of D. A receipt on D after the cutoff (15:00) is never due
//   before the end of the next working day; for a limit under one day this moves the due date.
// - Pauses: the working time inside them (after the start) is added to the due instant.
import type { WorkCalendar } from './calendar.ts';
import { parseHm } from './hours.ts';
import { pausedWorkingMillis, type Pause } from './pauses.ts';
import { HOUR_MS, MINUTE_MS, assertValidDate, epochDayOf, localMillis, type EpochDay, type LocalDate } from './time.ts';

export type LimitUnit = 'working_days' | 'working_hours' | 'calendar_days';
export type TimeLimit = { value: number; unit: LimitUnit };

export type DueOptions = {
  pauses?: readonly Pause[];
  /** Same-day cutoff, 'HH:MM'; default '15:00'. */
  sameDayCutoff?: string;
};

export type DueReason =
  | 'working_days'
  | 'working_hours'
  | 'calendar_days'
  | 'calendar_day_moved_off_holiday'
  | 'same_day'
  | 'same_day_after_cutoff';

export type Due = {
  dueAt: Date;
  /** When the clock started (receipt moved into working hours). */
  startedAt: Date;
  reason: DueReason;
  /**
   * Days off the deadline passed over without counting them (for explanations): every day off from the
   * receipt date to the due date under working-day and hour limits; under a calendar-day limit only
   * those before the clock started and those the due date was moved across.
   */
  workingDaysSkipped: LocalDate[];
  /** Days off inside a calendar-day limit, which count towards it (empty for other limits). */
  daysOffCounted: LocalDate[];
  /** Working time of the pauses, added to the due instant. */
  pausedMillis: number;
};

/** Longest accepted limit: 3650 days, or as many working hours as 3650 full working days. */
export const MAX_LIMIT_DAYS = 3650;

const LIMIT_UNITS: readonly LimitUnit[] = ['working_days', 'working_hours', 'calendar_days'];
const DEFAULT_CUTOFF = '15:00';

export function computeDue(receivedAt: Date, limit: TimeLimit, cal: WorkCalendar, opts: DueOptions = {}): Due {
  assertValidDate(receivedAt, 'receivedAt');
  assertLimit(limit, cal);
  const cutoff = parseHm(opts.sameDayCutoff ?? DEFAULT_CUTOFF) * MINUTE_MS;

  const startedAt = cal.workStart(receivedAt);
  let { dueAt, reason } =
    limit.unit === 'working_hours'
      ? { dueAt: cal.addWorkingMillis(startedAt, Math.round(limit.value * HOUR_MS)), reason: 'working_hours' as const }
      : dayLimitDue(epochDayOf(startedAt), limit, cal);

  if (limit.unit !== 'working_hours') {
    const startDay = epochDayOf(startedAt);
    if (epochDayOf(receivedAt) === startDay && localMillis(receivedAt) > cutoff) {
      const earliest = cal.endOfWorkingEpochDay(cal.workingEpochDayAfter(startDay, 1));
      if (dueAt.getTime() < earliest.getTime()) {
        dueAt = earliest;
        reason = 'same_day_after_cutoff';
      }
    }
  }

  const pausedMillis = pausedWorkingMillis(cal, opts.pauses ?? [], startedAt);
  if (pausedMillis > 0) dueAt = cal.addWorkingMillis(dueAt, pausedMillis);

  const receiptDay = epochDayOf(receivedAt);
  const dueDay = epochDayOf(dueAt);
  if (limit.unit !== 'calendar_days') {
    return { dueAt, startedAt, reason, workingDaysSkipped: cal.nonWorkingEpochDays(receiptDay, dueDay), daysOffCounted: [], pausedMillis };
  }
  // Calendar days (start day + 1 … start day + N) count whatever they are; the last one may be moved off a day off.
  const startDay = epochDayOf(startedAt);
  const lastCounted = startDay + limit.value;
  return {
    dueAt,
    startedAt,
    reason,
    workingDaysSkipped: [...cal.nonWorkingEpochDays(receiptDay, startDay), ...cal.nonWorkingEpochDays(lastCounted, dueDay)],
    daysOffCounted: cal.nonWorkingEpochDays(startDay + 1, lastCounted),
    pausedMillis,
  };
}

function dayLimitDue(
  startDay: EpochDay,
  { value, unit }: TimeLimit,
  cal: WorkCalendar,
): { dueAt: Date; reason: DueReason } {
  if (value === 0) return { dueAt: cal.endOfWorkingEpochDay(startDay), reason: 'same_day' };
  if (unit === 'calendar_days') {
    const last = startDay + value;
    if (cal.isWorkingEpochDay(last)) return { dueAt: cal.endOfWorkingEpochDay(last), reason: 'calendar_days' };
    const moved = cal.workingEpochDayAfter(last, 1);
    return { dueAt: cal.endOfWorkingEpochDay(moved), reason: 'calendar_day_moved_off_holiday' };
  }
  const whole = Math.floor(value);
  const fraction = value - whole;
  const dueAt =
    fraction === 0
      ? cal.endOfWorkingEpochDay(cal.workingEpochDayAfter(startDay, whole))
      : cal.pointInWorkingEpochDay(cal.workingEpochDayAfter(startDay, whole + 1), fraction);
  return { dueAt, reason: 'working_days' };
}

function assertLimit(limit: TimeLimit, cal: WorkCalendar): void {
  const { value, unit } = limit;
  if (!LIMIT_UNITS.includes(unit)) throw new RangeError(`invalid limit unit: ${JSON.stringify(unit)}`);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`limit must be a finite number ≥ 0, not ${value}`);
  }
  const max = unit === 'working_hours' ? (MAX_LIMIT_DAYS * cal.fullDayMillis) / HOUR_MS : MAX_LIMIT_DAYS;
  if (value > max) throw new RangeError(`limit ${value} ${unit} exceeds the maximum of ${max}`);
  if (unit === 'calendar_days' && !Number.isInteger(value)) {
    throw new RangeError(`calendar-day limits must be whole days, not ${value}`);
  }
}
