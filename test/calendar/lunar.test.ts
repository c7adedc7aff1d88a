import { describe, expect, it } from 'vitest';
import { lunarHolidays } from '../../src/calendar/lunar.ts';

// Tết (mùng 1 tháng Giêng) on the Vietnamese calendar. Giỗ Tổ 2021–2027 are confirmed by the
// government notices; 2020 and 2028–2035 come from an independent computation of the Vietnamese
// calendar (Hồ Ngọc Đức's method, UTC+7).
const YEARS: Array<[number, string, string]> = [
  [2020, '2020-01-25', '2020-04-02'],
  [2021, '2021-02-12', '2021-04-21'],
  [2022, '2022-02-01', '2022-04-10'],
  [2023, '2023-01-22', '2023-04-29'],
  [2024, '2024-02-10', '2024-04-18'],
  [2025, '2025-01-29', '2025-04-07'],
  [2026, '2026-02-17', '2026-04-26'],
  [2027, '2027-02-06', '2027-04-16'],
  [2028, '2028-01-26', '2028-04-04'],
  [2029, '2029-02-13', '2029-04-23'],
  [2030, '2030-02-02', '2030-04-12'],
  [2031, '2031-01-23', '2031-04-01'],
  [2032, '2032-02-11', '2032-04-19'],
  [2033, '2033-01-31', '2033-04-09'],
  [2034, '2034-02-19', '2034-04-28'],
  [2035, '2035-02-08', '2035-04-17'],
];

describe('lunar holidays on the Vietnamese calendar', () => {
  it.each(YEARS)('%i: Tết %s, Giỗ Tổ Hùng Vương %s', (year, tet, hungKings) => {
    expect(lunarHolidays(year)).toEqual({ tet, hungKings });
  });

  // Years where the Chinese calendar (new moons at UTC+8) puts Tết on another day.
  it.each([
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
  ])('%i: Vietnamese Tết is %s, not the Chinese %s', (year, vietnamese, chinese) => {
    expect(lunarHolidays(year).tet).toBe(vietnamese);
    expect(lunarHolidays(year).tet).not.toBe(chinese);
  });

  it('refuses years outside the verified range', () => {
    expect(() => lunarHolidays(2050)).toThrow(RangeError);
    expect(() => lunarHolidays(1967)).toThrow(/1967/);
  });
});
