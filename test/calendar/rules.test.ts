import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/calendar/calendar.ts';
import { ruleDays } from '../../src/calendar/holidays.ts';

const LAW = '45/2019/QH14 Điều 112';
const MAKE_UP = '45/2019/QH14 Điều 111(3)';
const mmdd = (year: number) => ruleDays(year).map((d) => d.date.slice(5));

describe('years without a notice: days off by rule', () => {
  const cal = new WorkCalendar();

  it('2027: Tết from the last day of the old year, weekend Tết days and 1/5 made up', () => {
    expect(cal.yearHasNotice(2027)).toBe(false);
    expect(cal.daysOff(2027).map((d) => [d.date.slice(5), d.name, d.source])).toEqual([
      ['01-01', 'Tết Dương lịch', LAW],
      ['02-05', 'Tết Nguyên Đán', LAW],
      ['02-08', 'Tết Nguyên Đán', LAW],
      ['02-09', 'Tết Nguyên Đán', LAW],
      ['02-10', 'Nghỉ bù Tết Nguyên Đán', MAKE_UP],
      ['02-11', 'Nghỉ bù Tết Nguyên Đán', MAKE_UP],
      ['04-16', 'Giỗ Tổ Hùng Vương', LAW],
      ['04-30', 'Ngày Chiến thắng', LAW],
      ['05-03', 'Nghỉ bù Ngày Quốc tế Lao động', MAKE_UP],
      ['09-02', 'Quốc khánh', LAW],
      ['09-03', 'Quốc khánh', LAW],
      ['11-24', 'Ngày Văn hóa Việt Nam', 'NQ 28/2026/QH16'],
    ]);
  });

  it('reproduces the 2022 notice (no swaps that year) exactly', () => {
    expect(mmdd(2022)).toEqual([
      '01-03', '01-31', '02-01', '02-02', '02-03', '02-04', '04-11', '05-02', '05-03', '09-01', '09-02',
    ]);
  });

  it('makes up 2023 as notice 5034 did: Giỗ Tổ Sat 29/4 and 30/4 Sun on 2–3/5, 2/9 Sat on 4/9', () => {
    expect(mmdd(2023)).toEqual(expect.arrayContaining(['05-01', '05-02', '05-03', '09-01', '09-04']));
  });

  // The default adjacent-day rule reproduces the Prime Minister's choice in the notices.
  it.each([
    [2021, ['09-02', '09-03']],
    [2022, ['09-01', '09-02']],
    [2023, ['09-01', '09-04']],
    [2024, ['09-02', '09-03']],
    [2025, ['09-01', '09-02']],
  ])('Quốc khánh %i: %j', (year, days) => {
    expect(mmdd(year).filter((d) => d.startsWith('09-'))).toEqual(days);
  });

  it('2029: 2/9 on Sunday and 1/9 on Saturday are both made up on 3 and 4/9', () => {
    expect(mmdd(2029).filter((d) => d.startsWith('09-'))).toEqual(['09-03', '09-04']);
  });

  it('Culture Day on a weekend is not made up (24/11/2029 is a Saturday)', () => {
    expect(cal.isWorkingDay('2029-11-26')).toBe(true);
    expect(cal.daysOff(2029).some((d) => d.date.startsWith('2029-11'))).toBe(false);
    expect(mmdd(2025)).not.toContain('11-24');
  });
});
