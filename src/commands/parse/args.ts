// Arguments after a command: "[đơn vị] [kỳ]" for /tiendo and /xephang, "<mã hồ sơ> <ngày>" for
// /xacnhan. Dossier codes and commit dates are parsed in their own files and re-exported here.
import type { LocalDate } from '../../calendar/time.ts';
import { parseCommitDate, type CommitDateError } from './commit-date.ts';
import { findDossierCode } from './dossier-code.ts';
import { fold } from '../../i18n/fold.ts';
import { bare, words } from './normalize.ts';
import { parsePeriod, type ParsedPeriod, type PeriodError } from './period.ts';

export { parseCommitDate, isCommitDateError, type CommitDateError, type CommitDateErrorCode } from './commit-date.ts';
export { findDossierCode, parseDossierCode, type FoundDossierCode } from './dossier-code.ts';

export interface UnitAndPeriod {
  /** The words that are not the period, for matchUnit(); '' when none. */
  unitText: string;
  period: ParsedPeriod | PeriodError | null;
}

/** Longest period expression tried, in words ("từ ngày 1 tháng 11 đến ngày 15 tháng 11 năm 2026"). */
const MAX_PERIOD_WORDS = 14;

/** Single words that are a period alone but usually begin a place name when more follows ("Năm Căn"). */
const LEADING_ONLY_ALONE = new Set(['nam', 'tuan', 'thang', 'quy']);

/** Words between a command and a unit name: "tiến độ của xã Bình Sơn", "ở phường …". Compared with diacritics. */
const UNIT_FILLERS = ['của', 'ở', 'tại', 'cho', 'trong', 'thuộc', 'đơn vị', 'don vi'].map((f) => f.split(' '));

/**
 * Splits "xã Bình Sơn tuần này", "tuần này xã Bình Sơn", "binh son q4", "thang 11": the longest
 * period expression at the end, else the longest at the start; the other words are the unit.
 */
export function splitUnitAndPeriod(rest: string, at: Date): UnitAndPeriod {
  const ws = words(rest).map(bare).filter((w) => w !== '');
  const n = ws.length;
  for (let k = Math.min(n, MAX_PERIOD_WORDS); k >= 1; k--) {
    const period = parsePeriod(ws.slice(n - k).join(' '), at);
    if (period) return { unitText: unitText(ws.slice(0, n - k)), period };
  }
  for (let k = Math.min(n - 1, MAX_PERIOD_WORDS); k >= 1; k--) {
    if (k === 1 && LEADING_ONLY_ALONE.has(fold(ws[0]!))) continue;
    const period = parsePeriod(ws.slice(0, k).join(' '), at);
    if (period) return { unitText: unitText(ws.slice(k)), period };
  }
  return { unitText: unitText(ws), period: null };
}

function unitText(ws: string[]): string {
  let out = ws;
  for (;;) {
    const lower = out.map((w) => w.toLowerCase());
    const filler = UNIT_FILLERS.find((f) => out.length > f.length && f.every((w, i) => lower[i] === w));
    if (!filler) return out.join(' ').replace(/[.…]+$/u, '');
    out = out.slice(filler.length);
  }
}

export interface CodeAndDate {
  /** Canonical dossier code, or null if none was found. */
  code: string | null;
  /** The rest parsed as a commit date; null when there is no rest or it is not a date. */
  date: LocalDate | CommitDateError | null;
  /** The text that is not the code, for error reporting. */
  dateText: string;
}

/** "/xacnhan 000.00.12.H55-260105-0001 05/12" (either order). */
export function splitCodeAndDate(rest: string, at: Date): CodeAndDate {
  const found = findDossierCode(rest);
  const dateText = (found ? `${found.before} ${found.after}` : rest).replace(/\s+/g, ' ').trim();
  return { code: found?.code ?? null, date: dateText === '' ? null : parseCommitDate(dateText, at), dateText };
}
