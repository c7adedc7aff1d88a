// The weeks a digest talks about: Monday to Sunday in Asia/Ho_Chi_Minh, their ISO week labels,
// the comparison period and the 12-week trend.
import { addDays, localDate, toEpochDay, weekday, type LocalDate } from '../calendar/time.ts';
import { previousPeriod, type Period } from '../rates/period.ts';

/** How many weeks the trend shows. */
const TREND_WEEKS = 12;

export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** ISO 8601 week of a date, e.g. "2026-W48" (the week belongs to the year of its Thursday). */
export function isoWeek(date: LocalDate): string {
  const thursday = addDays(mondayOf(date), 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor((toEpochDay(thursday) - toEpochDay(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${week < 10 ? '0' : ''}${week}`;
}

/** A Monday-to-Sunday week (or this week so far). */
const isWeek = (p: Period): boolean => weekday(p.from) === 1 && toEpochDay(p.to) - toEpochDay(p.from) <= 6;

export interface DigestPeriods {
  period: Period;
  /** What the change is measured against: the same days of the week before, or the period of the same length before. */
  previous: Period;
  /** 1 January to the end of the period. */
  ytd: Period;
  /** The period contains today, so its numbers end now. */
  live: boolean;
  span: 'week' | 'other';
  /** Oldest first; the last one contains the end of the period (and ends today if that is sooner). */
  trend: Period[];
}

export function digestPeriods(period: Period, now: Date): DigestPeriods {
  const today = localDate(now);
  const week = isWeek(period);
  const lastMonday = mondayOf(period.to);
  const trend: Period[] = [];
  for (let i = TREND_WEEKS - 1; i >= 0; i--) {
    const from = addDays(lastMonday, -7 * i);
    const sunday = addDays(from, 6);
    trend.push({ from, to: sunday < today ? sunday : today });
  }
  return {
    period,
    previous: week ? { from: addDays(period.from, -7), to: addDays(period.to, -7) } : previousPeriod(period),
    ytd: { from: `${period.to.slice(0, 4)}-01-01`, to: period.to },
    live: period.to >= today,
    span: week ? 'week' : 'other',
    trend,
  };
}
