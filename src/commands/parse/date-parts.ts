// Day/month[/year] expressions shared by the period and commit-date parsers, on folded text.
import { fold } from '../../i18n/fold.ts';

export interface DateParts {
  day: number;
  month: number;
  /** Absent when the user left it out. */
  year?: number;
}

/** 2026-11-05 · 5/11 · 05.11 · 5/11/2026 · 5/11/26 · 05-11-2026 (a day-only '5' is not included). */
export const DATE_SRC = String.raw`\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{1,2}-\d{1,2}-\d{4}`;

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DMY = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?$/;

/** Parts of one date written as DATE_SRC; 'invalid' for a three-digit year; null if not a date. */
export function dateParts(s: string): DateParts | 'invalid' | null {
  const iso = ISO.exec(s);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const dmy = DMY.exec(s);
  if (!dmy) return null;
  const parts: DateParts = { day: Number(dmy[1]), month: Number(dmy[2]) };
  const y = dmy[3];
  if (y !== undefined) {
    if (y.length === 3) return 'invalid';
    parts.year = y.length === 2 ? 2000 + Number(y) : Number(y);
  }
  return parts;
}

/**
 * Folded text with dashes unified, no spaces around '/', no sentence-final dots, and dates
 * spelled "ngay 5 thang 11 nam 2026" rewritten as "ngay 5/11/2026".
 */
export function prepareDateText(text: string): string {
  return fold(text)
    .replace(/[‐‑‒–—―−~→]/gu, '-')
    .replace(/\s*(?:->|=>)\s*/g, ' - ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/ngay (\d{1,2}) thang (\d{1,2})(?:,? nam (\d{4}))?/g, (_m, d: string, m: string, y?: string) =>
      y === undefined ? `ngay ${d}/${m}` : `ngay ${d}/${m}/${y}`,
    )
    .replace(/^[\s,;:!?]+|[\s,;:!?.]+$/g, '');
}
