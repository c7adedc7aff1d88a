// The date an official commits to for a dossier (/xacnhan <mã> <ngày>): "05/12", "5/12/2026",
// "2026-12-05", "mai", "ngày mai", "thứ 6", "thu sau tuần sau", "3 ngày nữa", or a button's
// yyyymmdd. A real calendar date, never in the past, and never after the horizon the caller
// counts on the dossier's calendar (COMMIT_MAX_WORKING_DAYS working days).
import { addDays, localDate, toEpochDay, weekday, type LocalDate } from '../../calendar/time.ts';
import { DATE_SRC, dateParts, prepareDateText } from './date-parts.ts';
import { mondayOf, yearOf, ymd } from './local-dates.ts';
import { tidy } from './normalize.ts';

/** invalid_date: no such date (31/02, month 13); past: before today; too_far: after the last day allowed. */
const COMMIT_DATE_ERRORS = ['invalid_date', 'past', 'too_far'] as const;
export type CommitDateErrorCode = (typeof COMMIT_DATE_ERRORS)[number];
export interface CommitDateError {
  error: CommitDateErrorCode;
  text: string;
}

export function isCommitDateError(d: LocalDate | CommitDateError | null | undefined): d is CommitDateError {
  return typeof d === 'object' && d !== null;
}

/** A year-less date already past this year means next year's only if that is at most this many days ahead. */
const MAX_AHEAD_DAYS = 183;

const RELATIVE = new Map<string, number>(Object.entries({
  'hom nay': 0, 'trong ngay': 0, 'trong hom nay': 0, 'hnay': 0,
  'mai': 1, 'ngay mai': 1, 'sang mai': 1, 'chieu mai': 1, 'trong ngay mai': 1,
  'ngay kia': 2, 'mot': 2, 'ngay mot': 2,
}));

/** 0 = Sunday … 6 = Saturday. */
const WEEKDAYS: Record<string, number> = {
  '2': 1, hai: 1, '3': 2, ba: 2, '4': 3, tu: 3, '5': 4, nam: 4, '6': 5, sau: 5, '7': 6, bay: 6,
};

const DATE = new RegExp(`^(?:(?:vao|trong|truoc|han) )?(?:ngay )?(${DATE_SRC})$`);

/** A date not before today, a structured error, or null if the text is not a date. */
export function parseCommitDate(text: string, at: Date): LocalDate | CommitDateError | null {
  const today = localDate(at);
  const s = prepareDateText(text);
  const fail = (error: CommitDateErrorCode): CommitDateError => ({ error, text: tidy(text) });
  const notPast = (d: LocalDate): LocalDate | CommitDateError => (d < today ? fail('past') : d);

  const days = RELATIVE.get(s);
  if (days !== undefined) return addDays(today, days);

  let m = /^(?:sau )?(\d{1,3}) ngay(?: nua)?$/.exec(s);
  if (m && (s.startsWith('sau ') || s.endsWith(' nua'))) return addDays(today, Number(m[1]));

  // "thứ 6", "thu sau", "t6", "chủ nhật", "cn", optionally "tuần này" / "tuần sau".
  m = /^(?:(?:vao|trong|truoc) )?(?:thu ?([2-7]|hai|ba|tu|nam|sau|bay)|t([2-7])|(chu nhat|cn))(?: (tuan nay|nay|tuan sau|tuan toi))?$/.exec(s);
  if (m) {
    const target = m[3] ? 0 : WEEKDAYS[m[1] ?? m[2]!]!;
    const which = m[4];
    if (which === undefined || which === 'nay') {
      // The next such day after today ("thứ 6" said on a Friday is next Friday).
      const ahead = ((target - weekday(today) + 6) % 7) + 1;
      return addDays(today, ahead);
    }
    // Within this (Mon–Sun) week or the next one.
    const monday = addDays(mondayOf(today), which === 'tuan nay' ? 0 : 7);
    return notPast(addDays(monday, (target + 6) % 7));
  }

  m = DATE.exec(s);
  const parts = m ? dateParts(m[1]!) : null;
  if (parts === null) return null;
  if (parts === 'invalid') return fail('invalid_date');
  if (parts.year !== undefined) {
    const d = ymd(parts.year, parts.month, parts.day);
    return d === null ? fail('invalid_date') : notPast(d);
  }
  const year = yearOf(today);
  const thisYear = ymd(year, parts.month, parts.day);
  if (thisYear !== null && thisYear >= today) return thisYear;
  // Already past: next year's, if it is near ("05/01" typed on 28/12).
  const nextYear = ymd(year + 1, parts.month, parts.day);
  if (nextYear !== null && toEpochDay(nextYear) - toEpochDay(today) <= MAX_AHEAD_DAYS) return nextYear;
  return thisYear === null && nextYear === null ? fail('invalid_date') : fail('past');
}

/** A button's yyyymmdd: the date, invalid_date if there is no such day (20261399), null if it is not 8 digits. */
export function buttonCommitDate(day: string): LocalDate | CommitDateError | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(day);
  if (!m) return null;
  return ymd(Number(m[1]), Number(m[2]), Number(m[3])) ?? { error: 'invalid_date', text: day };
}

/** The date if it lies within [today, last]; otherwise past or too_far, reported with `text` (what the official gave). */
export function withinCommitHorizon(date: LocalDate, today: LocalDate, last: LocalDate, text: string): LocalDate | CommitDateError {
  if (date < today) return { error: 'past', text };
  if (date > last) return { error: 'too_far', text };
  return date;
}
