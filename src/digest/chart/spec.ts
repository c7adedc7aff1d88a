// Builds the vega-lite spec of the digest chart (pure; no rendering here).
import type { TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec } from 'vega-lite/types_unstable/spec/layer.js';
import type { TitleParams } from 'vega-lite/types_unstable/title.js';
import type { DigestChartInput } from './types.ts';
import {
  AXIS_LABEL_SIZE, BAR_OFFSET, BAR_THICKNESS, CHART_WIDTH, COLORS, FONT_FAMILY, LABEL_SIZE,
  MAX_LABEL_CHARS, MAX_WEEKS, PADDING, PANEL_SPACING, PANEL_TITLE_SIZE, ROW_HEIGHT, SUBTITLE_SIZE,
  TITLE_SIZE, TREND_AXIS_ROOM, TREND_HEIGHT, VALUE_SIZE,
} from './theme.ts';
import { estimatedWidth, truncateLabel, wrapText } from './text.ts';

/** Shown instead of a value for units without a rate. */
export const NO_VALUE = '–';

/** A unit row as it appears in the spec's data. */
export interface UnitRow {
  /** Position from the top, 0 = best. */
  rank: number;
  label: string;
  /** Rate clamped to 0–100, null when unknown. */
  rate: number | null;
  /** x position of the value label: the bar end, or 0 without a bar. */
  valueX: number;
  valueText: string;
  fill: string;
  belowTarget: boolean;
  highlight: boolean;
}

/** A point of the trend panel. */
export interface TrendRow {
  week: string;
  series: string;
  rate: number | null;
}

type Panel = LayerSpec<Field>;
type Layer = Panel['layer'][number];

function finite(p: number | null | undefined): number | null {
  return typeof p === 'number' && Number.isFinite(p) ? p : null;
}

const clamp = (p: number): number => Math.min(100, Math.max(0, p));

function clampOrNull(p: number | null | undefined): number | null {
  const v = finite(p);
  return v === null ? null : clamp(v);
}

/** Unit rows sorted best to worst; units without a rate go last, ties keep input order. */
export function unitRows(input: DigestChartInput): UnitRow[] {
  const target = finite(input.target);
  const units = input.units.map((u, i) => ({ u, i, rate: finite(u.onTimeRate) }));
  units.sort((a, b) => {
    if (a.rate === null || b.rate === null) {
      return a.rate === b.rate ? a.i - b.i : a.rate === null ? 1 : -1;
    }
    return b.rate - a.rate || a.i - b.i;
  });
  return units.map(({ u, rate }, rank) => {
    const belowTarget = rate !== null && target !== null && rate < target;
    return {
      rank,
      label: truncateLabel(u.label, MAX_LABEL_CHARS),
      rate: rate === null ? null : clamp(rate),
      valueX: rate === null ? 0 : clamp(rate),
      valueText: rate === null ? NO_VALUE : input.formatPercent(rate).normalize('NFC'),
      fill: belowTarget ? COLORS.barBelowTarget : COLORS.bar,
      belowTarget,
      highlight: u.highlight === true,
    };
  });
}

/** Trend points of the last MAX_WEEKS weeks, two series per week. */
export function trendRows(input: DigestChartInput): TrendRow[] {
  const { onTime, online } = input.seriesLabels;
  return input.trend.slice(-MAX_WEEKS).flatMap((w) => [
    { week: w.label.normalize('NFC'), series: onTime.normalize('NFC'), rate: clampOrNull(w.onTimeRate) },
    { week: w.label.normalize('NFC'), series: online.normalize('NFC'), rate: clampOrNull(w.onlineRate) },
  ]);
}

function panelTitle(text: string): TitleParams<never> {
  return { text: wrapText(text, PANEL_TITLE_SIZE, CHART_WIDTH), anchor: 'start', frame: 'group', fontSize: PANEL_TITLE_SIZE, offset: 12 };
}

const targetRule = { type: 'rule' as const, color: COLORS.target, strokeDash: [5, 4], strokeWidth: 1.5 };

