import { describe, expect, it } from 'vitest';
import { addDays, atLocal, localDate, localMinutes, parseLocalDate, toIsoVN, weekday } from '../../src/calendar/time.ts';

describe('local time (UTC+7, no DST)', () => {
  it.each([
    ['2026-11-27T09:59:59Z', '2026-11-27', 16 * 60 + 59],
    ['2026-11-27T17:00:00Z', '2026-11-28', 0],
    ['2026-11-27T16:59:00Z', '2026-11-27', 23 * 60 + 59],
    ['2026-06-30T17:30:00Z', '2026-07-01', 30],
  ])('%s is %s at minute %i', (utc, date, minutes) => {
    expect(localDate(new Date(utc))).toBe(date);
    expect(localMinutes(new Date(utc))).toBe(minutes);
  });

  it('builds instants from a local date and minutes', () => {
    expect(atLocal('2026-11-27', 17 * 60).toISOString()).toBe('2026-11-27T10:00:00.000Z');
    expect(atLocal('2026-01-01', 0).toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });

  it('prints ISO 8601 with +07:00', () => {
    expect(toIsoVN(new Date('2026-11-27T10:00:00Z'))).toBe('2026-11-27T17:00:00+07:00');
    expect(toIsoVN(new Date('2026-11-27T10:00:00.250Z'))).toBe('2026-11-27T17:00:00.250+07:00');
  });

  it('adds days across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('numbers weekdays from Sunday = 0', () => {
    expect(weekday('2026-11-29')).toBe(0);
    expect(weekday('2026-11-27')).toBe(5);
    expect(weekday('2026-01-10')).toBe(6);
  });

  it.each(['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', '', '2026-01-01T00:00'])('rejects %j, naming it', (bad) => {
    expect(() => parseLocalDate(bad)).toThrow(RangeError);
    expect(() => parseLocalDate(bad)).toThrow(JSON.stringify(bad));
  });

  it('rejects invalid instants', () => {
    expect(() => localDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
