// The five-field cron of DIGEST_CRON (minute hour day-of-month month day-of-week), read in
// Asia/Ho_Chi_Minh, as far as the digest needs it: when does it first fire in a given week.
// node-schedule does the actual firing; this is the same rule as pure code, so that start-up
// catch-up and holiday deferral can be decided from a clock passed in.
import { addDays, atLocal, weekday, type LocalDate } from '../calendar/time.ts';

export interface Cron {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  weekdays: ReadonlySet<number>;
  /** Both day fields restricted: a day matches either (classic cron). */
  dayOr: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function field(text: string, min: number, max: number, names: string[] = [], nameBase = min): Set<number> {
  const value = (s: string): number => {
    const named = names.indexOf(s.toLowerCase());
    const n = named >= 0 ? named + nameBase : /^\d+$/.test(s) ? Number(s) : NaN;
    if (!(n >= min && n <= max)) throw new Error(`cron value out of range: ${s}`);
    return n;
  };
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|[a-z0-9]+(?:-[a-z0-9]+)?)(?:\/(\d+))?$/i.exec(part);
    if (!m) throw new Error(`bad cron field: ${text}`);
    const [, range = '', stepText] = m;
    const step = stepText === undefined ? 1 : Number(stepText);
    if (step < 1) throw new Error(`bad cron step: ${part}`);
    let [lo, hi] = range === '*' ? [min, max] : range.split('-').map(value) as [number, number?];
    if (hi === undefined) hi = stepText === undefined ? lo : max;
    if (hi < lo) throw new Error(`bad cron range: ${part}`);
    for (let n = lo; n <= hi; n += step) out.add(n);
  }
  return out;
}

/** Parses "30 7 * * 1"; throws on anything else. */
export function parseCron(expr: string): Cron {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`cron needs 5 fields: ${expr}`);
  const [mi, h, dom, mon, dow] = parts as [string, string, string, string, string];
  const weekdays = field(dow, 0, 7, WEEKDAYS, 0);
  if (weekdays.has(7)) weekdays.add(0);
  return {
    minutes: field(mi, 0, 59),
    hours: field(h, 0, 23),
    days: field(dom, 1, 31),
    months: field(mon, 1, 12, MONTHS, 1),
    weekdays,
    dayOr: dom !== '*' && dow !== '*',
  };
}

function matchesDay(cron: Cron, date: LocalDate): boolean {
  if (!cron.months.has(Number(date.slice(5, 7)))) return false;
  const dom = cron.days.has(Number(date.slice(8, 10)));
  const dow = cron.weekdays.has(weekday(date));
  return cron.dayOr ? dom || dow : dom && dow;
}

/** The first firing at or after local midnight of `from`, within `days` days. */
export function firstFiring(cron: Cron, from: LocalDate, days: number): Date | null {
  const hour = Math.min(...cron.hours);
  const minute = Math.min(...cron.minutes);
  for (let i = 0; i < days; i++) {
    const date = addDays(from, i);
    if (matchesDay(cron, date)) return atLocal(date, hour * 60 + minute);
  }
  return null;
}
