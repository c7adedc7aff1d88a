// When the weekly digest is due, as pure logic with the clock passed in. Each week's digest
// covers the week before; it is due at the cron's first firing in the week, moved by the holiday
// policy when that day is not a working day, and only ever sent on the day it is due (a service
// that was down catches up the same day, never a week late).
import type { WorkCalendar } from '../calendar/calendar.ts';
import { addDays, localDate, localMinutes, atLocal, type LocalDate } from '../calendar/time.ts';
import type { Period } from '../rates/period.ts';
import { firstFiring, type Cron } from './cron.ts';
import { isoWeek, mondayOf } from './week.ts';

export type HolidayPolicy = 'next_working_day' | 'same_day' | 'skip';

export interface ScheduleRules {
  cron: Cron;
  onHoliday: HolidayPolicy;
  calendar: WorkCalendar;
}

export interface DigestDue {
  /** The week the digest covers (Monday–Sunday, the week before `now`'s). */
  week: Period;
  /** Its ISO week, e.g. "2026-W48": part of every dedup key. */
  isoWeek: string;
  /** The cron's first firing in `now`'s week. */
  nominalAt: Date | null;
  /** When it is due after the holiday policy; null: no digest for this week. */
  dueAt: Date | null;
  /**
   * not_yet: later this week; due: now or earlier today; missed: an earlier day (not sent late);
   * none: no digest this week (skip policy, or no working day left in the week).
   */
  state: 'not_yet' | 'due' | 'missed' | 'none';
}

export function digestDue(now: Date, rules: ScheduleRules): DigestDue {
  const monday = mondayOf(localDate(now));
  const week = { from: addDays(monday, -7), to: addDays(monday, -1) };
  const nominalAt = firstFiring(rules.cron, monday, 7);
  const dueAt = nominalAt ? applyPolicy(nominalAt, monday, rules) : null;
  const base = { week, isoWeek: isoWeek(week.from), nominalAt, dueAt };
  if (!dueAt) return { ...base, state: 'none' };
  if (now.getTime() < dueAt.getTime()) return { ...base, state: 'not_yet' };
  return { ...base, state: localDate(dueAt) === localDate(now) ? 'due' : 'missed' };
}

function applyPolicy(nominal: Date, monday: LocalDate, rules: ScheduleRules): Date | null {
  const day = localDate(nominal);
  if (rules.calendar.isWorkingDay(day) || rules.onHoliday === 'same_day') return nominal;
  if (rules.onHoliday === 'skip') return null;
  // The next working day at the same time, if it is still in the same week.
  const next = rules.calendar.nextWorkingDay(day);
  return next <= addDays(monday, 6) ? atLocal(next, localMinutes(nominal)) : null;
}