/** Panel 1: a row per unit, its name above a bar on a light 0–100 track, the value at the bar end. */
function unitsPanel(input: DigestChartInput, rows: UnitRow[]): Panel {
  const target = clampOrNull(input.target);
  // Extend the x domain past 100 so the value label after a full bar stays inside the width.
  const room = Math.max(...rows.map((r) => estimatedWidth(r.valueText, VALUE_SIZE))) + 12;
  const xMax = (100 * CHART_WIDTH) / (CHART_WIDTH - room);
  const xScale = { domain: [0, xMax], nice: false, zero: true };
  const at = (datum: number) => ({ datum, type: 'quantitative', scale: xScale, axis: null }) as const;
  const y = {
    field: 'rank',
    type: 'ordinal',
    scale: { domain: rows.map((r) => r.rank), paddingInner: 0, paddingOuter: 0 },
    axis: null,
  } as const;
  const value = { y, x: { field: 'valueX', type: 'quantitative', scale: xScale, axis: null }, text: { field: 'valueText' } } as const;
  const valueMark = { type: 'text', align: 'left', baseline: 'middle', dx: 6, yOffset: BAR_OFFSET, fontSize: VALUE_SIZE } as const;

  const layers: Layer[] = [
    {
      transform: [{ filter: 'datum.highlight' }],
      mark: { type: 'rect', color: COLORS.highlightRow },
      encoding: { y, x: at(0), x2: { datum: xMax } },
    },
    {
      mark: { type: 'bar', color: COLORS.track, size: BAR_THICKNESS, yOffset: BAR_OFFSET },
      encoding: { y, x: at(100), x2: { datum: 0 } },
    },
    {
      transform: [{ filter: 'datum.rate != null' }],
      mark: { type: 'bar', size: BAR_THICKNESS, yOffset: BAR_OFFSET },
      encoding: {
        y,
        x: { field: 'rate', type: 'quantitative', scale: xScale, axis: null },
        x2: { datum: 0 },
        color: { field: 'fill', type: 'nominal', scale: null },
      },
    },
  ];
  if (target !== null) {
    layers.push(
      { data: { values: [{}] }, mark: targetRule, encoding: { x: at(target) } },
      {
        data: { values: [{}] },
        mark: { type: 'text', color: COLORS.target, fontSize: AXIS_LABEL_SIZE, align: 'center', baseline: 'top', dy: 4 },
        encoding: { x: at(target), y: { value: rows.length * ROW_HEIGHT }, text: { value: input.formatPercent(target).normalize('NFC') } },
      },
    );
  }
  for (const highlight of [false, true]) {
    layers.push({
      transform: [{ filter: highlight ? 'datum.highlight' : '!datum.highlight' }],
      mark: {
        type: 'text', align: 'left', baseline: 'top', dy: 3, fontSize: LABEL_SIZE,
        color: COLORS.text, fontWeight: highlight ? 'bold' : 'normal',
      },
      encoding: { y: { ...y, bandPosition: 0 }, x: at(0), text: { field: 'label' } },
    });
  }
  layers.push(
    // A background-coloured outline keeps value labels legible where they cross the target line.
    { mark: { ...valueMark, stroke: COLORS.background, strokeWidth: 4, strokeJoin: 'round', color: COLORS.background }, encoding: value },
    { mark: { ...valueMark, color: COLORS.text }, encoding: value },
  );
  return {
    title: panelTitle(input.unitsTitle),
    width: CHART_WIDTH,
    height: rows.length * ROW_HEIGHT,
    data: { values: rows },
    layer: layers,
  };
}

/** Panel 2: the area's weekly on-time and online rates as two lines, y axis 0–100 on the right. */
function trendPanel(input: DigestChartInput, rows: TrendRow[]): Panel {
  const target = clampOrNull(input.target);
  const weeks = [...new Set(rows.map((r) => r.week))];
  const series = [input.seriesLabels.onTime.normalize('NFC'), input.seriesLabels.online.normalize('NFC')];
  const yScale = { domain: [0, 100], nice: false, zero: true };
  const layers: Layer[] = [
    {
      mark: { type: 'line', strokeWidth: 3, point: { size: 64, filled: true } },
      encoding: {
        x: {
          field: 'week', type: 'ordinal', sort: weeks, scale: { domain: weeks, paddingOuter: 0.3 },
          axis: { title: null, labelAngle: 0, labelColor: COLORS.muted, tickColor: COLORS.grid, domainColor: COLORS.grid },
        },
        y: {
          field: 'rate', type: 'quantitative', scale: yScale,
          axis: {
            title: null, orient: 'right', values: [0, 20, 40, 60, 80, 100], labelExpr: "datum.value + '%'",
            labelColor: COLORS.muted, grid: true, gridColor: COLORS.grid, domain: false, ticks: false,
          },
        },
        color: {
          field: 'series', type: 'nominal',
          scale: { domain: series, range: [COLORS.onTime, COLORS.online] },
          legend: {
            title: null, orient: 'top', direction: 'horizontal', labelFontSize: LABEL_SIZE, labelColor: COLORS.text,
            symbolType: 'stroke', symbolStrokeWidth: 3, symbolSize: 300, columnPadding: 24,
          },
        },
      },
    },
  ];
  if (target !== null) {
    layers.unshift({
      data: { values: [{}] },
      mark: targetRule,
      encoding: { y: { datum: target, type: 'quantitative', scale: yScale } },
    });
  }
  return {
    title: panelTitle(input.trendTitle),
    width: CHART_WIDTH - TREND_AXIS_ROOM,
    height: TREND_HEIGHT,
    data: { values: rows },
    layer: layers,
  };
}

/** The vega-lite spec: title, then the unit bars, then the weekly trend (empty panels are left out). */
export function chartSpec(input: DigestChartInput): TopLevelSpec {
  const units = unitRows(input);
  const trend = trendRows(input);
  const panels: Panel[] = [];
  if (units.length > 0) panels.push(unitsPanel(input, units));
  if (trend.length > 0) panels.push(trendPanel(input, trend));
  // vega-lite needs at least one mark: an empty, invisible one keeps the title alone.
  if (panels.length === 0) panels.push({ width: CHART_WIDTH, height: 1, data: { values: [] }, layer: [{ mark: 'point' }] });
  const subtitle = input.subtitle?.trim() ? wrapText(input.subtitle, SUBTITLE_SIZE, CHART_WIDTH) : undefined;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    background: COLORS.background,
    padding: PADDING,
    title: {
      text: wrapText(input.title, TITLE_SIZE, CHART_WIDTH),
      ...(subtitle ? { subtitle } : {}),
      anchor: 'start',
      fontSize: TITLE_SIZE,
      subtitleFontSize: SUBTITLE_SIZE,
      subtitleColor: COLORS.muted,
      subtitlePadding: 6,
      offset: 18,
    },
    vconcat: panels,
    spacing: PANEL_SPACING,
    // Keep the trend legend inside the trend panel instead of above the whole chart.
    resolve: { legend: { color: 'independent' }, scale: { color: 'independent' } },
    config: {
      // The PNG is what users see; SVG accessibility metadata would only add bytes.
      aria: false,
      font: FONT_FAMILY,
      view: { stroke: null },
      title: { color: COLORS.text, fontWeight: 'bold' },
      axis: { labelFontSize: AXIS_LABEL_SIZE },
    },
  };
}
