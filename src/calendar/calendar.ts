// The working-day calendar of a unit: weekends, holidays (notice or rule), overrides and working
// hours. Each year is classified once into typed arrays; every lookup after that is an index.
import { builtInDays } from './holidays.ts';
import { DEFAULT_WORKING_HOURS, morningSpans, spansLength, toSpans, type Period, type Span } from './hours.ts';
import { LUNAR_YEARS } from './lunar.ts';
import { noticeDays } from './notices.ts';
import {
  DAY_MS,
  assertValidDate,
  epochDayOf,
  fromEpochDay,
  instantAt,
  localMillis,
  parseLocalDate,
  toEpochDay,
  weekdayOf,
  yearOfEpochDay,
  type EpochDay,
  type LocalDate,
} from './time.ts';
import type { DayEntry, DayInfo, DayKind, DayOverride } from './types.ts';

export type CalendarOptions = {
  /** Run-time days; a unit-scoped one beats a '*' one, and both beat the built-in data. */
  overrides?: readonly DayOverride[];
  unitCode?: string;
  /**
   * Non-holiday Saturdays are working mornings (periods ending by 12:00). UNVERIFIED whether
   * Saturday work counts toward time limits (docs/rules.md#saturday-working-units), hence a
   * per-unit flag, default false.
   */
  worksSaturday?: boolean;
  workingHours?: readonly Period[];
  /** Years whose '*' overrides are a complete notice: the rule-computed days are dropped. */
  noticeYears?: readonly number[];
};

/** Years the calendar can classify: those of the lunar data. */
export const CALENDAR_YEARS = LUNAR_YEARS;

/** Working hours of a day. */
const REST = 0;
const FULL = 1;
const MORNING = 2;

const NO_SPANS: readonly Span[] = [];

/** Stored as indexes into KINDS. */
const KINDS: readonly DayKind[] = ['weekday', 'weekend', 'holiday', 'makeup', 'override_off', 'override_working'];
const kindIndex = (kind: DayKind): number => KINDS.indexOf(kind);

type Label = { name: string; source: string };
type Classified = { hours: number; kind: DayKind; label?: Label | undefined };

type YearTable = {
  readonly year: number;
  readonly first: EpochDay;
  readonly hours: Uint8Array;
  readonly kinds: Uint8Array;
  /** counts[i]: working days among the year's first i days. */
  readonly counts: Uint16Array;
  readonly total: number;
  readonly labels: ReadonlyMap<EpochDay, Label>;
};

/** State shared by a calendar and every calendar derived from it with forUnit. */
type Registry = {
  readonly options: CalendarOptions;
  readonly units: Map<string, WorkCalendar>;
  /** Year tables by profile: calendars with the same effective days share them. */
  readonly tables: Map<string, Map<number, YearTable>>;
};

export class WorkCalendar {
  readonly unitCode: string | undefined;
  readonly worksSaturday: boolean;
  /** Working time of an ordinary full day, in milliseconds (7.5 h with the default hours). */
  readonly fullDayMillis: number;

  readonly #fullSpans: readonly Span[];
  readonly #morningSpans: readonly Span[];
  readonly #overrides = new Map<EpochDay, DayOverride>();
  readonly #noticeYears: ReadonlySet<number>;
  readonly #profile: string;
  #registry: Registry;
  #years: Map<number, YearTable>;
  #lastTable: YearTable | undefined;

