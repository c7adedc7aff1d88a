import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/calendar/calendar.ts';
import { computeDue, type TimeLimit } from '../../src/calendar/due.ts';
import type { DayOverride } from '../../src/calendar/types.ts';
import { vn } from './vn.ts';

const cal = new WorkCalendar();
const days = (value: number): TimeLimit => ({ value, unit: 'working_days' });
const hours = (value: number): TimeLimit => ({ value, unit: 'working_hours' });
const calendarDays = (value: number): TimeLimit => ({ value, unit: 'calendar_days' });

type Case = [what: string, received: string, limit: TimeLimit, due: string, reason: string];

// Working days: the receipt day D is not counted; N days end at 17:00 on the N-th working day after D.
const WORKING_DAY_CASES: Case[] = [
  ['1 day from the Friday before Tết 2025', '2025-01-24 10:00', days(1), '2025-02-03 17:00', 'working_days'],
  ['5 days across Tết 2025', '2025-01-22 09:00', days(5), '2025-02-05 17:00', 'working_days'],
  ['3 days across the 9-day Tết 2026 break', '2026-02-12 14:00', days(3), '2026-02-24 17:00', 'working_days'],
  ['2 days across 30/4–1/5 2026', '2026-04-29 09:00', days(2), '2026-05-05 17:00', 'working_days'],
  ['1 day lands on Saturday 26/4/2025, worked', '2025-04-25 10:00', days(1), '2025-04-26 17:00', 'working_days'],
  ['1 day across 1–2/9 2025', '2025-08-29 10:00', days(1), '2025-09-03 17:00', 'working_days'],
  ['2 days across 31/8–2/9 2026', '2026-08-27 10:00', days(2), '2026-09-03 17:00', 'working_days'],
  ['1 day lands on Saturday 10/1/2026, worked', '2026-01-09 10:00', days(1), '2026-01-10 17:00', 'working_days'],
  ['after hours on 9/1/2026: D is Saturday 10/1', '2026-01-09 18:00', days(1), '2026-01-12 17:00', 'working_days'],
  ['receipt at 07:30 sharp: D not counted', '2026-03-02 07:30', days(1), '2026-03-03 17:00', 'working_days'],
  ['receipt at 10:00: same due date', '2026-03-02 10:00', days(1), '2026-03-03 17:00', 'working_days'],
  ['receipt in the lunch break', '2026-03-02 12:00', days(1), '2026-03-03 17:00', 'working_days'],
  ['receipt after 17:00 starts the next working day', '2026-03-02 17:30', days(1), '2026-03-04 17:00', 'working_days'],
  ['receipt on a Sunday starts on Monday', '2026-03-01 09:00', days(1), '2026-03-03 17:00', 'working_days'],
  ['half a day: half of the next working day (3 h 45)', '2026-03-02 10:00', days(0.5), '2026-03-03 11:15', 'working_days'],
  ['1.5 days', '2026-03-02 10:00', days(1.5), '2026-03-04 11:15', 'working_days'],
  ['30 days', '2026-03-02 10:00', days(30), '2026-04-13 17:00', 'working_days'],
];

const SAME_DAY_CASES: Case[] = [
  ['before the cutoff', '2026-03-02 14:00', days(0), '2026-03-02 17:00', 'same_day'],
  ['15:00 sharp is not after the cutoff', '2026-03-02 15:00', days(0), '2026-03-02 17:00', 'same_day'],
  ['after the cutoff: next working day', '2026-03-02 15:30', days(0), '2026-03-03 17:00', 'same_day_after_cutoff'],
  ['after the cutoff before Tết 2026', '2026-02-13 16:00', days(0), '2026-02-23 17:00', 'same_day_after_cutoff'],
  ['after hours: received the next working day', '2026-03-02 18:00', days(0), '2026-03-03 17:00', 'same_day'],
  ['calendar-day limit 0 alike', '2026-03-02 15:30', calendarDays(0), '2026-03-03 17:00', 'same_day_after_cutoff'],
  ['half a day after the cutoff', '2026-03-02 15:30', days(0.5), '2026-03-03 17:00', 'same_day_after_cutoff'],
];

