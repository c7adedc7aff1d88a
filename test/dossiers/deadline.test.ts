import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/calendar/calendar.ts';
import { computeDue } from '../../src/calendar/due.ts';
import { deadlineState, deadlineStates, type DeadlineOptions, type DossierClock } from '../../src/dossiers/deadline.ts';
import { vn } from '../calendar/vn.ts';

const cal = new WorkCalendar();
const stateAt = (clock: DossierClock, at: string, opts?: DeadlineOptions) => deadlineState(clock, vn(at), cal, opts);

/** Received Mon 2/3/2026 10:00 with 5 working days: due Mon 9/3/2026 17:00. */
const received = vn('2026-03-02 10:00');
const dossier = (extra: Partial<DossierClock> = {}): DossierClock => ({
  receivedAt: received,
  dueAt: computeDue(received, { value: 5, unit: 'working_days' }, cal).dueAt,
  finishedAt: null,
  supplements: [],
  ...extra,
});

describe('in progress, by calendar date', () => {
  it.each([
    ['2026-03-03 09:00', { kind: 'not_due', workingDaysLeft: 4 }],
    ['2026-03-05 16:00', { kind: 'not_due', workingDaysLeft: 2 }],
    ['2026-03-06 08:00', { kind: 'due_soon', workingDaysLeft: 1 }],
    ['2026-03-07 12:00', { kind: 'due_soon', workingDaysLeft: 1 }], // Saturday
    ['2026-03-09 07:00', { kind: 'due_today' }],
    ['2026-03-09 23:59', { kind: 'due_today' }],
    ['2026-03-10 00:00', { kind: 'overdue', reason: 'past_due', workingDaysOverdue: 1 }],
    ['2026-03-14 10:00', { kind: 'overdue', reason: 'past_due', workingDaysOverdue: 4 }], // Saturday
    ['2026-03-16 10:00', { kind: 'overdue', reason: 'past_due', workingDaysOverdue: 5 }],
  ])('at %s: %o', (at, expected) => {
    expect(stateAt(dossier(), at)).toMatchObject(expected);
  });

  it('widens due_soon with dueSoonWorkingDays', () => {
    const wide = stateAt(dossier(), '2026-03-04 10:00', { dueSoonWorkingDays: 3 });
    expect(wide).toMatchObject({ kind: 'due_soon', workingDaysLeft: 3 });
    const none = stateAt(dossier(), '2026-03-06 10:00', { dueSoonWorkingDays: 0 });
    expect(none).toMatchObject({ kind: 'not_due', workingDaysLeft: 1 });
  });
});

describe('Tết in between', () => {
  const beforeTet = dossier({ receivedAt: vn('2026-02-06 10:00'), dueAt: vn('2026-02-13 17:00') });

  it.each([
    ['2026-02-12 10:00', { kind: 'due_soon', workingDaysLeft: 1 }],
    ['2026-02-14 10:00', { kind: 'overdue', workingDaysOverdue: 1 }], // first day of the break
    ['2026-02-20 10:00', { kind: 'overdue', workingDaysOverdue: 1 }],
    ['2026-02-23 10:00', { kind: 'overdue', workingDaysOverdue: 1 }], // first working day after
    ['2026-02-24 10:00', { kind: 'overdue', workingDaysOverdue: 2 }],
  ])('due 13/2/2026, at %s: %o', (at, expected) => {
    expect(stateAt(beforeTet, at)).toMatchObject(expected);
  });

  it('counts working days left across the break', () => {
    const afterTet = dossier({ dueAt: vn('2026-02-24 17:00') });
    expect(stateAt(afterTet, '2026-02-13 10:00')).toMatchObject({ kind: 'not_due', workingDaysLeft: 2 });
  });
});

describe('finished, by calendar date (Decision 766 indicator 2.1)', () => {
  it.each([
    ['2026-03-06 10:00', 'early'],
    ['2026-03-09 08:00', 'on_time'],
    ['2026-03-09 20:00', 'on_time'], // after office hours on the due date
    ['2026-03-10 08:00', 'late'],
  ])('finished at %s: %s', (finished, result) => {
    expect(stateAt(dossier({ finishedAt: vn(finished) }), '2026-03-20 10:00')).toMatchObject({ kind: 'finished', result });
  });

  it('is still in progress before finishedAt', () => {
    expect(stateAt(dossier({ finishedAt: vn('2026-03-06 10:00') }), '2026-03-05 10:00').kind).toBe('not_due');
  });

  it('late across Tết', () => {
    const late = dossier({ dueAt: vn('2026-02-13 17:00'), finishedAt: vn('2026-02-23 09:00') });
    expect(stateAt(late, '2026-02-23 10:00')).toMatchObject({ kind: 'finished', result: 'late' });
  });
});

