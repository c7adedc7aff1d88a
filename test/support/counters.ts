// The per-day and per-month counters must equal a recount from the dossiers themselves.
import { expect } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { monthOfDay, StatDelta, STAT_FIELDS } from '../../src/dossiers/daily-stats.ts';

type Dossier = Parameters<StatDelta['add']>[0];

/** Recounts `dossiers` (default: every stored dossier) and compares with DailyStat and MonthlyStat. */
export async function expectCountersExact(db: Db, dossiers?: readonly Dossier[]): Promise<void> {
  const delta = new StatDelta();
  for (const d of dossiers ?? (await db.dossier.findMany())) delta.add(d, 1);
  const expected = delta.rows().map((r) => ({ unitId: r.unitId, day: r.day, ...r.counts })).sort((a, b) => a.unitId - b.unitId || a.day - b.day);
  const stored = (await db.dailyStat.findMany({ orderBy: [{ unitId: 'asc' }, { day: 'asc' }] }))
    .map((r) => ({ ...r, paidAmount: Number(r.paidAmount) }))
    .filter((r) => STAT_FIELDS.some((f) => r[f] !== 0));
  expect(stored).toEqual(expected);
  const months = new Map<string, Record<string, number>>();
  for (const d of expected) {
    const key = `${d.unitId}:${monthOfDay(d.day)}`;
    const m = months.get(key) ?? Object.fromEntries(STAT_FIELDS.map((f) => [f, 0]));
    for (const f of STAT_FIELDS) m[f]! += d[f];
    months.set(key, m);
  }
  const monthly = (await db.monthlyStat.findMany())
    .map((r) => ({ ...r, paidAmount: Number(r.paidAmount) }))
    .filter((r) => STAT_FIELDS.some((f) => r[f] !== 0));
  expect(monthly).toHaveLength(months.size);
  for (const r of monthly) expect(months.get(`${r.unitId}:${r.month}`)).toEqual(Object.fromEntries(STAT_FIELDS.map((f) => [f, r[f]])));
}