// Working hours count from the receipt instant, through working minutes only.
const HOUR_CASES: Case[] = [
  ['4 h over the lunch break', '2026-03-02 10:00', hours(4), '2026-03-02 16:00', 'working_hours'],
  ['2 h from 11:00', '2026-03-02 11:00', hours(2), '2026-03-02 15:00', 'working_hours'],
  ['2 h from the lunch break', '2026-03-02 12:00', hours(2), '2026-03-02 15:30', 'working_hours'],
  ['3 h from Friday 16:00 before Tết 2026', '2026-02-13 16:00', hours(3), '2026-02-23 09:30', 'working_hours'],
  ['7.5 h from 07:30 is the end of the same day', '2026-03-02 07:30', hours(7.5), '2026-03-02 17:00', 'working_hours'],
  ['90 minutes', '2026-03-02 16:30', hours(1.5), '2026-03-03 08:30', 'working_hours'],
];

// Calendar days: D + N, moved off a day off to the end of the next working day.
const CALENDAR_DAY_CASES: Case[] = [
  ['15 days', '2026-03-02 10:00', calendarDays(15), '2026-03-17 17:00', 'calendar_days'],
  ['ending on 30/4/2026', '2026-04-20 10:00', calendarDays(10), '2026-05-04 17:00', 'calendar_day_moved_off_holiday'],
  ['ending on a Saturday', '2026-03-02 10:00', calendarDays(5), '2026-03-09 17:00', 'calendar_day_moved_off_holiday'],
  ['ending inside Tết 2026', '2026-02-06 10:00', calendarDays(10), '2026-02-23 17:00', 'calendar_day_moved_off_holiday'],
  ['ending on Culture Day 2026', '2026-11-16 10:00', calendarDays(8), '2026-11-25 17:00', 'calendar_day_moved_off_holiday'],
];

describe.each([
  ['working days', WORKING_DAY_CASES],
  ['same-day procedures', SAME_DAY_CASES],
  ['working hours', HOUR_CASES],
  ['calendar days', CALENDAR_DAY_CASES],
])('%s', (_, cases) => {
  it.each(cases)('%s: received %s, %o → due %s (%s)', (_what, received, limit, due, reason) => {
    const result = computeDue(vn(received), limit, cal);
    expect(result.dueAt).toEqual(vn(due));
    expect(result.reason).toBe(reason);
  });
});

describe('due-date details', () => {
  it('reports when the clock started and the days skipped', () => {
    const result = computeDue(vn('2025-01-24 18:00'), days(1), cal);
    expect(result.startedAt).toEqual(vn('2025-02-03 07:30'));
    expect(result.dueAt).toEqual(vn('2025-02-04 17:00'));
    expect(result.workingDaysSkipped).toEqual([
      '2025-01-25', '2025-01-26', '2025-01-27', '2025-01-28', '2025-01-29',
      '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02',
    ]);
    expect(computeDue(vn('2026-03-02 10:00'), days(1), cal).workingDaysSkipped).toEqual([]);
  });

  it('under a calendar-day limit counts the days off inside it and skips only those the due date moved across', () => {
    // Friday 6/2/2026 + 10 calendar days = Monday 16/2, inside Tết: moved to Monday 23/2.
    const result = computeDue(vn('2026-02-06 10:00'), calendarDays(10), cal);
    expect(result.daysOffCounted).toEqual(['2026-02-07', '2026-02-08', '2026-02-14', '2026-02-15']);
    expect(result.workingDaysSkipped).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22']);
    // Received on a Saturday: the clock starts Monday, so the weekend before it is skipped, not counted.
    const weekend = computeDue(vn('2026-03-07 10:00'), calendarDays(3), cal);
    expect(weekend.dueAt).toEqual(vn('2026-03-12 17:00'));
    expect(weekend.workingDaysSkipped).toEqual(['2026-03-07', '2026-03-08']);
    expect(weekend.daysOffCounted).toEqual([]);
    expect(computeDue(vn('2025-01-24 18:00'), days(1), cal).daysOffCounted).toEqual([]);
  });

  it('takes another cutoff', () => {
    const due = computeDue(vn('2026-03-02 15:30'), days(0), cal, { sameDayCutoff: '16:00' });
    expect(due.dueAt).toEqual(vn('2026-03-02 17:00'));
  });

  it('follows a Saturday-morning unit', () => {
    const sat = cal.forUnit('PHUONG-1', true);
    expect(computeDue(vn('2026-03-06 10:00'), days(1), sat).dueAt).toEqual(vn('2026-03-07 11:30'));
    expect(computeDue(vn('2026-03-06 10:00'), days(0.5), sat).dueAt).toEqual(vn('2026-03-07 09:30'));
    expect(computeDue(vn('2026-03-06 16:00'), hours(2), sat).dueAt).toEqual(vn('2026-03-07 08:30'));
  });
});