  constructor(options: CalendarOptions = {}) {
    this.unitCode = options.unitCode;
    this.worksSaturday = options.worksSaturday ?? false;
    this.#fullSpans = toSpans(options.workingHours ?? DEFAULT_WORKING_HOURS);
    this.#morningSpans = morningSpans(this.#fullSpans);
    if (this.worksSaturday && this.#morningSpans.length === 0) {
      throw new RangeError('worksSaturday needs a working period that ends by 12:00');
    }
    this.fullDayMillis = spansLength(this.#fullSpans);
    this.#noticeYears = new Set(options.noticeYears ?? []);

    let unitSpecific = false;
    const overrides = options.overrides ?? [];
    for (const scope of this.unitCode === undefined ? ['*'] : ['*', this.unitCode]) {
      for (const override of overrides) {
        if (override.scope !== scope) continue;
        parseLocalDate(override.date);
        if (override.kind !== 'day_off' && override.kind !== 'working_day') {
          throw new RangeError(`invalid override kind: ${JSON.stringify(override.kind)}`);
        }
        this.#overrides.set(toEpochDay(override.date), override);
        unitSpecific ||= scope !== '*';
      }
    }
    this.#profile = `${this.worksSaturday ? 'sat' : 'week'}:${unitSpecific ? `unit:${this.unitCode}` : '*'}`;
    this.#registry = { options, units: new Map(), tables: new Map() };
    this.#years = this.#tablesOf(this.#registry);
  }

  /** The calendar of one unit, sharing this calendar's overrides, working hours and caches. */
  forUnit(unitCode: string, worksSaturday = false): WorkCalendar {
    const key = `${worksSaturday ? 'sat' : 'week'}:${unitCode}`;
    let calendar = this.#registry.units.get(key);
    if (!calendar) {
      calendar = new WorkCalendar({ ...this.#registry.options, unitCode, worksSaturday });
      calendar.#registry = this.#registry;
      calendar.#years = calendar.#tablesOf(this.#registry);
      this.#registry.units.set(key, calendar);
    }
    return calendar;
  }

  yearHasNotice(year: number): boolean {
    return noticeDays(year) !== undefined || this.#noticeYears.has(year);
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.#hoursOf(toEpochDay(parseLocalDate(date))) !== REST;
  }

  dayInfo(date: LocalDate): DayInfo {
    return this.#info(toEpochDay(parseLocalDate(date)));
  }

  /** The n-th working day after `date` (n ≥ 1). */
  nextWorkingDay(date: LocalDate, n = 1): LocalDate {
    assertCount(n);
    return fromEpochDay(this.workingEpochDayAfter(toEpochDay(parseLocalDate(date)), n));
  }

  /** The n-th working day before `date` (n ≥ 1). */
  previousWorkingDay(date: LocalDate, n = 1): LocalDate {
    assertCount(n);
    return fromEpochDay(this.workingEpochDayBefore(toEpochDay(parseLocalDate(date)), n));
  }

  /** Working days in (from, to]; negative when to is before from. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    return this.workingDaysBetweenEpochDays(toEpochDay(parseLocalDate(from)), toEpochDay(parseLocalDate(to)));
  }

  /** The days in [from, to) that are not worked. */
  nonWorkingDays(from: LocalDate, to: LocalDate): LocalDate[] {
    return this.nonWorkingEpochDays(toEpochDay(parseLocalDate(from)), toEpochDay(parseLocalDate(to)));
  }

  /**
   * Every day of the year that departs from the unit's working week: days off that are not weekly
   * rest days, and weekly rest days that are worked.
   */
  daysOff(year: number): DayInfo[] {
    const table = this.#table(year);
    const days: DayInfo[] = [];
    for (let i = 0; i < table.hours.length; i++) {
      const day = table.first + i;
      if ((table.hours[i] !== REST) !== this.#inWorkingWeek(day)) days.push(this.#info(day));
    }
    return days;
  }

  // Instants. Working time is measured in milliseconds.

  /** The first working instant at or after `instant` (itself when inside a working period). */
  workStart(instant: Date): Date {
    assertValidDate(instant);
    let day = epochDayOf(instant);
    let millis = localMillis(instant);
    for (;;) {
      for (const span of this.#spansOf(day)) {
        if (millis < span.end) return instantAt(day, Math.max(millis, span.start));
      }
      day = this.workingEpochDayAfter(day, 1);
      millis = 0;
    }
  }

  /** The instant `millis` of working time after `instant` (the instant itself for 0). */
  addWorkingMillis(instant: Date, millis: number): Date {
    assertValidDate(instant);
    if (!Number.isFinite(millis) || millis < 0) throw new RangeError(`working time to add must be ≥ 0, not ${millis}`);
    if (millis === 0) return new Date(instant.getTime());
    let day = epochDayOf(instant);
    let position = localMillis(instant);
    let left = millis;
    for (;;) {
      for (const span of this.#spansOf(day)) {
        if (position >= span.end) continue;
        const from = Math.max(position, span.start);
        if (left <= span.end - from) return instantAt(day, from + left);
        left -= span.end - from;
      }
      day = this.workingEpochDayAfter(day, 1);
      position = 0;
    }
  }

  /** Working time in [from, to), 0 when to ≤ from. */
  workingMillisBetween(from: Date, to: Date): number {
    assertValidDate(from);
    assertValidDate(to);
    if (to.getTime() <= from.getTime()) return 0;
    const lastDay = epochDayOf(to);
    const lastMillis = localMillis(to);
    let total = 0;
    for (let day = epochDayOf(from), start = localMillis(from); day <= lastDay; day++, start = 0) {
      const stop = day === lastDay ? lastMillis : DAY_MS;
      for (const span of this.#spansOf(day)) {
        total += Math.max(0, Math.min(stop, span.end) - Math.max(start, span.start));
      }
    }
    return total;
  }

  /** End of working hours of a working day (17:00 by default, 11:30 on a Saturday morning). */
  endOfWorkingDay(date: LocalDate): Date {
    return this.endOfWorkingEpochDay(toEpochDay(parseLocalDate(date)));
  }

  // Epoch-day forms of the day methods, for hot paths.

  endOfWorkingEpochDay(day: EpochDay): Date {
    const spans = this.#spansOf(day);
    const last = spans[spans.length - 1];
    if (!last) throw new RangeError(`${fromEpochDay(day)} is not a working day`);
    return instantAt(day, last.end);
  }

  /** The instant a fraction (0 ≤ f ≤ 1) of the way through a working day's working time. */
  pointInWorkingEpochDay(day: EpochDay, fraction: number): Date {
    const spans = this.#spansOf(day);
    const first = spans[0];
    if (!first) throw new RangeError(`${fromEpochDay(day)} is not a working day`);
    return this.addWorkingMillis(instantAt(day, first.start), Math.round(fraction * spansLength(spans)));
  }

  isWorkingEpochDay(day: EpochDay): boolean {
    return this.#hoursOf(day) !== REST;
  }

  /** The n-th working day after `day` (n ≥ 0; 0 gives `day`). */
  workingEpochDayAfter(day: EpochDay, n: number): EpochDay {
    if (n === 0) return day;
    let table = this.#tableFor(day);
    let target = table.counts[day - table.first + 1]! + n;
    while (target > table.total) {
      target -= table.total;
      table = this.#table(table.year + 1);
    }
    return table.first + dayWithCount(table, target);
  }

  /** The n-th working day before `day` (n ≥ 1). */
  workingEpochDayBefore(day: EpochDay, n: number): EpochDay {
    let table = this.#tableFor(day);
    let target = table.counts[day - table.first]! - n + 1;
    while (target < 1) {
      table = this.#table(table.year - 1);
      target += table.total;
    }
    return table.first + dayWithCount(table, target);
  }

  /** The days in [from, to) that are not worked. */
  nonWorkingEpochDays(from: EpochDay, to: EpochDay): LocalDate[] {
    const days: LocalDate[] = [];
    for (let day = from; day < to; day++) {
      if (this.#hoursOf(day) === REST) days.push(fromEpochDay(day));
    }
    return days;
  }

  /** Working days in (from, to]; negative when to < from. */
  workingDaysBetweenEpochDays(from: EpochDay, to: EpochDay): number {
    if (to < from) return -this.workingDaysBetweenEpochDays(to, from);
    const a = this.#tableFor(from);
    const b = this.#tableFor(to);
    let count = b.counts[to - b.first + 1]! - a.counts[from - a.first + 1]!;
    for (let year = a.year; year < b.year; year++) count += this.#table(year).total;
    return count;
  }

  // Classification.

  #tablesOf(registry: Registry): Map<number, YearTable> {
    let tables = registry.tables.get(this.#profile);
    if (!tables) {
      tables = new Map();
      registry.tables.set(this.#profile, tables);
    }
    return tables;
  }

  #tableFor(day: EpochDay): YearTable {
    const last = this.#lastTable;
    if (last && day >= last.first && day < last.first + last.hours.length) return last;
    const table = this.#table(yearOfEpochDay(day));
    this.#lastTable = table;
    return table;
  }

  #table(year: number): YearTable {
    let table = this.#years.get(year);
    if (!table) {
      table = this.#buildYear(year);
      this.#years.set(year, table);
    }
    return table;
  }

  #buildYear(year: number): YearTable {
    if (!Number.isInteger(year) || year < CALENDAR_YEARS.first || year > CALENDAR_YEARS.last) {
      throw new RangeError(`the calendar covers ${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last}, not ${year}`);
    }
    const first = toEpochDay(`${year}-01-01`);
    const length = toEpochDay(`${year + 1}-01-01`) - first;
    const hours = new Uint8Array(length);
    const kinds = new Uint8Array(length);
    const counts = new Uint16Array(length + 1);
    const labels = new Map<EpochDay, Label>();
    for (let i = 0; i < length; i++) {
      const day = first + i;
      const classified = this.#classify(day);
      hours[i] = classified.hours;
      kinds[i] = kindIndex(classified.kind);
      counts[i + 1] = counts[i]! + (classified.hours === REST ? 0 : 1);
      if (classified.label) labels.set(day, classified.label);
    }
    return { year, first, hours, kinds, counts, total: counts[length]!, labels };
  }

  #classify(day: EpochDay): Classified {
    const base = this.#classifyWeekdays(day);
    if (!this.worksSaturday || base.kind !== 'weekend' || weekdayOf(day) !== 6) return base;
    // A Saturday-morning unit closes on Saturdays inside a holiday break: the run of days off
    // around the Saturday (as the notices announce breaks) that contains a holiday.
    const holiday = this.#breakHoliday(day, -1) ?? this.#breakHoliday(day, 1);
    return holiday ? { hours: REST, kind: 'holiday', label: holiday } : { hours: MORNING, kind: 'weekday' };
  }

  /** The first holiday in the run of days off next to `day`, walking in `step` direction. */
  #breakHoliday(day: EpochDay, step: 1 | -1): Label | undefined {
    for (let d = day + step; ; d += step) {
      const { hours, kind, label } = this.#classifyWeekdays(d);
      if (hours !== REST) return undefined;
      if (kind !== 'weekend') return label;
    }
  }

  /** A day for a Monday–Friday unit: override, else built-in data, else the weekly pattern. */
  #classifyWeekdays(day: EpochDay): Classified {
    const override = this.#overrides.get(day);
    const entry = override ?? this.#builtIn(day);
    if (entry) {
      const working = entry.kind === 'working_day';
      const kind = override ? (working ? 'override_working' : 'override_off') : working ? 'makeup' : 'holiday';
      return { hours: working ? FULL : REST, kind, label: { name: entry.name, source: entry.source } };
    }
    const dow = weekdayOf(day);
    return dow === 0 || dow === 6 ? { hours: REST, kind: 'weekend' } : { hours: FULL, kind: 'weekday' };
  }

