// Working hours: a list of periods of the day, minute precision.
import { MINUTE_MS } from './time.ts';

/** A working period in local time, 'HH:MM'–'HH:MM'. */
export type Period = { start: string; end: string };

/** A period in milliseconds since local midnight. */
export type Span = { readonly start: number; readonly end: number };

export const DEFAULT_WORKING_HOURS: readonly Period[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

/** Saturday-morning units work only the periods that end by noon. */
const NOON_MS = 12 * 60 * MINUTE_MS;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 'HH:MM' (or '24:00') to minutes since midnight. */
export function parseHm(s: string): number {
  if (s === '24:00') return 24 * 60;
  const m = typeof s === 'string' ? HH_MM.exec(s) : null;
  if (!m) throw new RangeError(`invalid time of day (expected HH:MM): ${JSON.stringify(s)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Validates periods (non-empty, ordered, not overlapping) and converts them to spans. */
export function toSpans(periods: readonly Period[]): Span[] {
  if (periods.length === 0) throw new RangeError('working hours need at least one period');
  const spans = periods.map((p) => ({ start: parseHm(p.start) * MINUTE_MS, end: parseHm(p.end) * MINUTE_MS }));
  spans.forEach((span, i) => {
    const previousEnd = i > 0 ? spans[i - 1]!.end : 0;
    if (span.start >= span.end || span.start < previousEnd) {
      throw new RangeError(`working periods must be ordered and not overlap: ${JSON.stringify(periods)}`);
    }
  });
  return spans;
}

export function morningSpans(spans: readonly Span[]): Span[] {
  return spans.filter((span) => span.end <= NOON_MS);
}

export function spansLength(spans: readonly Span[]): number {
  return spans.reduce((sum, span) => sum + span.end - span.start, 0);
}
