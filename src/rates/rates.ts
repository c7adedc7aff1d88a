// Rates for any unit subtree and period, at an instant. Per-unit buckets are computed once for
// all units and rolled up the tree, so a unit, its children and its siblings cost one pass.
// A period that ends now is read from the counters and the open dossiers' derived fields; a
// period that ended in the past is classified dossier by dossier and cached until the data change.
import type { WorkCalendar } from '../calendar/calendar.ts';
import { epochDayOf, localDate, toEpochDay } from '../calendar/time.ts';
import type { Database } from '../db/client.ts';
import type { UnitNode, UnitTree } from '../org/tree.ts';
import { addBuckets, carriedOver, emptyBuckets, rates, type Buckets, type Rates } from './buckets.ts';
import { periodEnd, previousPeriod, type Period } from './period.ts';
import { dailyCounts, inProgressAt, openNow, partialDayCounts, type PerUnit } from './sources.ts';
import { groupBy } from '../util/multimap.ts';

export interface UnitReport {
  unit: UnitNode;
  period: Period;
  /** The instant the numbers describe (the end of the period, or now). */
  end: Date;
  buckets: Buckets;
  rates: Rates;
  carriedOver: number;
}

export interface RankingRow {
  unit: UnitNode;
  rank: number;
  onTimeRate: number | null;
  handled: number;
}

const handled = (b: Buckets): number => b.finished + b.inProgress + b.inProgressOverdue + b.waitingSupplement;

export class RateReports {
  readonly #cache: Map<string, PerUnit>;

  /** `cache` keeps past periods across instances (it is keyed by the data version). */
  constructor(
    readonly database: Database,
    readonly calendar: WorkCalendar,
    readonly tree: UnitTree,
    cache: Map<string, PerUnit> = new Map(),
  ) {
    this.#cache = cache;
  }

  /**
   * Buckets of every unit (its own dossiers, not its subtree) for the period at `at`.
   * `live` says that `at` is the present, so the open dossiers' derived fields describe it.
   */
  async perUnit(period: Period, at: Date, live: boolean): Promise<{ perUnit: PerUnit; end: Date }> {
    const { db } = this.database;
    const end = periodEnd(period, at);
    const fromDay = toEpochDay(period.from);
    const toDay = toEpochDay(period.to);
    const perUnit: PerUnit = new Map();
    if (live && end.getTime() === at.getTime()) {
      await dailyCounts(db, fromDay, toDay, perUnit, true);
      await openNow(db, at, perUnit);
      return { perUnit, end };
    }
    const key = `${await this.#dataVersion()}|${period.from}|${period.to}|${end.toISOString()}`;
    const cached = this.#cache.get(key);
    if (cached) return { perUnit: cached, end };
    const endDay = epochDayOf(end);
    const wholeDays = localDate(new Date(end.getTime() + 1)) !== localDate(end);
    await dailyCounts(db, fromDay, wholeDays ? Math.min(endDay, toDay) : endDay - 1, perUnit);
    if (!wholeDays) await partialDayCounts(db, end, perUnit);
    await inProgressAt(db, end, this.calendar, this.tree, perUnit);
    if (this.#cache.size > 200) this.#cache.clear();
    this.#cache.set(key, perUnit);
    return { perUnit, end };
  }

  async #dataVersion(): Promise<number> {
    const row = await this.database.db.counter.findUnique({ where: { name: 'dossiers' } });
    return row?.value ?? 0;
  }

  /** Buckets and rates of every unit's subtree. */
  async subtrees(period: Period, at: Date, live: boolean): Promise<{ totals: Map<number, Buckets>; end: Date }> {
    const { perUnit, end } = await this.perUnit(period, at, live);
    return { totals: this.tree.rollup(perUnit, emptyBuckets, addBuckets), end };
  }

  async forUnit(unitId: number, period: Period, at: Date, live: boolean): Promise<UnitReport> {
    const { totals, end } = await this.subtrees(period, at, live);
    return this.#report(unitId, totals, period, end);
  }

  #report(unitId: number, totals: Map<number, Buckets>, period: Period, end: Date): UnitReport {
    const unit = this.tree.byId.get(unitId);
    if (!unit) throw new Error(`unit ${unitId} does not exist`);
    const buckets = totals.get(unitId) ?? emptyBuckets();
    return { unit, period, end, buckets, rates: rates(buckets), carriedOver: carriedOver(buckets) };
  }

  /**
   * The unit, the same numbers for the previous period of the same length, its rank among its
   * peers, and its children that handled dossiers (best first).
   */
  async report(
    unitId: number,
    period: Period,
    at: Date,
    live: boolean,
  ): Promise<{ current: UnitReport; previous: UnitReport; ranking: RankingRow[]; children: RankingRow[] }> {
    const { totals, end } = await this.subtrees(period, at, live);
    const previousP = previousPeriod(period);
    const prev = await this.subtrees(previousP, at, false);
    const current = this.#report(unitId, totals, period, end);
    return {
      current,
      previous: this.#report(unitId, prev.totals, previousP, prev.end),
      ranking: this.#peers(current.unit, totals),
      children: rank(this.tree.children(unitId), totals),
    };
  }

  /** Units of the same kind under the same parent that handled dossiers, best on-time rate first. */
  #peers(unit: UnitNode, totals: Map<number, Buckets>): RankingRow[] {
    const peers = unit.parentId === null ? [unit] : this.tree.children(unit.parentId).filter((u) => u.kind === unit.kind);
    return rank(peers, totals);
  }

  /** The children of a unit that handled dossiers, grouped by kind, best first. */
  async ranking(unitId: number, period: Period, at: Date, live: boolean): Promise<{ kind: string; rows: RankingRow[] }[]> {
    const { totals } = await this.subtrees(period, at, live);
    const kinds = groupBy(this.tree.children(unitId), (c) => c.kind);
    return [...kinds.entries()].map(([kind, units]) => ({ kind, rows: rank(units, totals) })).filter((g) => g.rows.length > 0);
  }
}

function rank(units: readonly UnitNode[], totals: Map<number, Buckets>): RankingRow[] {
  const rows = units
    .map((unit) => {
      const b = totals.get(unit.id) ?? emptyBuckets();
      return { unit, rank: 0, onTimeRate: rates(b).onTimeRate, handled: handled(b) };
    })
    .filter((r) => r.handled > 0)
    .sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || a.unit.name.localeCompare(b.unit.name, 'vi'));
  rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1]!.onTimeRate === r.onTimeRate ? rows[i - 1]!.rank : i + 1));
  return rows;
}