  #builtIn(day: EpochDay): DayEntry | undefined {
    const year = yearOfEpochDay(day);
    return this.#noticeYears.has(year) ? undefined : builtInDays(year).get(day);
  }

  #inWorkingWeek(day: EpochDay): boolean {
    const dow = weekdayOf(day);
    return dow !== 0 && (dow !== 6 || this.worksSaturday);
  }

  #hoursOf(day: EpochDay): number {
    const table = this.#tableFor(day);
    return table.hours[day - table.first]!;
  }

  #spansOf(day: EpochDay): readonly Span[] {
    const hours = this.#hoursOf(day);
    return hours === FULL ? this.#fullSpans : hours === MORNING ? this.#morningSpans : NO_SPANS;
  }

  #info(day: EpochDay): DayInfo {
    const table = this.#tableFor(day);
    const i = day - table.first;
    const info: DayInfo = { date: fromEpochDay(day), working: table.hours[i] !== REST, kind: KINDS[table.kinds[i]!]! };
    const label = table.labels.get(day);
    return label ? { ...info, ...label } : info;
  }
}

/** Index of the day whose working-day count reaches `target` (smallest i with counts[i + 1] ≥ target). */
function dayWithCount(table: YearTable, target: number): number {
  let lo = 0;
  let hi = table.hours.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table.counts[mid + 1]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working-day count must be an integer ≥ 1, not ${n}`);
}
