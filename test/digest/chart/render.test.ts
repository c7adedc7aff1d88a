import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { svgToPng } from '../../../src/digest/chart/png.ts';
import { renderDigestChart, renderDigestSvg } from '../../../src/digest/chart/render.ts';
import type { DigestChartInput } from '../../../src/digest/chart/types.ts';
import { MAX_SIDES_SUM } from '../../../src/digest/chart/png.ts';
import { COLORS } from '../../../src/digest/chart/theme.ts';
import { formatPercent, makeInput, makeTrend, makeUnits } from './fixtures.ts';
import { countColor, PNG_SIGNATURE, pngSize, svgTexts } from './pixels.ts';

const EXAMPLE_PATH = '/tmp/digest-chart-example.png';

function expectTelegramPhoto(chart: { png: Buffer; width: number; height: number }) {
  expect(chart.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(pngSize(chart.png)).toEqual({ width: chart.width, height: chart.height });
  expect(chart.width + chart.height).toBeLessThanOrEqual(MAX_SIDES_SUM);
  expect(chart.png.length).toBeLessThan(10 * 1024 * 1024);
}

describe('renderDigestChart', () => {
  it('renders a realistic week (20 units, 12 weeks) as a phone-sized PNG', async () => {
    const chart = await renderDigestChart(makeInput(20, 12));
    writeFileSync(EXAMPLE_PATH, chart.png);
    expectTelegramPhoto(chart);
    // 800–1000 CSS px wide at scale 2, taller than wide for 20 rows.
    expect(chart.width).toBeGreaterThanOrEqual(1600);
    expect(chart.width).toBeLessThanOrEqual(2000);
    expect(chart.height).toBeGreaterThan(chart.width);
    expect(chart.png.length).toBeGreaterThan(20_000);
    expect(chart.png.length).toBeLessThan(400_000);
  });

  it('produces the same image as svgToPng (whose pixels the font tests inspect)', async () => {
    const input = makeInput(20, 12);
    const chart = await renderDigestChart(input);
    expect(chart.png.equals(svgToPng(await renderDigestSvg(input)).png)).toBe(true);
  });

  it('draws only words and numbers supplied by the caller', async () => {
    const input = makeInput(20, 12);
    const svg = await renderDigestSvg(input);
    const callerText = [
      input.title, input.subtitle ?? '', input.unitsTitle, input.trendTitle,
      input.seriesLabels.onTime, input.seriesLabels.online,
      ...input.units.map((u) => u.label), ...input.trend.map((w) => w.label),
    ];
    const numbers = new Set([
      ...input.units.flatMap((u) => (u.onTimeRate === null ? [] : [formatPercent(u.onTimeRate)])),
      formatPercent(input.target ?? 0), '–',
    ]);
    const texts = svgTexts(svg);
    expect(texts.length).toBeGreaterThan(40);
    for (const text of texts) {
      const fromCaller =
        callerText.some((s) => s.includes(text) || (text.endsWith('…') && s.startsWith(text.slice(0, -1)))) ||
        numbers.has(text) ||
        /^\d+%$/.test(text); // y-axis ticks 0%–100%
      expect(fromCaller, `unexpected text ${JSON.stringify(text)}`).toBe(true);
    }
  });

  it('shows warning-coloured bars and the highlighted row in the image', async () => {
    const input = makeInput(10, 0);
    const img = svgToPng(await renderDigestSvg(input));
    expect(countColor(img, COLORS.barBelowTarget)).toBeGreaterThan(1000);
    expect(countColor(img, COLORS.highlightRow)).toBeGreaterThan(1000);

    const allGood: DigestChartInput = {
      ...input,
      units: input.units.map((u) => ({ ...u, onTimeRate: 95, highlight: false })),
    };
    const plain = svgToPng(await renderDigestSvg(allGood));
    expect(countColor(plain, COLORS.barBelowTarget)).toBe(0);
    expect(countColor(plain, COLORS.highlightRow)).toBe(0);
    expect(countColor(plain, COLORS.bar)).toBeGreaterThan(1000);
  });

  it('handles a single unit', async () => {
    const chart = await renderDigestChart(makeInput(1, 12));
    expectTelegramPhoto(chart);
    expect(chart.height).toBeLessThan(chart.width);
  });

  it('grows in height with 40 units', async () => {
    const twenty = await renderDigestChart(makeInput(20, 12));
    const forty = await renderDigestChart(makeInput(40, 12));
    expectTelegramPhoto(forty);
    expect(forty.width).toBe(twenty.width);
    expect(forty.height).toBeGreaterThan(twenty.height * 1.4);
  });

  it('stays within Telegram limits for very many units by lowering the scale', async () => {
    const chart = await renderDigestChart(makeInput(200, 12));
    expectTelegramPhoto(chart);
    expect(chart.width).toBeLessThan(1600);
  });

  it('leaves out the trend panel when there is no trend', async () => {
    const input = makeInput(5, 0);
    const svg = await renderDigestSvg(input);
    expect(svgTexts(svg)).not.toContain(input.trendTitle);
    expectTelegramPhoto(await renderDigestChart(input));
  });

  it('handles all rates missing', async () => {
    const input: DigestChartInput = {
      ...makeInput(6, 4),
      units: makeUnits(6).map((u) => ({ ...u, onTimeRate: null })),
      trend: makeTrend(4).map((w) => ({ ...w, onTimeRate: null, onlineRate: null })),
    };
    const svg = await renderDigestSvg(input);
    // Each value label is drawn twice: a background-coloured outline, then the text.
    expect(svgTexts(svg).filter((t) => t === '–')).toHaveLength(2 * 6);
    const img = svgToPng(svg);
    // No bars; the only pixels of the bar colour are the legend's line symbol.
    expect(countColor(img, COLORS.bar)).toBeLessThan(1000);
    expect(countColor(img, COLORS.barBelowTarget)).toBe(0);
  });

  it('handles rates of 0 and 100, no target, no subtitle', async () => {
    const input: DigestChartInput = {
      ...makeInput(0, 2),
      subtitle: undefined,
      target: undefined,
      units: [
        { label: 'Xã Bình Sơn', onTimeRate: 0 },
        { label: 'Sở Tư pháp', onTimeRate: 100, highlight: true },
      ],
    };
    const svg = await renderDigestSvg(input);
    const texts = svgTexts(svg);
    expect(texts).toEqual(expect.arrayContaining(['0%', '100%']));
    expect(texts).not.toContain(formatPercent(90));
    expectTelegramPhoto(await renderDigestChart(input));
  });

  it('renders a title alone when there is no data at all', async () => {
    const chart = await renderDigestChart(makeInput(0, 0));
    expectTelegramPhoto(chart);
    expect(chart.height).toBeLessThan(400);
  });

  it('escapes markup characters in labels', async () => {
    const input = { ...makeInput(0, 0), units: [{ label: 'Phòng A & B <C>', onTimeRate: 50 }] };
    expect(svgTexts(await renderDigestSvg(input))).toContain('Phòng A & B <C>');
    expectTelegramPhoto(await renderDigestChart(input));
  });
});
