// The digest's chart input: which units, which one is highlighted, the trend points and the
// labels. (The chart module's own tests cover the drawing.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDigest } from '../../src/digest/compose.ts';
import { ChartRenderer, chartKey } from '../../src/digest/images.ts';
import { lastWeek } from '../../src/rates/period.ts';
import { loadUnitTree, type UnitTree } from '../../src/org/tree.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { buildArea, MONDAY } from './fixture.ts';
import { builderAt } from './support.ts';

let database: TestDatabase;
let tree: UnitTree;

beforeAll(async () => {
  database = await testDatabase();
  await buildArea(database);
  tree = await loadUnitTree(database.db);
});
afterAll(async () => database.drop());

const chartOf = async (kind: 'area' | 'unit', code: string) =>
  (await composeDigest(await builderAt(database, MONDAY), kind, tree.byCode.get(code)!, lastWeek(MONDAY))).chart;
const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

describe('the area chart', () => {
  it('shows every unit under the area that handled dossiers this year, none highlighted', async () => {
    const c = await chartOf('area', 'P');
    expect(c.units.map((u) => [u.label, round(u.onTimeRate), u.highlight ?? false])).toEqual([
      ['Sở Tư pháp', 100, false],
      ['Sở Xây dựng', 0, false],
      ['Xã Ân Phú', 75, false],
      ['Xã Bình Minh', 100, false],
      ['Xã Cẩm Thành', 75, false],
      ['Xã Đức Phổ', 33.33, false],
      ['Xã Hòa Vang', 83.33, false],
      ['Xã Kỳ Sơn', 0, false],
      ['Xã Lý Sơn', 100, false],
      ['Xã Minh Long', null, false], // handled dossiers in March only: "–"
    ]);
    // The reference line: all these units together (here, the whole area).
    expect(round(c.target ?? null)).toBe(70.83);
    expect(c.title).toBe('Bản tin tuần 16/11–22/11/2026');
    expect(c.subtitle).toBe('Tỉnh Thử · vạch đứt: tỷ lệ đúng hạn chung 70,83%');
    expect(c.unitsTitle).toBe('Tỷ lệ đúng hạn trong tuần, theo đơn vị');
    expect(c.trendTitle).toBe('Xu hướng 12 tuần gần nhất — Tỉnh Thử');
    expect(c.seriesLabels).toEqual({ onTime: 'Đúng hạn', online: 'Trực tuyến' });
    expect(c.formatPercent(82.8412)).toBe('82,84%');
  });

  it('draws the area’s 12-week trend, oldest first, ending with the digest’s week', async () => {
    const c = await chartOf('area', 'P');
    expect(c.trend.map((w) => w.label)).toEqual(['31/08', '07/09', '14/09', '21/09', '28/09', '05/10', '12/10', '19/10', '26/10', '02/11', '09/11', '16/11']);
    const points = c.trend.map((w) => [round(w.onTimeRate), round(w.onlineRate)]);
    expect(points.slice(-4)).toEqual([[null, null], [0, 0], [60, 75], [70.83, 68.18]]);
    expect(points.slice(0, 8).every(([a, b]) => a === null && b === null)).toBe(true);
  });
});

describe('the unit chart', () => {
  it('shows the unit among its peers, highlighted, with its own trend', async () => {
    const c = await chartOf('unit', 'O1');
    expect(c.units).toEqual([
      { label: 'Phòng Kinh tế xã Ân Phú', onTimeRate: 100, highlight: true },
      { label: 'Văn phòng xã Ân Phú', onTimeRate: 50 },
    ]);
    expect(c.target).toBe(75);
    expect(c.unitsTitle).toBe('Tỷ lệ đúng hạn trong tuần, khối phòng thuộc Xã Ân Phú');
    expect(c.trend.slice(-2).map((w) => [w.onTimeRate, w.onlineRate])).toEqual([[50, 100], [100, 50]]);
    expect(c.trendTitle).toBe('Xu hướng 12 tuần gần nhất — Phòng Kinh tế xã Ân Phú');
  });

  it('keeps the unit in its chart even in a week without dossiers', async () => {
    const c = await chartOf('unit', 'C8');
    expect(c.units.filter((u) => u.highlight)).toEqual([{ label: 'Xã Minh Long', onTimeRate: null, highlight: true }]);
    expect(c.units).toHaveLength(8);
  });

  it('has no peers and no reference line at the root', async () => {
    const c = await chartOf('unit', 'P');
    expect(c.units).toEqual([{ label: 'Tỉnh Thử', onTimeRate: 70.83333333333333, highlight: true }]);
    expect(c.target).toBeUndefined();
    expect(c.unitsTitle).toBe('Tỷ lệ đúng hạn trong tuần');
  });
});

describe('rendering', () => {
  it('renders a PNG once per distinct content', async () => {
    const renderer = new ChartRenderer();
    const area = await chartOf('area', 'P');
    const [a, b] = await Promise.all([renderer.chart(area), renderer.chart(await chartOf('area', 'P'))]);
    expect(renderer.renders).toBe(1);
    expect(a).toBe(b);
    expect(a.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(a.width).toBeGreaterThan(1000);
    expect(chartKey(area)).not.toBe(chartKey(await chartOf('unit', 'O1')));
  });
});
