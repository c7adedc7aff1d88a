import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/calendar/calendar.ts';
import { computeDue } from '../../src/calendar/due.ts';
import { localDate } from '../../src/calendar/time.ts';
import { deadlineState, type DeadlineState, type DossierClock } from '../../src/dossiers/deadline.ts';
import { vn } from '../calendar/vn.ts';

const cal = new WorkCalendar();
const FROM = vn('2024-01-01 00:00').getTime();
const TO = vn('2027-06-30 00:00').getTime();
const DAY = 86_400_000;

/** Order of the in-progress states as time passes (no supplements, never finished here). */
const RANK: Record<DeadlineState['kind'], number> = {
  not_due: 0,
  due_soon: 1,
  due_today: 2,
  overdue: 3,
  paused: -1,
  finished: -1,
};

const clock = fc
  .tuple(fc.integer({ min: FROM, max: TO }), fc.integer({ min: 0, max: 40 }))
  .map(([received, days]): DossierClock => {
    const receivedAt = new Date(received);
    const { dueAt } = computeDue(receivedAt, { value: days, unit: 'working_days' }, cal);
    return { receivedAt, dueAt, finishedAt: null, supplements: [] };
  });
const offset = fc.integer({ min: -10 * DAY, max: 60 * DAY });

describe('deadline state properties', () => {
  it('agrees with the due date', () => {
    fc.assert(
      fc.property(clock, offset, (c, delta) => {
        const at = new Date(c.dueAt.getTime() + delta);
        const state = deadlineState(c, at, cal);
        const [today, due] = [localDate(at), localDate(c.dueAt)];
        expect(state.kind).toBe(today > due ? 'overdue' : today === due ? 'due_today' : state.kind);
        if (state.kind === 'overdue') expect(state.workingDaysOverdue).toBe(Math.max(1, cal.workingDaysBetween(due, today)));
        if (state.kind === 'due_soon' || state.kind === 'not_due') {
          expect(state.workingDaysLeft).toBe(cal.workingDaysBetween(today, due));
          expect(state.workingDaysLeft).toBeGreaterThanOrEqual(1);
          expect(state.kind === 'due_soon').toBe(state.workingDaysLeft <= 1);
        }
      }),
    );
  });

  it('only moves forward as time passes', () => {
    fc.assert(
      fc.property(clock, offset, offset, (c, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const first = deadlineState(c, new Date(c.dueAt.getTime() + early), cal);
        const second = deadlineState(c, new Date(c.dueAt.getTime() + late), cal);
        expect(RANK[first.kind]).toBeLessThanOrEqual(RANK[second.kind]);
      }),
    );
  });

  it('judges a finished dossier by the dates of finish and due', () => {
    fc.assert(
      fc.property(clock, offset, (c, delta) => {
        const finishedAt = new Date(c.dueAt.getTime() + delta);
        const state = deadlineState({ ...c, finishedAt }, new Date(finishedAt.getTime() + DAY), cal);
        const [finished, due] = [localDate(finishedAt), localDate(c.dueAt)];
        const result = finished < due ? 'early' : finished === due ? 'on_time' : 'late';
        expect(state).toMatchObject({ kind: 'finished', result });
      }),
    );
  });
});
