// Local time in Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving time, so plain arithmetic
// replaces Intl everywhere.

/** A local Vietnamese calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;

/** Days since 1970-01-01 of a local date: the integer form the hot paths use. */
export type EpochDay = number;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const OFFSET_MS = 7 * HOUR_MS;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function assertValidDate(instant: Date, what = 'instant'): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${what} is not a valid Date: ${String(instant)}`);
  }
}

export function epochDayOf(instant: Date): EpochDay {
  return Math.floor((instant.getTime() + OFFSET_MS) / DAY_MS);
}

/** Milliseconds since local midnight. */
export function localMillis(instant: Date): number {
  const local = instant.getTime() + OFFSET_MS;
  return local - Math.floor(local / DAY_MS) * DAY_MS;
}

/** Converts a well-formed LocalDate without validating it (see parseLocalDate). */
export function toEpochDay(date: LocalDate): EpochDay {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
}

export function fromEpochDay(day: EpochDay): LocalDate {
  const [year, month, date] = civilFromEpochDay(day);
  return `${year}-${month < 10 ? '0' : ''}${month}-${date < 10 ? '0' : ''}${date}`;
}

export function yearOfEpochDay(day: EpochDay): number {
  return civilFromEpochDay(day)[0];
}

/**
 * Year, month (1–12) and day of month of an epoch day, by integer arithmetic (Howard Hinnant's
 * civil_from_days; five times faster than formatting a Date). Years 1000–9999.
 */
function civilFromEpochDay(day: EpochDay): [number, number, number] {
  const z = day + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097); // 400-year cycles
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  // Day of the year counted from 1 March, so the leap day comes last.
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const date = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, date];
}

/** The instant `millis` after local midnight of `day`. */
export function instantAt(day: EpochDay, millis: number): Date {
  return new Date(day * DAY_MS + millis - OFFSET_MS);
}

export function localDate(instant: Date): LocalDate {
  assertValidDate(instant);
  return fromEpochDay(epochDayOf(instant));
}

/** Whole minutes since local midnight. */
export function localMinutes(instant: Date): number {
  assertValidDate(instant);
  return Math.floor(localMillis(instant) / MINUTE_MS);
}

export function atLocal(date: LocalDate, minutes: number): Date {
  return instantAt(toEpochDay(parseLocalDate(date)), minutes * MINUTE_MS);
}

export function addDays(date: LocalDate, n: number): LocalDate {
  return fromEpochDay(toEpochDay(parseLocalDate(date)) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return weekdayOf(toEpochDay(parseLocalDate(date)));
}

export function weekdayOf(day: EpochDay): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Validates 'YYYY-MM-DD' (a real calendar date) and returns it. */
export function parseLocalDate(s: string): LocalDate {
  if (typeof s === 'string' && LOCAL_DATE.test(s) && fromEpochDay(toEpochDay(s)) === s) return s;
  throw new RangeError(`invalid local date (expected YYYY-MM-DD): ${JSON.stringify(s)}`);
}

/** ISO 8601 in local time, e.g. '2026-11-27T17:00:00+07:00' (milliseconds only when non-zero). */
export function toIsoVN(instant: Date): string {
  assertValidDate(instant);
  const iso = new Date(instant.getTime() + OFFSET_MS).toISOString();
  const seconds = iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
  return `${seconds}+07:00`;
}
