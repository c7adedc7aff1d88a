// Checks that every stored dossier is whole: its supplement rows match its count, its events end
// in its status, its derived deadline fields are what the calendar gives, and the per-day and
// per-month counters equal a recount from the dossiers.
import { expect } from 'vitest';
import { WorkCalendar } from '../../../src/calendar/calendar.ts';
import type { Database } from '../../../src/db/client.ts';
import { deadlineSnapshot } from '../../../src/dossiers/deadline.ts';
import { expectCountersExact } from '../../support/counters.ts';

export async function expectWhole(database: Database, calendar = new WorkCalendar()): Promise<void> {
  const { db } = database;
  // Three plain queries: a relation include binds one parameter per dossier (too many for SQLite).
  const [rows, supplementRows, eventRows] = await Promise.all([
    db.dossier.findMany(),
    db.supplementRequest.findMany({ orderBy: [{ dossierId: 'asc' }, { seq: 'asc' }] }),
    db.dossierEvent.findMany({ orderBy: { id: 'asc' } }),
  ]);
  const group = <T extends { dossierId: number }>(list: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of list) m.set(x.dossierId, [...(m.get(x.dossierId) ?? []), x]);
    return m;
  };
  const [supplementsOf, eventsOf] = [group(supplementRows), group(eventRows)];
  const dossiers = rows.map((d) => ({ ...d, supplements: supplementsOf.get(d.id) ?? [], events: eventsOf.get(d.id) ?? [] }));
  const units = new Map((await db.unit.findMany()).map((u) => [u.id, u]));
  for (const d of dossiers) {
    expect(d.supplements.length, d.code).toBe(d.supplementCount);
    expect(d.supplements.map((s) => s.seq), d.code).toEqual(d.supplements.map((_, i) => i + 1));
    const statusEvents = d.events.filter((e) => e.kind === 'status');
    expect(statusEvents.length, d.code).toBeGreaterThan(0);
    expect(statusEvents.at(-1)!.toStatus, d.code).toBe(d.status);
    const unit = units.get(d.unitId)!;
    const snap = deadlineSnapshot({ receivedAt: d.receivedAt, dueAt: d.dueAt, finishedAt: d.finishedAt, supplements: d.supplements }, calendar.forUnit(unit.code, unit.worksSaturday));
    expect({ effectiveDueAt: d.effectiveDueAt, dueDay: d.dueDay, clockStopped: d.clockStopped, overdueFromDay: d.overdueFromDay, finishDay: d.finishDay, result: d.result }, d.code).toEqual(snap);
  }

  await expectCountersExact(db, dossiers);
}
