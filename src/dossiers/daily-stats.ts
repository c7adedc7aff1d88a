// What one dossier adds to the per-unit counters by day (DailyStat) and month (MonthlyStat): its receipt on the day it
// was received, its result on the day it finished. The store applies the difference between a
// dossier's old and new contributions in the same transaction as the write, so the counters stay
// exact as dossiers change.
import { bulkUpsertAdd } from '../db/bulk.ts';
import type { Db, Tx } from '../db/client.ts';
import type { DatabaseTarget } from '../db/url.ts';
import { epochDayOf, fromEpochDay } from '../calendar/time.ts';
import { RECEIVING_CHANNEL } from './status.ts';

const RECEIPT_FIELDS = ['received', 'receivedOnline', 'receivedPostal', 'digitized', 'paidOnline', 'paidAmount'] as const;
const RESULT_FIELDS = ['finished', 'finishedEarly', 'finishedOnTime', 'finishedLate', 'rated', 'satisfied'] as const;
export const STAT_FIELDS = [...RECEIPT_FIELDS, ...RESULT_FIELDS] as const;
export type StatField = (typeof STAT_FIELDS)[number];
export type StatCounts = Record<StatField, number>;

/** The fields of a dossier that its contribution depends on. */
export interface Contributor {
  unitId: number;
  receivedAt: Date;
  channel: number;
  digitized: boolean;
  paidOnline: boolean;
  feeAmount: number;
  finishedAt: Date | null;
  result: string | null;
  satisfaction: number | null;
}

const emptyCounts = (): StatCounts => Object.fromEntries(STAT_FIELDS.map((f) => [f, 0])) as StatCounts;

/** Differences to apply, by unit and local day. */
export class StatDelta {
  readonly #rows = new Map<string, { unitId: number; day: number; counts: StatCounts }>();

  #row(unitId: number, day: number): StatCounts {
    const key = `${unitId}:${day}`;
    let row = this.#rows.get(key);
    if (!row) this.#rows.set(key, (row = { unitId, day, counts: emptyCounts() }));
    return row.counts;
  }

  /** Adds (sign 1) or removes (sign -1) a dossier's contribution. */
  add(d: Contributor, sign: 1 | -1): void {
    const r = this.#row(d.unitId, epochDayOf(d.receivedAt));
    r.received += sign;
    if (d.channel === RECEIVING_CHANNEL.online) r.receivedOnline += sign;
    if (d.channel === RECEIVING_CHANNEL.postal) r.receivedPostal += sign;
    if (d.digitized) r.digitized += sign;
    if (d.paidOnline) {
      r.paidOnline += sign;
      r.paidAmount += sign * d.feeAmount;
    }
    if (d.finishedAt) {
      const f = this.#row(d.unitId, epochDayOf(d.finishedAt));
      f.finished += sign;
      if (d.result === 'early') f.finishedEarly += sign;
      else if (d.result === 'on_time') f.finishedOnTime += sign;
      else if (d.result === 'late') f.finishedLate += sign;
      if (d.satisfaction !== null) {
        f.rated += sign;
        if (d.satisfaction >= 2) f.satisfied += sign;
      }
    }
  }

  /** The rows with a non-zero change. */
  rows(): { unitId: number; day: number; counts: StatCounts }[] {
    return [...this.#rows.values()].filter((r) => STAT_FIELDS.some((f) => r.counts[f] !== 0));
  }
}

/** A local day's month key: year × 12 + month − 1. */
export function monthOfDay(day: number): number {
  const date = fromEpochDay(day);
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/**
 * Adds the delta to the daily and the monthly counters: INSERT … ON CONFLICT DO UPDATE adding to
 * what is there (bulkUpsertAdd: SQL literals on SQLite, no per-value Prisma work).
 */
export async function applyStatDelta(db: Db | Tx, engine: DatabaseTarget['engine'], delta: StatDelta): Promise<void> {
  const daily = delta.rows();
  if (daily.length === 0) return;
  const monthly = new Map<string, { unitId: number; month: number; counts: StatCounts }>();
  for (const r of daily) {
    const month = monthOfDay(r.day);
    const key = `${r.unitId}:${month}`;
    let m = monthly.get(key);
    if (!m) monthly.set(key, (m = { unitId: r.unitId, month, counts: emptyCounts() }));
    for (const f of STAT_FIELDS) m.counts[f] += r.counts[f];
  }
  const fields = [...STAT_FIELDS];
  await bulkUpsertAdd(db, engine, 'DailyStat', ['unitId', 'day'], fields, daily.map((r) => ({ unitId: r.unitId, day: r.day, ...r.counts })));
  await bulkUpsertAdd(db, engine, 'MonthlyStat', ['unitId', 'month'], fields, [...monthly.values()].map((m) => ({ unitId: m.unitId, month: m.month, ...m.counts })));
}
