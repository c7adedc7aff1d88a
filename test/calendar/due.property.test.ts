import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/calendar/calendar.ts';
import { computeDue, type LimitUnit, type TimeLimit } from '../../src/calendar/due.ts';
import { localDate } from '../../src/calendar/time.ts';
import { vn } from './vn.ts';

const base = new WorkCalendar();
const calendars = [base, base.forUnit('PHUONG-1', true)];

const FROM = vn('2024-01-01 00:00').getTime();
const TO = vn('2027-06-30 00:00').getTime();
const instant = fc.integer({ min: FROM, max: TO }).map((t) => new Date(t));
const calendar = fc.constantFrom(...calendars);
const unit = fc.constantFrom<LimitUnit>('working_days', 'working_hours', 'calendar_days');

/** Limits in quarter steps (whole days for calendar days), up to 60 days or 240 hours. */
const limitValue = (u: LimitUnit) =>
  u === 'calendar_days' ? fc.integer({ min: 0, max: 60 }) : fc.integer({ min: 0, max: 240 }).map((q) => q / 4);
const limit: fc.Arbitrary<TimeLimit> = unit.chain((u) => limitValue(u).map((value) => ({ value, unit: u })));

const pause = fc
  .tuple(instant, fc.integer({ min: 0, max: 20 * 86_400_000 }))
  .map(([from, length]) => ({ from, to: new Date(from.getTime() + length) }));

const steps = fc.integer({ min: 0, max: 240 });
const pauses = fc.array(pause, { minLength: 1, maxLength: 3 });

describe('due date properties', () => {
  it('is never before receipt and never on a day off', () => {
    fc.assert(
      fc.property(instant, limit, calendar, fc.array(pause, { maxLength: 3 }), (receivedAt, l, cal, pauses) => {
        const { dueAt } = computeDue(receivedAt, l, cal, { pauses });
        expect(dueAt.getTime()).toBeGreaterThanOrEqual(receivedAt.getTime());
        expect(cal.isWorkingDay(localDate(dueAt))).toBe(true);
      }),
    );
  });

  it('is monotonic in the limit', () => {
    fc.assert(
      fc.property(instant, unit, calendar, steps, steps, (receivedAt, u, cal, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const scale = u === 'calendar_days' ? 1 : 0.25;
        const dueLo = computeDue(receivedAt, { value: lo * scale, unit: u }, cal).dueAt;
        const dueHi = computeDue(receivedAt, { value: hi * scale, unit: u }, cal).dueAt;
        expect(dueLo.getTime()).toBeLessThanOrEqual(dueHi.getTime());
      }),
    );
  });

  it('moves later by exactly the paused working time, never earlier', () => {
    fc.assert(
      fc.property(instant, limit, calendar, pauses, (receivedAt, l, cal, somePauses) => {
        const plain = computeDue(receivedAt, l, cal).dueAt;
        const paused = computeDue(receivedAt, l, cal, { pauses: somePauses });
        expect(paused.dueAt.getTime()).toBeGreaterThanOrEqual(plain.getTime());
        expect(cal.workingMillisBetween(plain, paused.dueAt)).toBe(paused.pausedMillis);
      }),
    );
  });

  it('spends exactly N working days, or exactly the working hours', () => {
    fc.assert(
      fc.property(instant, calendar, fc.integer({ min: 1, max: 60 }), (receivedAt, cal, n) => {
        const { dueAt, startedAt } = computeDue(receivedAt, { value: n, unit: 'working_days' }, cal);
        expect(cal.workingDaysBetween(localDate(startedAt), localDate(dueAt))).toBe(n);
        expect(dueAt).toEqual(cal.endOfWorkingDay(localDate(dueAt)));
      }),
    );
    fc.assert(
      fc.property(instant, calendar, fc.integer({ min: 0, max: 240 }), (receivedAt, cal, quarters) => {
        const { dueAt, startedAt } = computeDue(receivedAt, { value: quarters / 4, unit: 'working_hours' }, cal);
        expect(cal.workingMillisBetween(startedAt, dueAt)).toBe(quarters * 15 * 60_000);
      }),
    );
  });
});
