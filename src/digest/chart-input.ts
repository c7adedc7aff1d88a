// What the digest's chart shows: the units' on-time rates for the period (the units under the
// area, or the peers with the recipient's unit highlighted) and the 12-week trend, with every
// label taken from the locales.
import { formatLocalDate, formatPercent } from '../i18n/format.ts';
import { t } from '../i18n/translate.ts';
import type { Period } from '../rates/period.ts';
import type { UnitTree } from '../org/tree.ts';
import type { DigestChartInput } from './chart/types.ts';
import type { DigestData } from './data.ts';

/** "16/11" for the week of Monday 16 November. */
const dayMonth = (date: string): string => formatLocalDate(date).slice(0, 5);

/** "16/11–22/11/2026", or with both years when the period spans two. */
function shortRange(p: Period): { from: string; to: string } {
  return { from: p.from.slice(0, 4) === p.to.slice(0, 4) ? dayMonth(p.from) : formatLocalDate(p.from), to: formatLocalDate(p.to) };
}

export function digestChartInput(d: DigestData, tree: UnitTree): DigestChartInput {
  const span = d.periods.span;
  const reference = d.chartReference;
  const parent = d.unit.parentId === null ? undefined : tree.byId.get(d.unit.parentId);
  const unitsTitle = d.kind === 'area'
    ? t('digest-chart-units-area', { span })
    : parent ? t('digest-chart-units-peers', { span, kind: t(`kind-${d.unit.kind}`), parent: parent.name }) : t('digest-chart-units-alone', { span });
  return {
    title: t('digest-chart-title', { span, ...shortRange(d.periods.period) }),
    subtitle: reference === null
      ? t('digest-chart-subtitle', { unit: d.unit.name })
      : t('digest-chart-subtitle-reference', { unit: d.unit.name, reference: formatPercent(reference) }),
    units: d.chartUnits.map((u) => ({ label: u.unit.name, onTimeRate: u.onTimeRate, ...(u.highlight ? { highlight: true } : {}) })),
    unitsTitle,
    trend: d.trend.map((w) => ({ label: dayMonth(w.week.from), onTimeRate: w.onTimeRate, onlineRate: w.onlineRate })),
    trendTitle: t('digest-chart-trend', { weeks: String(d.trend.length), unit: d.unit.name }),
    seriesLabels: { onTime: t('digest-chart-series-ontime'), online: t('digest-chart-series-online') },
    ...(reference === null ? {} : { target: reference }),
    formatPercent: (p: number) => formatPercent(p),
  };
}