describe('supplements', () => {
  const requested = vn('2026-03-04 10:00');

  it('the first pending request stops the clock', () => {
    const waiting = dossier({ supplements: [{ requestedAt: requested, suppliedAt: null }] });
    expect(stateAt(waiting, '2026-03-12 10:00')).toMatchObject({ kind: 'paused', since: requested });
  });

  it('a first request after the due date is late by the days up to the request (Decision 766)', () => {
    const late = dossier({ supplements: [{ requestedAt: vn('2026-03-11 09:00'), suppliedAt: null }] });
    const expected = { kind: 'overdue', reason: 'paused_after_due', workingDaysOverdue: 2 };
    expect(stateAt(late, '2026-03-20 10:00')).toMatchObject(expected);
    const onDueDay = dossier({ supplements: [{ requestedAt: vn('2026-03-09 16:00'), suppliedAt: null }] });
    expect(stateAt(onDueDay, '2026-03-20 10:00').kind).toBe('paused');
  });

  it('a request supplied after `at` is still pending at `at`', () => {
    const later = dossier({ supplements: [{ requestedAt: requested, suppliedAt: vn('2026-03-10 10:00') }] });
    expect(stateAt(later, '2026-03-05 10:00').kind).toBe('paused');
  });

  it('a completed pause moves the due date by its working time', () => {
    // 4/3 10:00 → 6/3 10:00 is 5 h + 7.5 h + 2.5 h = two working days.
    const supplied = dossier({ supplements: [{ requestedAt: requested, suppliedAt: vn('2026-03-06 10:00') }] });
    const shifted = stateAt(supplied, '2026-03-11 10:00');
    expect(shifted).toMatchObject({ kind: 'due_today', effectiveDueAt: vn('2026-03-11 17:00') });
    expect(stateAt(supplied, '2026-03-12 10:00')).toMatchObject({ kind: 'overdue', workingDaysOverdue: 1 });
    const unshifted = stateAt(supplied, '2026-03-11 10:00', { pausesShiftDue: false });
    expect(unshifted).toMatchObject({ kind: 'overdue', workingDaysOverdue: 2 });
  });

  it('a second pending request counts as overdue (Decision 766)', () => {
    const second = dossier({
      supplements: [
        { requestedAt: requested, suppliedAt: vn('2026-03-05 10:00') },
        { requestedAt: vn('2026-03-06 10:00'), suppliedAt: null },
      ],
    });
    const secondOverdue = { kind: 'overdue', reason: 'second_supplement' };
    expect(stateAt(second, '2026-03-06 11:00')).toMatchObject({ ...secondOverdue, workingDaysOverdue: 0 });
    // Due 10/3 17:00 after the first pause (one working day): 11–17/3 is 5 working days late.
    expect(stateAt(second, '2026-03-17 11:00')).toMatchObject({ ...secondOverdue, workingDaysOverdue: 5 });
    // Before the second request it is an ordinary dossier, due later by the first pause.
    expect(stateAt(second, '2026-03-05 11:00').kind).toBe('not_due');
  });
});

describe('rescheduling', () => {
  it('is reported, but the legal due date decides', () => {
    const rescheduled = dossier({ rescheduledDueAt: vn('2026-03-20 17:00') });
    expect(stateAt(rescheduled, '2026-03-10 10:00')).toMatchObject({
      kind: 'overdue',
      rescheduledDueAt: vn('2026-03-20 17:00'),
      effectiveDueAt: vn('2026-03-09 17:00'),
    });
    expect(stateAt(dossier(), '2026-03-10 10:00').rescheduledDueAt).toBeNull();
  });
});

describe('options', () => {
  it('rejects a negative or fractional due-soon window', () => {
    expect(() => stateAt(dossier(), '2026-03-03 10:00', { dueSoonWorkingDays: -1 })).toThrow(RangeError);
    expect(() => stateAt(dossier(), '2026-03-03 10:00', { dueSoonWorkingDays: 1.5 })).toThrow(RangeError);
    expect(() => deadlineState(dossier(), new Date(Number.NaN), cal)).toThrow(RangeError);
  });
});

describe('batch', () => {
  it('classifies like one at a time', () => {
    const clocks = [dossier(), dossier({ finishedAt: vn('2026-03-06 10:00') }), dossier({ dueAt: vn('2026-03-20 17:00') })];
    const at = vn('2026-03-09 10:00');
    expect(deadlineStates(clocks, at, cal)).toEqual(clocks.map((clock) => deadlineState(clock, at, cal)));
  });
});