describe('pauses', () => {
  const received = vn('2026-03-02 10:00');
  const base = computeDue(received, days(5), cal).dueAt;

  it('add back exactly the working time paused', () => {
    expect(base).toEqual(vn('2026-03-09 17:00'));
    // Tue 14:00 → Wed 09:00 is 3 h + 1.5 h of working time.
    const pause = { from: vn('2026-03-03 14:00'), to: vn('2026-03-04 09:00') };
    const paused = computeDue(received, days(5), cal, { pauses: [pause] });
    expect(paused.pausedMillis).toBe(4.5 * 3_600_000);
    expect(paused.dueAt).toEqual(vn('2026-03-10 14:00'));
  });

  it('count overlapping pauses once and ignore time before the clock started', () => {
    const pauses = [
      { from: vn('2026-03-03 07:30'), to: vn('2026-03-03 11:30') },
      { from: vn('2026-03-03 09:30'), to: vn('2026-03-03 11:30') },
      { from: vn('2026-03-01 08:00'), to: vn('2026-03-02 10:00') },
    ];
    expect(computeDue(received, days(5), cal, { pauses }).pausedMillis).toBe(4 * 3_600_000);
  });

  it('across Tết only count working time', () => {
    const pause = { from: vn('2026-02-13 16:00'), to: vn('2026-02-23 08:30') };
    expect(computeDue(vn('2026-02-10 10:00'), days(5), cal, { pauses: [pause] }).pausedMillis).toBe(2 * 3_600_000);
  });

  it('over a weekend change nothing', () => {
    const pause = { from: vn('2026-03-07 08:00'), to: vn('2026-03-08 18:00') };
    expect(computeDue(received, days(5), cal, { pauses: [pause] }).dueAt).toEqual(base);
  });
});

describe('overrides added at run time', () => {
  // A made-up 2027 notice: Friday 12/2 off (after the rule-computed Tết 5–11/2).
  const overrides: DayOverride[] = [
    { date: '2027-02-12', kind: 'day_off', name: 'Nghỉ hoán đổi dịp Tết Nguyên Đán', source: 'TB 1/TB-BNV', scope: '*' },
    { date: '2027-02-20', kind: 'working_day', name: 'Làm bù cho ngày 12/2', source: 'TB 1/TB-BNV', scope: '*' },
  ];
  const withNotice = new WorkCalendar({ overrides });

  it('move the due date', () => {
    expect(computeDue(vn('2027-02-04 10:00'), days(1), cal).dueAt).toEqual(vn('2027-02-12 17:00'));
    expect(computeDue(vn('2027-02-04 10:00'), days(1), withNotice).dueAt).toEqual(vn('2027-02-15 17:00'));
    expect(computeDue(vn('2027-02-19 10:00'), days(1), withNotice).dueAt).toEqual(vn('2027-02-20 17:00'));
  });
});

describe('invalid input', () => {
  const at = vn('2026-03-02 10:00');
  it.each([
    ['a negative limit', days(-1)],
    ['NaN', days(Number.NaN)],
    ['Infinity', hours(Number.POSITIVE_INFINITY)],
    ['more than 3650 days', days(3651)],
    ['more than 3650 days of hours', hours(3650 * 7.5 + 1)],
    ['fractional calendar days', calendarDays(1.5)],
    ['an unknown unit', { value: 1, unit: 'weeks' } as unknown as TimeLimit],
  ])('rejects %s', (_, limit) => {
    expect(() => computeDue(at, limit, cal)).toThrow(RangeError);
  });

  it('rejects an invalid receipt instant, pause or cutoff', () => {
    expect(() => computeDue(new Date('nope'), days(1), cal)).toThrow(RangeError);
    const backwards = { from: vn('2026-03-03 10:00'), to: vn('2026-03-03 09:00') };
    expect(() => computeDue(at, days(1), cal, { pauses: [backwards] })).toThrow(RangeError);
    expect(() => computeDue(at, days(1), cal, { sameDayCutoff: '3pm' })).toThrow(/3pm/);
  });

  it('accepts the longest limits', () => {
    expect(computeDue(at, days(3650), cal).dueAt.getTime()).toBeGreaterThan(at.getTime());
    expect(computeDue(at, hours(3650 * 7.5), cal).dueAt.getTime()).toBeGreaterThan(at.getTime());
  });
});
