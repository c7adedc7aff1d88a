// Calendar arithmetic on LocalDate strings for the parsers: validated construction, month,
// quarter, year and week bounds. Weeks run Monday to Sunday.
import { addDays, weekday, type LocalDate } from '../../calendar/time.ts';

const pad = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The date, or null when it does not exist (31/02, month 13, years outside 1000–9999). */
export function ymd(year: number, month: number, day: number): LocalDate | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export const yearOf = (date: LocalDate): number => Number(date.slice(0, 4));
export const monthOf = (date: LocalDate): number => Number(date.slice(5, 7));
export const quarterOf = (date: LocalDate): number => Math.ceil(monthOf(date) / 3);

export type Bounds = [from: LocalDate, to: LocalDate];

export function monthBounds(year: number, month: number): Bounds {
  return [`${year}-${pad(month)}-01`, `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`];
}

export function quarterBounds(year: number, quarter: number): Bounds {
  return [monthBounds(year, quarter * 3 - 2)[0], monthBounds(year, quarter * 3)[1]];
}

export function yearBounds(year: number): Bounds {
  return [`${year}-01-01`, `${year}-12-31`];
}

/** The Monday of the week containing `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);
