// Reporting periods as officials type them: "tuần này", "tháng 11", "q4", "quý IV/2025",
// "1/11 - 15/11", "2026-11-01..2026-11-15". Bounds are local dates, inclusive; a period that
// contains today ends today. The caller picks the default when no period is given.
import { addDays, localDate, toEpochDay, type LocalDate } from '../../calendar/time.ts';
import { DATE_SRC, dateParts, prepareDateText, type DateParts } from './date-parts.ts';
import {
  minDate, mondayOf, monthBounds, monthOf, quarterBounds, quarterOf, yearBounds, yearOf, ymd, type Bounds,
} from './local-dates.ts';
import { tidy } from './normalize.ts';

const PERIOD_KINDS = ['today', 'week', 'last_week', 'month', 'last_month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface ParsedPeriod {
  kind: PeriodKind;
  from: LocalDate;
  /** Inclusive; never after today. */
  to: LocalDate;
  /** 1–12, for 'month' and 'last_month'. */
  month?: number;
  /** 1–4, for 'quarter'. */
  quarter?: number;
  /** The calendar year of `to` (for month, quarter and year: the named year). */
  year: number;
}

/**
 * invalid_date: a date, month or quarter that does not exist (31/02, tháng 13, quý 5);
 * range_reversed: the end is before the start; future: the whole period is after today.
 */
const PERIOD_ERRORS = ['invalid_date', 'range_reversed', 'future'] as const;
export type PeriodErrorCode = (typeof PERIOD_ERRORS)[number];
export interface PeriodError {
  error: PeriodErrorCode;
  /** The input, tidied. */
  text: string;
}

export function isPeriodError(p: ParsedPeriod | PeriodError | null | undefined): p is PeriodError {
  return p != null && 'error' in p;
}

/** A period, a structured error for a period-shaped but impossible text, or null if not a period. */
export function parsePeriod(text: string, at: Date): ParsedPeriod | PeriodError | null {
  const today = localDate(at);
  const ctx: Ctx = { today, year: yearOf(today) };
  const s = prepareDateText(text).replace(/^(?:trong|ky|vao) /, '');
  if (s === '') return null;
  for (const rule of RULES) {
    const out = rule(s, ctx);
    if (out !== null) return typeof out === 'string' ? { error: out, text: tidy(text) } : out;
  }
  return null;
}

interface Ctx {
  today: LocalDate;
  year: number;
}
/** null: the rule does not apply. */
type Outcome = ParsedPeriod | PeriodErrorCode | null;
type Rule = (s: string, ctx: Ctx) => Outcome;

/** Clips to today; the whole period after today is an error. */
function bounded(ctx: Ctx, kind: PeriodKind, [from, to]: Bounds, extra: { month?: number; quarter?: number } = {}): ParsedPeriod | PeriodErrorCode {
  if (to < from) return 'range_reversed';
  if (from > ctx.today) return 'future';
  const end = minDate(to, ctx.today);
  return { kind, from, to: end, ...extra, year: yearOf(end) };
}

function monthPeriod(ctx: Ctx, kind: PeriodKind, month: number, year: number | undefined): Outcome {
  if (month < 1 || month > 12 || (year !== undefined && year < 1000)) return 'invalid_date';
  // Without a year, a month entirely in the future is last year's.
  let y = year ?? ctx.year;
  if (year === undefined && monthBounds(y, month)[0] > ctx.today) y -= 1;
  return bounded(ctx, kind, monthBounds(y, month), { month });
}

function quarterPeriod(ctx: Ctx, quarter: number, year: number | undefined): Outcome {
  if (quarter < 1 || quarter > 4 || (year !== undefined && year < 1000)) return 'invalid_date';
  let y = year ?? ctx.year;
  if (year === undefined && quarterBounds(y, quarter)[0] > ctx.today) y -= 1;
  return bounded(ctx, 'quarter', quarterBounds(y, quarter), { quarter });
}

function yearPeriod(ctx: Ctx, year: number): Outcome {
  return year < 1000 ? 'invalid_date' : bounded(ctx, 'year', yearBounds(year));
}

const keywords = (list: string[], rule: (ctx: Ctx) => Outcome): [string[], (ctx: Ctx) => Outcome] => [list, rule];

