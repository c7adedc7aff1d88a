import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/calendar/calendar.ts';
import { computeDue } from '../../src/calendar/due.ts';
import { deadlineState, deadlineStates, type DossierClock } from '../../src/dossiers/deadline.ts';
import { vn } from '../calendar/vn.ts';

const cal = new WorkCalendar();

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
    expect(deadlineState(dossier(), vn(at), cal)).toMatchObject(expected);
  });

  it('widens due_soon with dueSoonWorkingDays', () => {
    expect(deadlineState(dossier(), vn('2026-03-04 10:00'), cal, { dueSoonWorkingDays: 3 })).toMatchObject({ kind: 'due_soon', workingDaysLeft: 3 });
    expect(deadlineState(dossier(), vn('2026-03-06 10:00'), cal, { dueSoonWorkingDays: 0 })).toMatchObject({ kind: 'not_due', workingDaysLeft: 1 });
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
    expect(deadlineState(beforeTet, vn(at), cal)).toMatchObject(expected);
  });

  it('counts working days left across the break', () => {
    const afterTet = dossier({ dueAt: vn('2026-02-24 17:00') });
    expect(deadlineState(afterTet, vn('2026-02-13 10:00'), cal)).toMatchObject({ kind: 'not_due', workingDaysLeft: 2 });
  });
});

describe('finished, by calendar date (Decision 766 indicator 2.1)', () => {
  it.each([
    ['2026-03-06 10:00', 'early'],
    ['2026-03-09 08:00', 'on_time'],
    ['2026-03-09 20:00', 'on_time'], // after office hours on the due date
    ['2026-03-10 08:00', 'late'],
  ])('finished at %s: %s', (finished, result) => {
    expect(deadlineState(dossier({ finishedAt: vn(finished) }), vn('2026-03-20 10:00'), cal)).toMatchObject({ kind: 'finished', result });
  });

  it('is still in progress before finishedAt', () => {
    expect(deadlineState(dossier({ finishedAt: vn('2026-03-06 10:00') }), vn('2026-03-05 10:00'), cal).kind).toBe('not_due');
  });

  it('late across Tết', () => {
    const late = dossier({ dueAt: vn('2026-02-13 17:00'), finishedAt: vn('2026-02-23 09:00') });
    expect(deadlineState(late, vn('2026-02-23 10:00'), cal)).toMatchObject({ kind: 'finished', result: 'late' });
  });
});

describe('supplements', () => {
  const requested = vn('2026-03-04 10:00');

  it('the first pending request stops the clock', () => {
    const waiting = dossier({ supplements: [{ requestedAt: requested, suppliedAt: null }] });
    expect(deadlineState(waiting, vn('2026-03-12 10:00'), cal)).toMatchObject({ kind: 'paused', since: requested });
  });

  it('a request supplied after `at` is still pending at `at`', () => {
    const later = dossier({ supplements: [{ requestedAt: requested, suppliedAt: vn('2026-03-10 10:00') }] });
    expect(deadlineState(later, vn('2026-03-05 10:00'), cal).kind).toBe('paused');
  });

  it('a completed pause moves the due date by its working time', () => {
    // 4/3 10:00 → 6/3 10:00 is 5 h + 7.5 h + 2.5 h = two working days.
    const supplied = dossier({ supplements: [{ requestedAt: requested, suppliedAt: vn('2026-03-06 10:00') }] });
    const at = vn('2026-03-11 10:00');
    expect(deadlineState(supplied, at, cal)).toMatchObject({ kind: 'due_today', effectiveDueAt: vn('2026-03-11 17:00') });
    expect(deadlineState(supplied, vn('2026-03-12 10:00'), cal)).toMatchObject({ kind: 'overdue', workingDaysOverdue: 1 });
    expect(deadlineState(supplied, at, cal, { pausesShiftDue: false })).toMatchObject({ kind: 'overdue', workingDaysOverdue: 2 });
  });

  it('a second pending request counts as overdue (Decision 766)', () => {
    const second = dossier({
      supplements: [
        { requestedAt: requested, suppliedAt: vn('2026-03-05 10:00') },
        { requestedAt: vn('2026-03-06 10:00'), suppliedAt: null },
      ],
    });
    expect(deadlineState(second, vn('2026-03-06 11:00'), cal)).toMatchObject({ kind: 'overdue', reason: 'second_supplement', workingDaysOverdue: 0 });
    // Due 10/3 17:00 after the first pause (one working day): 11–17/3 is 5 working days late.
    expect(deadlineState(second, vn('2026-03-17 11:00'), cal)).toMatchObject({ kind: 'overdue', reason: 'second_supplement', workingDaysOverdue: 5 });
    // Before the second request it is an ordinary dossier, due later by the first pause.
    expect(deadlineState(second, vn('2026-03-05 11:00'), cal).kind).toBe('not_due');
  });
});

describe('rescheduling', () => {
  it('is reported, but the legal due date decides', () => {
    const rescheduled = dossier({ rescheduledDueAt: vn('2026-03-20 17:00') });
    expect(deadlineState(rescheduled, vn('2026-03-10 10:00'), cal)).toMatchObject({
      kind: 'overdue',
      rescheduledDueAt: vn('2026-03-20 17:00'),
      effectiveDueAt: vn('2026-03-09 17:00'),
    });
    expect(deadlineState(dossier(), vn('2026-03-10 10:00'), cal).rescheduledDueAt).toBeNull();
  });
});

describe('batch', () => {
  it('classifies like one at a time', () => {
    const clocks = [dossier(), dossier({ finishedAt: vn('2026-03-06 10:00') }), dossier({ dueAt: vn('2026-03-20 17:00') })];
    const at = vn('2026-03-09 10:00');
    expect(deadlineStates(clocks, at, cal)).toEqual(clocks.map((clock) => deadlineState(clock, at, cal)));
  });
});
