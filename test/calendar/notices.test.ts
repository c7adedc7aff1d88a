import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/calendar/calendar.ts';
import { addDays, weekday } from '../../src/calendar/time.ts';

// docs/rules.md#government-notices: every weekday off and every Saturday worked in the notice years, with the notice
// each comes from.
const NOTICE_YEARS: Record<number, Array<[date: string, working: boolean, source: string]>> = {
  2024: [
    ['2024-01-01', false, '5015/TB-LĐTBXH'],
    ['2024-02-08', false, '5015/TB-LĐTBXH'],
    ['2024-02-09', false, '5015/TB-LĐTBXH'],
    ['2024-02-12', false, '5015/TB-LĐTBXH'],
    ['2024-02-13', false, '5015/TB-LĐTBXH'],
    ['2024-02-14', false, '5015/TB-LĐTBXH'],
    ['2024-04-18', false, '5015/TB-LĐTBXH'],
    ['2024-04-29', false, '1570/TB-LĐTBXH'],
    ['2024-04-30', false, '5015/TB-LĐTBXH'],
    ['2024-05-01', false, '5015/TB-LĐTBXH'],
    ['2024-05-04', true, '1570/TB-LĐTBXH'],
    ['2024-09-02', false, '5015/TB-LĐTBXH'],
    ['2024-09-03', false, '5015/TB-LĐTBXH'],
  ],
  2025: [
    ['2025-01-01', false, '6150/TB-BLĐTBXH'],
    ['2025-01-27', false, '6150/TB-BLĐTBXH'],
    ['2025-01-28', false, '6150/TB-BLĐTBXH'],
    ['2025-01-29', false, '6150/TB-BLĐTBXH'],
    ['2025-01-30', false, '6150/TB-BLĐTBXH'],
    ['2025-01-31', false, '6150/TB-BLĐTBXH'],
    ['2025-04-07', false, '6150/TB-BLĐTBXH'],
    ['2025-04-26', true, '6150/TB-BLĐTBXH'],
    ['2025-04-30', false, '6150/TB-BLĐTBXH'],
    ['2025-05-01', false, '6150/TB-BLĐTBXH'],
    ['2025-05-02', false, '6150/TB-BLĐTBXH'],
    ['2025-09-01', false, '6150/TB-BLĐTBXH'],
    ['2025-09-02', false, '6150/TB-BLĐTBXH'],
  ],
  2026: [
    ['2026-01-01', false, '12729/VPCP-KGVX'],
    ['2026-01-02', false, '12729/VPCP-KGVX'],
    ['2026-01-10', true, '12729/VPCP-KGVX'],
    ['2026-02-16', false, '9441/TB-BNV'],
    ['2026-02-17', false, '9441/TB-BNV'],
    ['2026-02-18', false, '9441/TB-BNV'],
    ['2026-02-19', false, '9441/TB-BNV'],
    ['2026-02-20', false, '9441/TB-BNV'],
    ['2026-04-27', false, '3383/BNV-CVL'],
    ['2026-04-30', false, '3383/BNV-CVL'],
    ['2026-05-01', false, '3383/BNV-CVL'],
    ['2026-08-22', true, '9441/TB-BNV'],
    ['2026-08-31', false, '9441/TB-BNV'],
    ['2026-09-01', false, '9441/TB-BNV'],
    ['2026-09-02', false, '9441/TB-BNV'],
    ['2026-11-24', false, 'NQ 28/2026/QH16'],
  ],
};

const cal = new WorkCalendar();

describe.each(Object.entries(NOTICE_YEARS))('notice year %s', (yearText, expected) => {
  const year = Number(yearText);

  it('lists exactly the notice days, each with its source and a Vietnamese name', () => {
    const listed = cal.daysOff(year);
    expect(listed.map((d) => [d.date, d.working, d.source])).toEqual(expected);
    for (const day of listed) expect(day.name).toMatch(/\p{L}/u);
    expect(cal.yearHasNotice(year)).toBe(true);
  });

  it('works every other weekday, rests every other weekend day', () => {
    const listed = new Map(expected.map(([date, working]) => [date, working]));
    for (let date = `${year}-01-01`; date.startsWith(yearText); date = addDays(date, 1)) {
      const dow = weekday(date);
      const ordinary = dow !== 0 && dow !== 6;
      expect(cal.isWorkingDay(date), date).toBe(listed.get(date) ?? ordinary);
    }
  });
});

describe('notice-year details', () => {
  it('names the holidays', () => {
    expect(cal.dayInfo('2026-02-17')).toEqual({
      date: '2026-02-17',
      working: false,
      kind: 'holiday',
      name: 'Tết Nguyên Đán',
      source: '9441/TB-BNV',
    });
    expect(cal.dayInfo('2026-11-24').name).toBe('Ngày Văn hóa Việt Nam');
    expect(cal.dayInfo('2025-04-07').name).toBe('Giỗ Tổ Hùng Vương');
    expect(cal.dayInfo('2024-09-02').name).toBe('Quốc khánh');
  });

  it('marks Saturdays worked as make-up working days', () => {
    expect(cal.dayInfo('2026-01-10')).toMatchObject({ working: true, kind: 'makeup', source: '12729/VPCP-KGVX' });
  });

  it('replaces the rule-computed days: Giỗ Tổ on Sunday 26/4/2026 is made up on the 27th only', () => {
    expect(cal.dayInfo('2026-04-26')).toMatchObject({ working: false, kind: 'weekend' });
    expect(cal.isWorkingDay('2026-04-28')).toBe(true);
  });
});