const KEYWORDS = new Map<string, (ctx: Ctx) => Outcome>(
  [
    keywords(['hom nay', 'hnay', 'ngay hom nay', 'trong ngay'], (c) => bounded(c, 'today', [c.today, c.today])),
    keywords(['hom qua', 'hqua', 'ngay hom qua'], (c) => {
      const d = addDays(c.today, -1);
      return bounded(c, 'custom', [d, d]);
    }),
    keywords(['tuan', 'tuan nay', 'tuan hien tai', 'tu dau tuan'], (c) => {
      const monday = mondayOf(c.today);
      return bounded(c, 'week', [monday, addDays(monday, 6)]);
    }),
    keywords(['tuan truoc', 'tuan roi', 'tuan vua qua'], (c) => {
      const monday = mondayOf(c.today);
      return bounded(c, 'last_week', [addDays(monday, -7), addDays(monday, -1)]);
    }),
    keywords(['thang', 'thang nay', 'thang hien tai', 'tu dau thang'], (c) => monthPeriod(c, 'month', monthOf(c.today), c.year)),
    keywords(['thang truoc', 'thang roi', 'thang vua qua'], (c) => {
      const m = monthOf(c.today);
      return m === 1 ? monthPeriod(c, 'last_month', 12, c.year - 1) : monthPeriod(c, 'last_month', m - 1, c.year);
    }),
    keywords(['quy', 'quy nay', 'quy hien tai', 'tu dau quy'], (c) => quarterPeriod(c, quarterOf(c.today), c.year)),
    keywords(['quy truoc', 'quy roi', 'quy vua qua'], (c) => {
      const q = quarterOf(c.today);
      return q === 1 ? quarterPeriod(c, 4, c.year - 1) : quarterPeriod(c, q - 1, c.year);
    }),
    keywords(
      ['nam', 'nam nay', 'nam hien tai', 'ca nam', 'tu dau nam', 'ytd', 'luy ke', 'luy ke nam', 'luy ke nam nay', 'luy ke tu dau nam'],
      (c) => yearPeriod(c, c.year),
    ),
    keywords(['nam truoc', 'nam ngoai', 'nam roi', 'nam vua qua'], (c) => yearPeriod(c, c.year - 1)),
    // Period-shaped but wholly ahead ("mai" alone is left out: it ends place names like Hoàng Mai).
    keywords(['ngay mai', 'tuan sau', 'tuan toi', 'thang sau', 'thang toi', 'quy sau', 'quy toi', 'nam sau', 'nam toi'], () => 'future'),
  ].flatMap(([list, rule]) => list.map((k) => [k, rule] as const)),
);

/**
 * The year after a month or quarter: "/2025", "-2025", "/25", " 2025", ", năm 2025", " năm nay",
 * " năm ngoái". undefined: no year given; null: something else follows (the rule does not apply).
 */
