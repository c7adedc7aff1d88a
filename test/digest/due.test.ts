// When the digest is due, from a clock passed in: the cron read in Asia/Ho_Chi_Minh, the week
// covered, the holiday policy, and "the same day or never".
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/calendar/calendar.ts';
import { firstFiring, parseCron } from '../../src/digest/cron.ts';
import { digestDue, type HolidayPolicy } from '../../src/digest/due.ts';
import { digestPeriods, isoWeek } from '../../src/digest/week.ts';
import { vn } from './fixture.ts';

const calendar = new WorkCalendar();
const rules = (onHoliday: HolidayPolicy = 'next_working_day', cal = calendar, cron = '30 7 * * 1') => ({ cron: parseCron(cron), onHoliday, calendar: cal });
/** Monday 30 November 2026 made a day off. */
const mondayOff = new WorkCalendar({ overrides: [{ date: '2026-11-30', kind: 'day_off', name: 'Nghỉ thử', source: 'test', scope: '*' }] });

describe('digestDue', () => {
  it('is due on Monday at 07:30 in Vietnam, which is 00:30 UTC (not 07:30 UTC)', () => {
    const d = digestDue(new Date('2026-11-30T00:30:00Z'), rules());
    expect(d.dueAt?.toISOString()).toBe('2026-11-30T00:30:00.000Z');
    expect(d.state).toBe('due');
    expect(d.week).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(d.isoWeek).toBe('2026-W48');
    expect(digestDue(new Date('2026-11-30T00:29:59Z'), rules()).state).toBe('not_yet');
    // Sunday 23:59 UTC is already Monday 06:59 in Vietnam: not yet, and about the same week.
    const early = digestDue(new Date('2026-11-29T23:59:00Z'), rules());
    expect([early.state, early.isoWeek]).toEqual(['not_yet', '2026-W48']);
  });

  it('catches up later the same day, never on a later day', () => {
    expect(digestDue(vn('2026-11-30 16:59'), rules()).state).toBe('due');
    expect(digestDue(vn('2026-11-30 23:59'), rules()).state).toBe('due');
    expect(digestDue(vn('2026-12-01 00:00'), rules()).state).toBe('missed');
    expect(digestDue(vn('2026-12-06 12:00'), rules()).state).toBe('missed');
  });

  it('waits for the next working day when Monday is a holiday (next_working_day)', () => {
    expect(digestDue(vn('2026-11-30 09:00'), rules('next_working_day', mondayOff)).state).toBe('not_yet');
    const tuesday = digestDue(vn('2026-12-01 07:30'), rules('next_working_day', mondayOff));
    expect(tuesday.dueAt?.toISOString()).toBe('2026-12-01T00:30:00.000Z');
    expect([tuesday.state, tuesday.isoWeek]).toEqual(['due', '2026-W48']);
  });

  it('sends on the holiday itself with same_day, not at all with skip', () => {
    expect(digestDue(vn('2026-11-30 07:30'), rules('same_day', mondayOff)).state).toBe('due');
    const skip = digestDue(vn('2026-11-30 07:30'), rules('skip', mondayOff));
    expect([skip.state, skip.dueAt]).toEqual(['none', null]);
  });

  it('during Tết 2026 (Monday 16/2 to Friday 20/2 off) sends nothing that week, then the next Monday', () => {
    for (const day of ['2026-02-16', '2026-02-18', '2026-02-20']) expect(digestDue(vn(`${day} 09:00`), rules()).state).toBe('none');
    const after = digestDue(vn('2026-02-23 07:30'), rules());
    expect([after.state, after.week.from, after.week.to]).toEqual(['due', '2026-02-16', '2026-02-22']);
  });

  it('skips Culture Day (Tuesday 24/11/2026) when deferring from a Monday off', () => {
    const off = new WorkCalendar({ overrides: [{ date: '2026-11-23', kind: 'day_off', name: 'Nghỉ thử', source: 'test', scope: '*' }] });
    expect(digestDue(vn('2026-11-24 09:00'), rules('next_working_day', off)).state).toBe('not_yet');
    expect(digestDue(vn('2026-11-25 09:00'), rules('next_working_day', off)).dueAt?.toISOString()).toBe('2026-11-25T00:30:00.000Z');
  });
});

describe('the cron and the weeks', () => {
  it('reads five-field cron expressions', () => {
    expect(firstFiring(parseCron('30 7 * * 1'), '2026-11-23', 7)?.toISOString()).toBe('2026-11-23T00:30:00.000Z');
    expect(firstFiring(parseCron('0 8 * * mon-fri'), '2026-11-23', 7)?.toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(firstFiring(parseCron('*/15 13,7 * * 2'), '2026-11-23', 7)?.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(firstFiring(parseCron('0 9 * * 0'), '2026-11-23', 7)?.toISOString()).toBe('2026-11-29T02:00:00.000Z');
    expect(firstFiring(parseCron('0 9 * * 7'), '2026-11-23', 7)?.toISOString()).toBe('2026-11-29T02:00:00.000Z');
    for (const bad of ['30 7 * *', '61 7 * * 1', '30 7 * * 8', 'x 7 * * 1']) expect(() => parseCron(bad), bad).toThrow();
  });

  it('labels ISO weeks across year ends', () => {
    expect(isoWeek('2026-11-16')).toBe('2026-W47');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
  });

  it('compares a week with the same days of the week before, and trends over 12 weeks', () => {
    const p = digestPeriods({ from: '2026-11-23', to: '2026-11-25' }, vn('2026-11-25 10:00'));
    expect(p.previous).toEqual({ from: '2026-11-16', to: '2026-11-18' });
    expect([p.span, p.live]).toEqual(['week', true]);
    expect(p.trend).toHaveLength(12);
    expect(p.trend.at(-1)).toEqual({ from: '2026-11-23', to: '2026-11-25' });
    expect(p.trend[0]).toEqual({ from: '2026-09-07', to: '2026-09-13' });
    expect(p.ytd).toEqual({ from: '2026-01-01', to: '2026-11-25' });
  });
});
