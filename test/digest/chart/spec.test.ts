import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { chartSpec, NO_VALUE } from '../../../src/digest/chart/spec.ts';
import { trendRows, unitRows } from '../../../src/digest/chart/spec.ts';
import type { UnitRow } from '../../../src/digest/chart/spec.ts';
import { COLORS, MAX_LABEL_CHARS } from '../../../src/digest/chart/theme.ts';
import { formatPercent, makeInput, makeTrend } from './fixtures.ts';

/** Data rows of panel `index` in the spec. */
function panelValues(spec: ReturnType<typeof chartSpec>, index: number): unknown[] {
  const panels = (spec as { vconcat?: { data?: { values?: unknown[] } }[] }).vconcat ?? [];
  return panels[index]?.data?.values ?? [];
}

const input = {
  ...makeInput(0, 3),
  units: [
    { label: 'Xã Vạn Tường', onTimeRate: 82.84 },
    { label: 'Sở Tư pháp', onTimeRate: null },
    { label: 'Xã Bình Sơn', onTimeRate: 97.5, highlight: true },
    { label: 'Xã Đông Sơn', onTimeRate: 90 },
    { label: 'Phòng Kinh tế xã Bình Sơn', onTimeRate: 0 },
  ],
};

describe('chartSpec', () => {
  const rows = panelValues(chartSpec(input), 0) as UnitRow[];

  it('sorts units best to worst, units without a rate last', () => {
    expect(rows.map((r) => r.label)).toEqual([
      'Xã Bình Sơn', 'Xã Đông Sơn', 'Xã Vạn Tường', 'Phòng Kinh tế xã Bình Sơn', 'Sở Tư pháp',
    ]);
    expect(rows.map((r) => r.rank)).toEqual([0, 1, 2, 3, 4]);
  });

  it('colours bars below the target with the warning colour', () => {
    const fill = Object.fromEntries(rows.map((r) => [r.label, r.fill]));
    expect(fill['Xã Bình Sơn']).toBe(COLORS.bar);
    expect(fill['Xã Đông Sơn']).toBe(COLORS.bar); // exactly on target is not below it
    expect(fill['Xã Vạn Tường']).toBe(COLORS.barBelowTarget);
    expect(fill['Phòng Kinh tế xã Bình Sơn']).toBe(COLORS.barBelowTarget);
    expect(COLORS.barBelowTarget).not.toBe(COLORS.bar);
  });

  it('uses one colour without a target', () => {
    const noTarget = unitRows({ ...input, target: undefined });
    expect(new Set(noTarget.map((r) => r.fill))).toEqual(new Set([COLORS.bar]));
  });

  it('marks only the highlighted unit', () => {
    expect(rows.filter((r) => r.highlight).map((r) => r.label)).toEqual(['Xã Bình Sơn']);
  });

  it('formats values with the caller formatter and shows "–" without a bar for null', () => {
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r]));
    expect(byLabel['Xã Vạn Tường']?.valueText).toBe('82,84%');
    expect(byLabel['Phòng Kinh tế xã Bình Sơn']?.valueText).toBe('0%');
    expect(byLabel['Sở Tư pháp']).toMatchObject({ valueText: NO_VALUE, rate: null, valueX: 0 });
    expect(NO_VALUE).toBe('–');
  });

  it('shortens long unit names with an ellipsis', () => {
    const long = 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ngãi – chi nhánh Bình Sơn';
    const [row] = unitRows({ ...input, units: [{ label: long, onTimeRate: 50 }] });
    expect(row?.label.endsWith('…')).toBe(true);
    expect([...(row?.label ?? '')].length).toBeLessThanOrEqual(MAX_LABEL_CHARS);
    expect(long.startsWith(row?.label.slice(0, -1) ?? 'x')).toBe(true);
    const exact = 'x'.repeat(MAX_LABEL_CHARS);
    expect(unitRows({ ...input, units: [{ label: exact, onTimeRate: 1 }] })[0]?.label).toBe(exact);
  });

  it('clamps bar lengths to 0–100 but prints the given value', () => {
    const [row] = unitRows({ ...input, units: [{ label: 'A', onTimeRate: 104 }] });
    expect(row).toMatchObject({ rate: 100, valueText: formatPercent(104) });
  });

  it('keeps at most the last 12 weeks, two series each, in order', () => {
    const rowsOf20 = trendRows({ ...input, trend: makeTrend(20) });
    expect(rowsOf20).toHaveLength(24);
    expect(rowsOf20.at(-1)).toMatchObject({ week: '16/11', series: 'Trực tuyến' });
    expect(rowsOf20[0]?.series).toBe('Đúng hạn');
  });

  it('leaves out empty panels', () => {
    const panels = (spec: ReturnType<typeof chartSpec>) => (spec as { vconcat: unknown[] }).vconcat.length;
    expect(panels(chartSpec(input))).toBe(2);
    expect(panels(chartSpec({ ...input, trend: [] }))).toBe(1);
    expect(panels(chartSpec({ ...input, units: [] }))).toBe(1);
    expect(panelValues(chartSpec({ ...input, units: [] }), 0)).toHaveLength(6);
  });

  it('compiles without vega-lite warnings for typical and edge inputs', () => {
    const cases = [
      makeInput(20, 12), makeInput(1, 1), makeInput(40, 0), makeInput(0, 0),
      { ...makeInput(3, 3), units: makeInput(3).units.map((u) => ({ ...u, onTimeRate: null })) },
    ];
    for (const c of cases) {
      const messages: unknown[] = [];
      const logger = {
        level: () => logger,
        error: (...m: unknown[]) => (messages.push(m), logger),
        warn: (...m: unknown[]) => (messages.push(m), logger),
        info: () => logger,
        debug: () => logger,
      };
      compile(chartSpec(c), { logger: logger as never });
      expect(messages).toEqual([]);
    }
  });
});