function yearSpec(rest: string, ctx: Ctx): number | undefined | null {
  const r = rest.trim();
  if (r === '') return undefined;
  // Two digits only after '/': "tháng 9-11" is a range of months, "t11/25" is November 2025.
  let m = /^\/(\d{2})$/.exec(r) ?? /^[/-](\d{4})$/.exec(r);
  if (m) return m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  m = /^,? ?(?:nam )?(\d{4})$/.exec(r);
  if (m) return Number(m[1]);
  if (/^,? ?nam (?:nay|hien tai)$/.test(r)) return ctx.year;
  if (/^,? ?nam (?:ngoai|truoc|roi)$/.test(r)) return ctx.year - 1;
  return null;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

const D = `(${DATE_SRC})`;
const D_OR_DAY = String.raw`(${DATE_SRC}|\d{1,2})`;
const RANGE = new RegExp(String.raw`^(?:tu )?(?:ngay )?${D_OR_DAY} ?(?:-|\.{2,3}|den|toi) ?(?:ngay )?${D}$`);
const MONTH = String.raw`(?:thang|thg|th|t) ?(\d{1,2})(?:/(\d{4}))?`;
const MONTH_RANGE = new RegExp(String.raw`^(?:tu )?${MONTH} ?(?:-|den|toi) ?(?:thang|thg|th|t)? ?(\d{1,2})(?:/(\d{4}))?$`);
const SINCE = new RegExp(`^tu (?:ngay )?${D}$`);
const SINGLE = new RegExp(`^(?:ngay )?${D}$`);

const RULES: Rule[] = [
  (s, c) => KEYWORDS.get(s)?.(c) ?? null,
  // Years: "năm 2025", a bare 19xx/20xx.
  (s, c) => {
    const m = /^nam (\d{4})$/.exec(s) ?? /^((?:19|20)\d{2})$/.exec(s);
    return m ? yearPeriod(c, Number(m[1])) : null;
  },
  // Months: "tháng 11", "thg 11", "t11", "tháng 11/2025", "tháng 11 năm ngoái".
  (s, c) => {
    const m = /^(?:thang|thg|th|t) ?(\d{1,2})(.*)$/.exec(s);
    if (!m) return null;
    const year = yearSpec(m[2]!, c);
    return year === null ? null : monthPeriod(c, 'month', Number(m[1]), year);
  },
  // "11/2026", "11-2026", "2026-11".
  (s, c) => {
    let m = /^(\d{1,2})[/-](\d{4})$/.exec(s);
    if (m) return monthPeriod(c, 'month', Number(m[1]), Number(m[2]));
    m = /^(\d{4})[/-](\d{1,2})$/.exec(s);
    return m ? monthPeriod(c, 'month', Number(m[2]), Number(m[1])) : null;
  },
  // Quarters: "quý 4", "q4", "quý IV", "q4/2025", "quý 4 năm 2025", "2025-Q4".
  (s, c) => {
    const m = /^(?:quy|q) ?(iv|iii|ii|i|\d)(.*)$/.exec(s);
    if (m) {
      const year = yearSpec(m[2]!, c);
      return year === null ? null : quarterPeriod(c, ROMAN[m[1]!] ?? Number(m[1]), year);
    }
    const y = /^(\d{4}) ?[-/]? ?q(\d)$/.exec(s);
    return y ? quarterPeriod(c, Number(y[2]), Number(y[1])) : null;
  },
  // The last N days: "7 ngày qua", "30 ngày gần đây", "7 ngày".
  (s, c) => {
    const m = /^(\d{1,4}) ngay(?: (?:qua|gan day|gan nhat|vua qua))?$/.exec(s);
    if (!m) return null;
    const n = Number(m[1]);
    return n < 1 ? 'invalid_date' : bounded(c, 'custom', [addDays(c.today, 1 - n), c.today]);
  },
  // Month ranges: "tháng 9 - tháng 11", "từ tháng 9 đến 11/2026", "t9-t11".
  (s, c) => {
    const m = MONTH_RANGE.exec(s);
    if (!m) return null;
    const [m1, y1, m2, y2] = [m[1], m[2], m[3], m[4]].map((x) => (x === undefined ? undefined : Number(x)));
    if ([m1, m2].some((x) => x! < 1 || x! > 12)) return 'invalid_date';
    const range = resolveRange({ day: 1, month: m1!, year: y1 }, { day: 1, month: m2!, year: y2 }, c);
    if (typeof range === 'string') return range;
    return bounded(c, 'custom', [range[0], monthBounds(yearOf(range[1]), m2!)[1]]);
  },
  // Ranges: "01/11/2026-15/11/2026", "1/11 - 15/11", "từ 1 đến 15/11", "2026-11-01..2026-11-15".
  (s, c) => {
    const m = RANGE.exec(s);
    if (!m) return null;
    const end = dateParts(m[2]!);
    const start = /^\d{1,2}$/.test(m[1]!) ? 'day' : dateParts(m[1]!);
    if (end === null || start === null) return null;
    if (end === 'invalid' || start === 'invalid') return 'invalid_date';
    const first: DateParts = start === 'day' ? { ...end, day: Number(m[1]) } : start;
    const range = resolveRange(first, end, c);
    return typeof range === 'string' ? range : bounded(c, 'custom', range);
  },
  // "từ 1/11": from that date to today.
  (s, c) => {
    const m = SINCE.exec(s);
    const parts = m ? dateParts(m[1]!) : null;
    if (parts === null) return null;
    const from = parts === 'invalid' ? null : resolveSingle(parts, c);
    return from === null ? 'invalid_date' : bounded(c, 'custom', [from, c.today]);
  },
  // One day: "5/11", "ngày 5/11/2026", "2026-11-05".
  (s, c) => {
    const m = SINGLE.exec(s);
    const parts = m ? dateParts(m[1]!) : null;
    if (parts === null) return null;
    const day = parts === 'invalid' ? null : resolveSingle(parts, c);
    return day === null ? 'invalid_date' : bounded(c, 'custom', [day, day]);
  },
];

/** A date without a year is the latest such date not after today (this year's, else last year's). */
function resolveSingle(p: DateParts, ctx: Ctx): LocalDate | null {
  if (p.year !== undefined) return ymd(p.year, p.month, p.day);
  const candidates = [ctx.year, ctx.year - 1].map((y) => ymd(y, p.month, p.day)).filter((d) => d !== null);
  return candidates.find((d) => d <= ctx.today) ?? candidates[0] ?? null;
}

/** A range ending before it starts wraps into the next year only when it then spans at most this many days. */
const MAX_WRAP_DAYS = 183;

/**
 * Years for a range where one or both ends omit it. The missing year is the other end's; an end
 * before the start within the same year wraps over New Year ("15/12 - 10/1"). With no year at
 * all, the latest placement that does not start after today.
 */
function resolveRange(a: DateParts, b: DateParts, ctx: Ctx): Bounds | PeriodErrorCode {
  const wraps = a.month * 100 + a.day > b.month * 100 + b.day;
  const place = (y1: number, y2: number): Bounds | null => {
    const from = ymd(y1, a.month, a.day);
    const to = ymd(y2, b.month, b.day);
    return from && to ? [from, to] : null;
  };
  let candidates: (Bounds | null)[];
  if (a.year !== undefined && b.year !== undefined) candidates = [place(a.year, b.year)];
  else if (b.year !== undefined) candidates = [place(wraps ? b.year - 1 : b.year, b.year)];
  else if (a.year !== undefined) candidates = [place(a.year, wraps ? a.year + 1 : a.year)];
  else candidates = [ctx.year + 1, ctx.year, ctx.year - 1].map((y) => place(wraps ? y - 1 : y, y));
  const valid = candidates.filter((r) => r !== null);
  const chosen = valid.find(([from]) => from <= ctx.today) ?? valid[valid.length - 1];
  if (!chosen) return 'invalid_date';
  const [from, to] = chosen;
  if (to < from) return 'range_reversed';
  const explicit = a.year !== undefined && b.year !== undefined;
  if (wraps && !explicit && toEpochDay(to) - toEpochDay(from) > MAX_WRAP_DAYS) return 'range_reversed';
  return chosen;
}
