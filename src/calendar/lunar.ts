// Lunar holidays on the Vietnamese calendar (new moons reckoned at UTC+7), from date-holidays.
// Its 'vietnamese' calendar is right for every check year (Tết and Giỗ Tổ 2020–2035; Tết 1985,
// 2007 and 2030, where the Chinese UTC+8 calendar differs) and matched an independent computation
// (Hồ Ngọc Đức's method, timeZone = 7) for both holidays 1968–2049. Its conversion of months > 1 is
// a day early in some later years (10/3 lunar in 2050, 2083, 2105, …), so years stop at 2049.
import Holidays from 'date-holidays';
import type { LocalDate } from './time.ts';

export const LUNAR_YEARS = { first: 1968, last: 2049 } as const;

/** date-holidays rule syntax: calendar month-leap-day. */
const RULES = { tet: 'vietnamese 1-0-1', hungKings: 'vietnamese 3-0-10' } as const;

export type LunarHolidays = {
  /** Mùng 1 tháng Giêng. */
  tet: LocalDate;
  /** Giỗ Tổ Hùng Vương, 10/3 lunar. */
  hungKings: LocalDate;
};

let calendar: Holidays | undefined;
const cache = new Map<number, LunarHolidays>();

export function lunarHolidays(year: number): LunarHolidays {
  if (!Number.isInteger(year) || year < LUNAR_YEARS.first || year > LUNAR_YEARS.last) {
    throw new RangeError(`lunar holidays are known for ${LUNAR_YEARS.first}–${LUNAR_YEARS.last}, not ${year}`);
  }
  let found = cache.get(year);
  if (!found) {
    const holidays = loadCalendar().getHolidays(year);
    const dateOf = (rule: string): LocalDate => {
      const holiday = holidays.find((h) => h.rule === rule);
      if (!holiday) throw new Error(`date-holidays returned no '${rule}' in ${year}`);
      return holiday.date.slice(0, 10);
    };
    found = { tet: dateOf(RULES.tet), hungKings: dateOf(RULES.hungKings) };
    cache.set(year, found);
  }
  return found;
}

function loadCalendar(): Holidays {
  if (!calendar) {
    // No country: only the two rules we need (the full VN table costs ~50 ms a year).
    calendar = new Holidays();
    for (const rule of Object.values(RULES)) calendar.setHoliday(rule, rule);
  }
  return calendar;
}
