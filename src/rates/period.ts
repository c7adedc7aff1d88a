// A reporting period: local dates, both ends included, evaluated at an instant.
import { addDays, atLocal, localDate, toEpochDay, weekday, type LocalDate } from '../calendar/time.ts';

export interface Period {
  from: LocalDate;
  to: LocalDate;
}

/** The instant the period is measured at: its last moment, or `at` if that comes first. */
export function periodEnd(p: Period, at: Date): Date {
  const end = new Date(atLocal(addDays(p.to, 1), 0).getTime() - 1);
  return end.getTime() < at.getTime() ? end : at;
}

function periodDays(p: Period): number {
  return toEpochDay(p.to) - toEpochDay(p.from) + 1;
}

/** The period of the same length just before. */
export function previousPeriod(p: Period): Period {
  const n = periodDays(p);
  return { from: addDays(p.from, -n), to: addDays(p.from, -1) };
}

/** Year to date, the default of /tiendo: 1 January to today. */
export function yearToDate(at: Date): Period {
  const today = localDate(at);
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** Monday to Sunday of the week before `at`'s week. */
export function lastWeek(at: Date): Period {
  const today = localDate(at);
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  return { from: addDays(monday, -7), to: addDays(monday, -1) };
}
