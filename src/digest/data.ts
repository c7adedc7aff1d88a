// The numbers of one digest, gathered from the rates: the period and year to date with the
// II.06a buckets and rates, the comparison period, the ranking, the overdue dossiers at the end
// of the period, and the 12-week trend. Counts only: never a dossier, never an applicant.
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { Db } from '../db/client.ts';
import { loadOpenDossiers, stateOf } from '../dossiers/open.ts';
import { addBuckets, carriedOver, emptyBuckets, rates, type Buckets, type Rates } from '../rates/buckets.ts';
import type { RateReports, RankingRow } from '../rates/rates.ts';
import { periodEnd, type Period } from '../rates/period.ts';
import type { UnitNode, UnitTree } from '../org/tree.ts';
import { digestPeriods, type DigestPeriods } from './week.ts';

/** "Overdue for long": more than this many working days. */
export const LONG_OVERDUE_WORKING_DAYS = 5;
/** How many units the overdue section names. */
const OVERDUE_UNITS_SHOWN = 5;

/** area: a unit's subtree and the units under it (leaders, the reform office, groups); unit: one unit among its peers (its head). */
export type DigestKind = 'area' | 'unit';

export interface Figures {
  buckets: Buckets;
  rates: Rates;
  carriedOver: number;
}

export interface OverdueCount {
  count: number;
  /** Overdue by more than LONG_OVERDUE_WORKING_DAYS working days. */
  long: number;
}

export interface TrendPoint {
  week: Period;
  onTimeRate: number | null;
  onlineRate: number | null;
}

export interface ChartUnit {
  unit: UnitNode;
  onTimeRate: number | null;
  highlight: boolean;
}

export interface DigestData {
  kind: DigestKind;
  unit: UnitNode;
  periods: DigestPeriods;
  /** The instant the period's numbers describe (its last moment, or now). */
  end: Date;
  current: Figures;
  previous: Figures;
  ytd: Figures;
  /** area: the units under it by kind; unit: its peers (one group). Best on-time rate first. */
  ranking: { kind: string; rows: RankingRow[] }[];
  /** unit: the peers' ranking year to date. */
  ytdRanking: RankingRow[];
  /** Open and overdue at `end`, in the subtree. */
  overdue: OverdueCount;
  /** area: the units under it with overdue dossiers, most first. */
  overdueUnits: (OverdueCount & { unit: UnitNode })[];
  trend: TrendPoint[];
  /** The chart's bars: the units under the area, or the peers with the unit highlighted. */
  chartUnits: ChartUnit[];
  /** The on-time rate of all the chart's units together (the chart's reference line). */
  chartReference: number | null;
}

const figures = (b: Buckets): Figures => ({ buckets: b, rates: rates(b), carriedOver: carriedOver(b) });

const handled = (b: Buckets): number => b.finished + b.inProgress + b.inProgressOverdue + b.waitingSupplement;

/**
 * Builds digests that share one clock: past periods are cached by the rate reports, the overdue
 * classification once per instant, so a run for every recipient costs little more than one.
 */
export class DigestBuilder {
  readonly #overdue = new Map<number, Promise<Map<number, OverdueCount>>>();

  constructor(
    readonly deps: { db: Db; rates: RateReports; tree: UnitTree; calendar: WorkCalendar },
    readonly now: Date,
  ) {}

  async build(kind: DigestKind, unit: UnitNode, period: Period): Promise<DigestData> {
    const { rates: reports, tree } = this.deps;
    const now = this.now;
    const periods = digestPeriods(period, now);
    const live = (p: Period) => periodEnd(p, now).getTime() === now.getTime();
    const [current, previous, ytd] = await Promise.all([
      reports.subtrees(period, now, live(period)),
      reports.subtrees(periods.previous, now, false),
      reports.subtrees(periods.ytd, now, live(periods.ytd)),
    ]);
    const totalOf = (totals: Map<number, Buckets>, id: number) => totals.get(id) ?? emptyBuckets();

    const trend: TrendPoint[] = [];
    for (const week of periods.trend) {
      const { totals } = await reports.subtrees(week, now, live(week));
      const r = rates(totalOf(totals, unit.id));
      trend.push({ week, onTimeRate: r.onTimeRate, onlineRate: r.onlineRate });
    }

    const overdueByUnit = await this.#overdueAt(current.end);
    const overdue = overdueByUnit.get(unit.id) ?? { count: 0, long: 0 };

    let ranking: DigestData['ranking'];
    let ytdRanking: RankingRow[] = [];
    let overdueUnits: DigestData['overdueUnits'] = [];
    let shown: UnitNode[];
    if (kind === 'area') {
      ranking = await reports.ranking(unit.id, period, now, live(period));
      overdueUnits = tree.children(unit.id)
        .map((u) => ({ unit: u, ...(overdueByUnit.get(u.id) ?? { count: 0, long: 0 }) }))
        .filter((u) => u.count > 0)
        .sort((a, b) => b.count - a.count || b.long - a.long || a.unit.name.localeCompare(b.unit.name, 'vi'))
        .slice(0, OVERDUE_UNITS_SHOWN);
      // Every unit below that handled dossiers this year, whether or not it had any this period.
      shown = tree.children(unit.id).filter((u) => handled(totalOf(ytd.totals, u.id)) > 0);
    } else {
      const peersIn = async (p: Period) =>
        unit.parentId === null ? [] : ((await reports.ranking(unit.parentId, p, now, live(p))).find((g) => g.kind === unit.kind)?.rows ?? []);
      const rows = await peersIn(period);
      ranking = rows.length > 0 ? [{ kind: unit.kind, rows }] : [];
      ytdRanking = await peersIn(periods.ytd);
      const peers = unit.parentId === null ? [unit] : tree.children(unit.parentId).filter((u) => u.kind === unit.kind);
      shown = peers.filter((u) => u.id === unit.id || handled(totalOf(ytd.totals, u.id)) > 0);
    }

    const together = emptyBuckets();
    for (const u of shown) addBuckets(together, totalOf(current.totals, u.id));
    return {
      kind,
      unit,
      periods,
      end: current.end,
      current: figures(totalOf(current.totals, unit.id)),
      previous: figures(totalOf(previous.totals, unit.id)),
      ytd: figures(totalOf(ytd.totals, unit.id)),
      ranking,
      ytdRanking,
      overdue,
      overdueUnits,
      trend,
      chartUnits: shown.map((u) => ({ unit: u, onTimeRate: rates(totalOf(current.totals, u.id)).onTimeRate, highlight: kind === 'unit' && u.id === unit.id })),
      chartReference: shown.length > 1 ? rates(together).onTimeRate : null,
    };
  }

  /** Overdue dossiers open at `at`, per unit subtree, classified on each unit's calendar. */
  #overdueAt(at: Date): Promise<Map<number, OverdueCount>> {
    let p = this.#overdue.get(at.getTime());
    if (!p) {
      p = (async () => {
        const { db, calendar, tree } = this.deps;
        const own = new Map<number, OverdueCount>();
        for (const d of await loadOpenDossiers(db, at)) {
          const s = stateOf(d, at, calendar, tree);
          if (s.kind !== 'overdue') continue;
          const c = own.get(d.unitId) ?? { count: 0, long: 0 };
          c.count++;
          if (s.workingDaysOverdue > LONG_OVERDUE_WORKING_DAYS) c.long++;
          own.set(d.unitId, c);
        }
        return tree.rollup(own, () => ({ count: 0, long: 0 }), (into, x) => {
          into.count += x.count;
          into.long += x.long;
        });
      })();
      this.#overdue.set(at.getTime(), p);
    }
    return p;
  }
}
