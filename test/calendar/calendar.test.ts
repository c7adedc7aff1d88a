import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/calendar/calendar.ts';
import type { DayOverride } from '../../src/calendar/types.ts';
import { vn } from './vn.ts';

const cal = new WorkCalendar();

describe('working days', () => {
  it.each([
    ['2026-02-13', 1, '2026-02-23'], // Friday before the 9-day Tết 2026 break
    ['2025-01-24', 1, '2025-02-03'], // Friday before Tết 2025
    ['2026-01-09', 1, '2026-01-10'], // the Saturday worked for 2/1/2026
    ['2026-01-09', 2, '2026-01-12'],
    ['2026-04-29', 1, '2026-05-04'],
    ['2025-08-29', 1, '2025-09-03'],
    ['2025-12-31', 1, '2026-01-05'], // across the year end and the 1–2/1 break
    ['2026-11-23', 1, '2026-11-25'], // Culture Day
  ])('the %i-th working day after %s', (from, n, expected) => {
    expect(cal.nextWorkingDay(from, n)).toBe(expected);
  });

  it('counts back', () => {
    expect(cal.previousWorkingDay('2026-02-23')).toBe('2026-02-13');
    expect(cal.previousWorkingDay('2026-01-05', 2)).toBe('2025-12-30');
    expect(() => cal.nextWorkingDay('2026-01-05', 0)).toThrow(RangeError);
  });

  it('counts working days in (from, to], signed', () => {
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    expect(cal.workingDaysBetween('2026-02-23', '2026-02-13')).toBe(-1);
    expect(cal.workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(cal.workingDaysBetween('2026-01-01', '2026-01-31')).toBe(21); // 21 weekdays after 1/1 − 2/1 + Sat 10/1
    const in2025 = cal.workingDaysBetween('2024-12-31', '2025-12-31');
    const in2026 = cal.workingDaysBetween('2025-12-31', '2026-12-31');
    expect(cal.workingDaysBetween('2024-12-31', '2026-12-31')).toBe(in2025 + in2026);
  });

  it('lists the days not worked', () => {
    expect(cal.nonWorkingDays('2026-02-13', '2026-02-23')).toEqual([
      '2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18',
      '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22',
    ]);
  });

  it('rejects bad dates and years it cannot know', () => {
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(/2026-02-30/);
    expect(() => cal.isWorkingDay('2050-01-03')).toThrow(RangeError);
  });
});

describe('overrides', () => {
  const overrides: DayOverride[] = [
    { date: '2027-02-04', kind: 'day_off', name: 'Tết Nguyên Đán', source: 'TB 9999/TB-BNV', scope: '*' },
    { date: '2027-02-11', kind: 'working_day', name: 'Đi làm', source: 'TB 9999/TB-BNV', scope: '*' },
    { date: '2027-03-10', kind: 'day_off', name: 'Lễ hội địa phương', source: 'QĐ 1/UBND', scope: 'XA-BINH-SON' },
    { date: '2027-02-11', kind: 'day_off', name: 'Nghỉ bù Tết Nguyên Đán', source: 'QĐ 2/UBND', scope: 'XA-BINH-SON' },
  ];
  const base = new WorkCalendar({ overrides });
  const unit = base.forUnit('XA-BINH-SON');

  it('beat the built-in data', () => {
    expect(base.dayInfo('2027-02-04')).toEqual({
      date: '2027-02-04', working: false, kind: 'override_off', name: 'Tết Nguyên Đán', source: 'TB 9999/TB-BNV',
    });
    expect(base.dayInfo('2027-02-11')).toMatchObject({ working: true, kind: 'override_working' });
    expect(base.daysOff(2027).map((d) => d.date)).toContain('2027-02-04');
    expect(base.daysOff(2027).map((d) => d.date)).not.toContain('2027-02-11');
  });

  it('apply to their unit only, a unit-scoped one beating a "*" one', () => {
    expect(base.isWorkingDay('2027-03-10')).toBe(true);
    expect(unit.isWorkingDay('2027-03-10')).toBe(false);
    expect(unit.dayInfo('2027-02-11')).toMatchObject({ working: false, kind: 'override_off', source: 'QĐ 2/UBND' });
    expect(base.forUnit('OTHER').isWorkingDay('2027-03-10')).toBe(true);
  });

  it('forUnit returns the same calendar for the same unit', () => {
    expect(base.forUnit('XA-BINH-SON')).toBe(unit);
    expect(unit.unitCode).toBe('XA-BINH-SON');
  });

  it('a complete notice given as overrides replaces the rule-computed year', () => {
    const notice: DayOverride[] = [
      { date: '2027-02-12', kind: 'day_off', name: 'Tết Nguyên Đán', source: 'TB 1/TB-BNV', scope: '*' },
    ];
    const withNotice = new WorkCalendar({ overrides: notice, noticeYears: [2027] });
    expect(withNotice.yearHasNotice(2027)).toBe(true);
    expect(withNotice.daysOff(2027).map((d) => d.date)).toEqual(['2027-02-12']);
  });

  it('reject malformed entries', () => {
    const bad = { date: '2027-2-1', kind: 'day_off', name: 'x', source: 'y', scope: '*' } as const;
    expect(() => new WorkCalendar({ overrides: [bad] })).toThrow(/2027-2-1/);
  });
});

describe('Saturday-morning units (flag, unverified rule)', () => {
  const sat = cal.forUnit('PHUONG-1', true);

  it('work ordinary Saturdays, mornings only', () => {
    expect(sat.dayInfo('2026-03-07')).toEqual({ date: '2026-03-07', working: true, kind: 'weekday' });
    expect(sat.endOfWorkingDay('2026-03-07')).toEqual(vn('2026-03-07 11:30'));
    expect(cal.isWorkingDay('2026-03-07')).toBe(false);
  });

  it('close on Saturdays inside a holiday break', () => {
    expect(sat.dayInfo('2026-02-14')).toMatchObject({ working: false, kind: 'holiday', name: 'Tết Nguyên Đán' });
    expect(sat.isWorkingDay('2026-02-21')).toBe(false);
    expect(sat.isWorkingDay('2026-05-02')).toBe(false);
    expect(sat.daysOff(2026).map((d) => d.date)).toEqual(expect.arrayContaining(['2026-02-14', '2026-02-21', '2026-05-02']));
  });

  it('count a Saturday morning as a whole working day', () => {
    expect(sat.nextWorkingDay('2026-03-06')).toBe('2026-03-07');
    expect(sat.workingDaysBetween('2026-03-02', '2026-03-09')).toBe(6);
  });

  it('need a period ending by noon', () => {
    const afternoons = [{ start: '13:00', end: '17:00' }];
    expect(() => new WorkCalendar({ worksSaturday: true, workingHours: afternoons })).toThrow(RangeError);
  });
});

describe('working time', () => {
  it('defaults to 07:30–11:30 and 13:30–17:00: 7.5 h a day', () => {
    expect(cal.fullDayMillis).toBe(7.5 * 3_600_000);
  });

  it.each([
    ['2026-03-02 06:00', '2026-03-02 07:30'],
    ['2026-03-02 09:15', '2026-03-02 09:15'],
    ['2026-03-02 11:30', '2026-03-02 13:30'], // lunch break
    ['2026-03-02 12:10', '2026-03-02 13:30'],
    ['2026-03-02 17:00', '2026-03-03 07:30'],
    ['2026-02-13 17:30', '2026-02-23 07:30'], // Friday evening before Tết 2026
    ['2026-01-09 18:00', '2026-01-10 07:30'], // Saturday 10/1/2026 is worked
  ])('work starting from %s is %s', (at, expected) => {
    expect(cal.workStart(vn(at))).toEqual(vn(expected));
  });

  it('adds working time over lunch, evenings and days off', () => {
    const h = 3_600_000;
    expect(cal.addWorkingMillis(vn('2026-03-02 10:00'), 2 * h)).toEqual(vn('2026-03-02 14:00'));
    expect(cal.addWorkingMillis(vn('2026-03-02 07:30'), 4 * h)).toEqual(vn('2026-03-02 11:30'));
    expect(cal.addWorkingMillis(vn('2026-03-02 16:00'), 2 * h)).toEqual(vn('2026-03-03 08:30'));
    expect(cal.addWorkingMillis(vn('2026-02-13 16:00'), 2 * h)).toEqual(vn('2026-02-23 08:30'));
    expect(cal.addWorkingMillis(vn('2026-03-02 17:00'), 0)).toEqual(vn('2026-03-02 17:00'));
  });

  it('measures working time between instants', () => {
    const h = 3_600_000;
    expect(cal.workingMillisBetween(vn('2026-03-02 10:00'), vn('2026-03-02 14:00'))).toBe(2 * h);
    expect(cal.workingMillisBetween(vn('2026-03-06 16:00'), vn('2026-03-09 08:30'))).toBe(2 * h);
    expect(cal.workingMillisBetween(vn('2026-02-13 00:00'), vn('2026-02-24 00:00'))).toBe(2 * 7.5 * h);
    expect(cal.workingMillisBetween(vn('2026-03-02 14:00'), vn('2026-03-02 10:00'))).toBe(0);
  });

  it('takes custom working hours', () => {
    const custom = new WorkCalendar({ workingHours: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }] });
    expect(custom.fullDayMillis).toBe(8 * 3_600_000);
    expect(custom.workStart(vn('2026-03-02 06:00'))).toEqual(vn('2026-03-02 07:00'));
    const unordered = [{ start: '13:30', end: '17:00' }, { start: '07:30', end: '11:30' }];
    expect(() => new WorkCalendar({ workingHours: unordered })).toThrow(RangeError);
    expect(() => new WorkCalendar({ workingHours: [{ start: '7:30', end: '11:30' }] })).toThrow(/7:30/);
  });
});
