// Days off computed by rule for years without a government notice, and the built-in table
// (notice or rule) for any year.
import { lunarHolidays } from './lunar.ts';
import { noticeDays } from './notices.ts';
import { fromEpochDay, toEpochDay, weekdayOf, type EpochDay } from './time.ts';
import type { DayEntry } from './types.ts';

const LABOUR_CODE = '45/2019/QH14 Điều 112';
const MAKE_UP = '45/2019/QH14 Điều 111(3)';
const CULTURE_DAY = 'NQ 28/2026/QH16';

/** Holiday names and the names of their make-up days off (Art. 111(3)); null: not made up. */
const NAMES = {
  newYear: ['Tết Dương lịch', 'Nghỉ bù Tết Dương lịch'],
  tet: ['Tết Nguyên Đán', 'Nghỉ bù Tết Nguyên Đán'],
  hungKings: ['Giỗ Tổ Hùng Vương', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
  victory: ['Ngày Chiến thắng', 'Nghỉ bù Ngày Chiến thắng'],
  labour: ['Ngày Quốc tế Lao động', 'Nghỉ bù Ngày Quốc tế Lao động'],
  nationalDay: ['Quốc khánh', 'Nghỉ bù Quốc khánh'],
  culture: ['Ngày Văn hóa Việt Nam', null],
} as const satisfies Record<string, readonly [string, string | null]>;

type Holiday = { day: EpochDay; names: readonly [string, string | null]; source: string };

const isWeekend = (day: EpochDay): boolean => weekdayOf(day) === 0 || weekdayOf(day) === 6;

/**
 * Quốc khánh's second day (Labour Code 2019 Art. 112(1)(đ): "01 ngày liền kề trước hoặc sau",
 * chosen each year by the Prime Minister, Art. 112(3)). Default, UNVERIFIED rule: the day after
 * (3/9) when 2/9 is a Monday or a Thursday, so the break joins the weekend; otherwise the day
 * before (1/9). It reproduces 2021 (3/9), 2022 (1/9), 2023 (1/9), 2024 (3/9) and 2025 (1/9).
 * Override it with DayOverride entries once the year's notice is out.
 */
function nationalDayAdjacent(year: number): EpochDay {
  const nationalDay = toEpochDay(`${year}-09-02`);
  const dow = weekdayOf(nationalDay);
  return dow === 1 || dow === 4 ? nationalDay + 1 : nationalDay - 1;
}

function statutoryHolidays(year: number): Holiday[] {
  const day = (mmdd: string): EpochDay => toEpochDay(`${year}-${mmdd}`);
  const { tet, hungKings } = lunarHolidays(year);
  const tetDay = toEpochDay(tet);
  const holiday = (d: EpochDay, names: Holiday['names'], source = LABOUR_CODE): Holiday => ({ day: d, names, source });
  const list = [
    holiday(day('01-01'), NAMES.newYear),
    // Art. 112(1)(b): 5 days; by default the last day of the old year and mùng 1–4.
    ...[-1, 0, 1, 2, 3].map((offset) => holiday(tetDay + offset, NAMES.tet)),
    holiday(toEpochDay(hungKings), NAMES.hungKings),
    holiday(day('04-30'), NAMES.victory),
    holiday(day('05-01'), NAMES.labour),
    holiday(nationalDayAdjacent(year), NAMES.nationalDay),
    holiday(day('09-02'), NAMES.nationalDay),
  ];
  // From 2026; not an Art. 112 holiday, so Art. 111(3) does not make it up.
  if (year >= 2026) list.push(holiday(day('11-24'), NAMES.culture, CULTURE_DAY));
  return list.sort((a, b) => a.day - b.day);
}

/**
 * Weekdays off by rule: the statutory holidays, and for each one on a Saturday or Sunday a make-up
 * day on the next working day (Labour Code 2019 Art. 111(3)).
 */
export function ruleDays(year: number): DayEntry[] {
  const holidays = statutoryHolidays(year);
  const taken = new Set(holidays.map((h) => h.day));
  const days: Array<{ day: EpochDay; name: string; source: string }> = [];
  for (const { day, names, source } of holidays) {
    const [name, makeUpName] = names;
    if (!isWeekend(day)) {
      days.push({ day, name, source });
    } else if (makeUpName !== null) {
      let makeUp = day + 1;
      while (isWeekend(makeUp) || taken.has(makeUp)) makeUp++;
      taken.add(makeUp);
      days.push({ day: makeUp, name: makeUpName, source: MAKE_UP });
    }
  }
  return days
    .sort((a, b) => a.day - b.day)
    .map(({ day, name, source }) => ({ date: fromEpochDay(day), kind: 'day_off', name, source }));
}

const builtIn = new Map<number, ReadonlyMap<EpochDay, DayEntry>>();

/** The year's notice days if there is one, else its rule-computed days, by day (memoised: pure data). */
export function builtInDays(year: number): ReadonlyMap<EpochDay, DayEntry> {
  let days = builtIn.get(year);
  if (!days) {
    days = new Map((noticeDays(year) ?? ruleDays(year)).map((entry) => [toEpochDay(entry.date), entry]));
    builtIn.set(year, days);
  }
  return days;
}
