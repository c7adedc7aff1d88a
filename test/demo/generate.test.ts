import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/calendar/calendar.ts';
import { DEMO_CALIBRATION, generateDemo } from '../../src/demo/generate.ts';
import { RECEIVING_CHANNEL } from '../../src/dossiers/status.ts';

const now = new Date('2026-11-27T02:00:00Z'); // 09:00 in Vietnam
const calendar = new WorkCalendar();
const data = generateDemo({ seed: 1, now, calendar });
const share = (n: number, d: number) => (100 * n) / d;

describe('demo data', () => {
  it('is the same for the same seed and differs for another', () => {
    const again = generateDemo({ seed: 1, now, calendar });
    expect(again.dossiers).toEqual(data.dossiers);
    const other = generateDemo({ seed: 2, now, calendar });
    expect(other.dossiers.map((d) => d.code)).not.toEqual(data.dossiers.map((d) => d.code));
  });

  it('has about 34,000 dossiers a year, all received on working days before now', () => {
    expect(data.dossiers.length).toBe(DEMO_CALIBRATION.perYear);
    for (const d of data.dossiers) {
      expect(d.receivedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(d.dueAt.getTime()).toBeGreaterThanOrEqual(d.receivedAt.getTime());
    }
    const days = new Set(data.dossiers.map((d) => new Date(d.receivedAt.getTime() + 7 * 3600_000).toISOString().slice(0, 10)));
    for (const day of days) expect(calendar.isWorkingDay(day), day).toBe(true);
  });

  it("matches the seed district's shares within ±1 point: 75.4% online, 86.3% digitised, 99.9% satisfied", () => {
    const n = data.dossiers.length;
    expect(Math.abs(share(data.dossiers.filter((d) => d.channel === RECEIVING_CHANNEL.online).length, n) - 75.4)).toBeLessThanOrEqual(1);
    expect(Math.abs(share(data.dossiers.filter((d) => d.digitized).length, n) - 86.3)).toBeLessThanOrEqual(1);
    const rated = data.dossiers.filter((d) => d.satisfaction !== null);
    expect(rated.length).toBeGreaterThan(1000);
    expect(Math.abs(share(rated.filter((d) => d.satisfaction! >= 2).length, rated.length) - 99.9)).toBeLessThanOrEqual(1);
  });

  it('finishes a realistic few per cent late, and leaves some open', () => {
    const finished = data.dossiers.filter((d) => d.finishedAt);
    const late = finished.filter((d) => d.finishedAt!.getTime() > d.dueAt.getTime() && d.supplements.length === 0);
    const lateShare = share(late.length, finished.length);
    expect(lateShare).toBeGreaterThan(1.5);
    expect(lateShare).toBeLessThan(10);
    expect(data.dossiers.length - finished.length).toBeGreaterThan(100);
  });

  it('uses unique codes of the local form <agency e-ID>-<yyMMdd>-<sequence>', () => {
    const codes = data.dossiers.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes.slice(0, 500)) expect(c).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H55-\d{6}-\d{4}$/);
  });

  it('follows the two-level structure: province root, departments, communes with their offices; no district', () => {
    const byCode = new Map(data.units.map((u) => [u.code, u]));
    expect(data.units.filter((u) => u.parent === null)).toEqual([expect.objectContaining({ kind: 'province', name: 'Tỉnh Quảng Ngãi' })]);
    expect(data.units.some((u) => u.kind === 'district')).toBe(false);
    expect(byCode.get('XBS')).toMatchObject({ kind: 'commune', name: 'Xã Bình Sơn' });
    for (const u of data.units) if (u.parent) expect(byCode.has(u.parent), u.code).toBe(true);
    for (const o of data.officials) {
      expect(byCode.has(o.unit), o.code).toBe(true);
      for (const s of o.supervises) expect(byCode.has(s), `${o.code} supervises ${s}`).toBe(true);
    }
    const communes = data.units.filter((u) => u.kind === 'commune');
    for (const c of communes) expect(data.officials.filter((o) => o.unit === c.code && o.role === 'commune_chair')).toHaveLength(1);
    const handled = new Set(data.dossiers.map((d) => d.unitCode));
    for (const code of handled) expect(['office', 'department']).toContain(byCode.get(code)!.kind);
  });
});
