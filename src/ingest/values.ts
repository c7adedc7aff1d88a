// Parsers for the values found in one-stop exports and API payloads. Each returns the value, null
// for an empty cell, or a Failure naming a locales message (the caller adds the column). Pure:
// the clock is never read here. Words are looked up in Maps, never in plain objects (whose
// prototype answers to "constructor"). A value is refused rather than altered: the only
// normalisations are trimmed spaces, Unicode NFC for text, and the date forms read below.
import { fold } from '../i18n/fold.ts';

/** A cell as the readers give it: CSV text, an xlsx number/boolean/Date, or a JSON value. */
export type Raw = unknown;

export interface Failure {
  fail: string;
  args?: Record<string, string | number>;
}
export type Parsed<T> = T | null | Failure;

export const isFailure = (x: unknown): x is Failure => typeof x === 'object' && x !== null && 'fail' in x;
const failure = (fail: string, args?: Record<string, string | number>): Failure => (args ? { fail, args } : { fail });

const HOUR_MS = 3_600_000;
const VN_OFFSET_MS = 7 * HOUR_MS;
/** Excel's day 0 (1899-12-30, the 1900 date system) in Unix days. */
const EXCEL_EPOCH_DAYS = 25_569;
const MAX_EXCEL_SERIAL = 2_958_466; // 9999-12-31

/**
 * Whether a string holds half of a UTF-16 surrogate pair: JSON escapes ("\ud800") and broken
 * converters produce them; storing one turns it into U+FFFD, so the value would no longer match
 * itself. (A regular expression with the u flag sees a well-formed pair as one code point.)
 */
export function hasLoneSurrogate(s: string): boolean {
  return /\p{Cs}/u.test(s);
}

/** U+FFFD, which a decoder puts where bytes were not valid in the file's encoding. */
const REPLACEMENT_CHARACTER = '\uFFFD';

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
const utf8Length = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/**
 * Bytes as UTF-8 text (a leading BOM dropped) with U+FFFD where a byte is not UTF-8 (the value
 * parsers refuse it, naming the field), and the offset of the first such byte (null if none): the
 * first U+FFFD the decoder made that the bytes did not spell out themselves.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; invalidAt: number | null } {
  const text = UTF8.decode(bytes);
  let invalidAt: number | null = null;
  if (text.includes(REPLACEMENT_CHARACTER)) {
    let offset = 0;
    for (const ch of text) {
      if (ch === REPLACEMENT_CHARACTER && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) {
        invalidAt = offset;
        break;
      }
      offset += utf8Length(ch.codePointAt(0)!);
    }
  }
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, invalidAt };
}

/** The text of a cell, trimmed; null when empty. Numbers keep their plain decimal form. */
export function text(raw: Raw): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') {
    const s = raw.trim();
    return s === '' ? null : s;
  }
  if (typeof raw === 'number') return Number.isFinite(raw) ? (Number.isInteger(raw) ? BigInt(raw).toString() : String(raw)) : null;
  if (typeof raw === 'boolean') return raw ? '1' : '0';
  return null;
}

/**
 * The text of a cell for every parser but the dates': null when empty, or a failure for what
 * cannot be such a value — true/false (the parser's own failure), a number that is not finite
 * or lies beyond 2^53 (its digits were lost before dunghan saw it), broken Unicode or control
 * characters (which word matching would otherwise drop, reading "Trực tuyến\u0000" as online).
 */
function scalarText(raw: Raw, fail: Failure): string | null | Failure {
  if (raw === null || raw === undefined) return null;
  let s: string | null;
  if (typeof raw === 'string') s = text(raw);
  else if (typeof raw === 'number' && Number.isFinite(raw) && (!Number.isInteger(raw) || Number.isSafeInteger(raw))) s = text(raw);
  else return fail;
  if (s === null) return null;
  if (hasLoneSurrogate(s) || s.includes(REPLACEMENT_CHARACTER)) return failure('ingest-bad-unicode');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(s)) return failure('ingest-control-chars');
  return s;
}

/** Non-empty text without control characters or broken Unicode, at most `max` characters, in NFC. */
export function parseText(raw: Raw, max: number): Parsed<string> {
  const t = scalarText(raw, failure('ingest-bad-text'));
  if (t === null || isFailure(t)) return t;
  // A number is kept as its decimal digits; one only written with an exponent is no code or name.
  if (typeof raw === 'number' && /e/i.test(t)) return failure('ingest-bad-text');
  const s = t.normalize('NFC');
  return s.length > max ? failure('ingest-too-long', { max }) : s;
}

export interface DateOptions {
  /** Minutes after local midnight given to a date without a time (0 = midnight). */
  dateOnlyMinutes?: number;
}

/** Local wall time in Asia/Ho_Chi_Minh to an instant, or null if the parts are not a real time. */
function wallTime(y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0, offsetMs = VN_OFFSET_MS): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return new Date(utc - offsetMs);
}

/** An Excel serial date (days since 1899-12-30, fraction = time of day), read as Vietnamese wall time. */
function excelSerial(serial: number): Date | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_EXCEL_SERIAL) return null;
  // Excel stores times as binary fractions: round to the second.
  const seconds = Math.round((serial - EXCEL_EPOCH_DAYS) * 86_400);
  return new Date(seconds * 1000 - VN_OFFSET_MS);
}

const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:hg](\d{2})(?::(\d{2}))?)?$/i;
const HM_DMY = /^(\d{1,2})[:hg](\d{2})(?::(\d{2}))?[ ,]+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/i;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const SERIAL = /^\d{1,7}(?:[.,]\d+)?$/;

/** Real UTC offsets run from -12:00 to +14:00. */
const MAX_OFFSET_MINUTES = { '-': 12 * 60, '+': 14 * 60 } as const;

/** An ISO offset in milliseconds, or null if no place on Earth uses it ("+99:99"). */
function offsetMs(zone: string): number | null {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone[0] === '-' ? '-' : '+';
  const digits = zone.slice(1).replace(':', '');
  const [hours, minutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4) || '0')];
  const total = hours * 60 + minutes;
  if (minutes > 59 || total > MAX_OFFSET_MINUTES[sign]) return null;
  return (sign === '-' ? -1 : 1) * total * 60_000;
}

/**
 * An instant: yyyyMMddHHmmss (also yyyyMMdd, yyyyMMddHHmm), dd/MM/yyyy[ HH:mm[:ss]] (also
 * "HH:mm dd/MM/yyyy"), ISO 8601, or an Excel serial number. Without an offset the time is
 * Vietnamese (UTC+7).
 */
export function parseInstant(raw: Raw, opts: DateOptions = {}): Parsed<Date> {
  const dateOnly = (opts.dateOnlyMinutes ?? 0) * 60_000;
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Date) {
    // exceljs gives a cell's wall-clock time as if it were UTC.
    return Number.isNaN(raw.getTime()) ? failure('ingest-bad-date') : new Date(raw.getTime() - VN_OFFSET_MS);
  }
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 10_000_000) return parseInstant(String(raw), opts);
    return serialInstant(raw, dateOnly);
  }
  if (typeof raw !== 'string') return failure('ingest-bad-date');
  const s = raw.trim();
  if (s === '') return null;
  let m = COMPACT.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec] = m;
    const t = wallTime(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(sec ?? 0));
    if (!t) return failure('ingest-bad-date');
    return h === undefined ? new Date(t.getTime() + dateOnly) : t;
  }
  if ((m = DMY.exec(s))) {
    const [, d, mo, y, h, mi, sec] = m;
    const t = wallTime(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(sec ?? 0));
    if (!t) return failure('ingest-bad-date');
    return h === undefined ? new Date(t.getTime() + dateOnly) : t;
  }
  if ((m = HM_DMY.exec(s))) {
    const [, h, mi, sec, d, mo, y] = m;
    return wallTime(+y!, +mo!, +d!, +h!, +mi!, +(sec ?? 0)) ?? failure('ingest-bad-date');
  }
  if ((m = ISO.exec(s))) {
    const [, y, mo, d, h, mi, sec, frac, zone] = m;
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    const offset = zone ? offsetMs(zone) : VN_OFFSET_MS;
    if (offset === null) return failure('ingest-bad-date');
    const t = wallTime(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(sec ?? 0), Math.min(ms, 999), offset);
    if (!t) return failure('ingest-bad-date');
    return h === undefined && !zone ? new Date(t.getTime() + dateOnly) : t;
  }
  if (SERIAL.test(s)) return serialInstant(Number(s.replace(',', '.')), dateOnly);
  return failure('ingest-bad-date');
}

/** An Excel serial; a whole one is a date cell without a time, like "27/11/2026". */
function serialInstant(serial: number, dateOnlyMs: number): Date | Failure {
  const t = excelSerial(serial);
  if (!t) return failure('ingest-bad-date');
  return Number.isInteger(serial) ? new Date(t.getTime() + dateOnlyMs) : t;
}

/** Folded words without punctuation, for matching words in cells: "Trực tuyến (mức 4)" → "truc tuyen". */
export function words(s: string): string {
  return fold(s.replace(/\([^)]*\)/g, ' ')).replace(/[^a-z0-9]+/g, ' ').trim();
}

const CHANNEL_WORDS = new Map<string, number>(Object.entries({
  'truc tiep': 1, 'nop truc tiep': 1, 'tai quay': 1, 'tai bo phan mot cua': 1, direct: 1, offline: 1,
  'truc tuyen': 2, 'nop truc tuyen': 2, 'qua mang': 2, online: 2, 'dich vu cong truc tuyen': 2, 'dvc truc tuyen': 2,
  'buu chinh': 3, 'buu chinh cong ich': 3, 'qua buu chinh': 3, 'qua buu chinh cong ich': 3, postal: 3, 'buu dien': 3,
}));

/** KenhThucHien: 1 direct, 2 online, 3 postal; an empty cell is direct (Decision 766). */
export function parseChannel(raw: Raw, extra?: ReadonlyMap<string, number>): Parsed<number> {
  const s = scalarText(raw, failure('ingest-bad-channel'));
  if (s === null) return 1;
  if (isFailure(s)) return s;
  if (/^[123]$/.test(s)) return Number(s);
  const w = words(s);
  return extra?.get(w) ?? CHANNEL_WORDS.get(w) ?? failure('ingest-bad-channel');
}

/** TrangThaiHoSo names (docs/rules.md#status-codes), folded, and the DVCQG keys. */
const STATUS_WORDS = new Map<string, number>(Object.entries({
  'moi dang ky': 1, 'dang ky moi': 1, 'cho tiep nhan': 1, receiving: 1,
  'duoc tiep nhan': 2, 'da tiep nhan': 2, 'tiep nhan': 2, 'moi tiep nhan': 2, new: 2,
  'khong duoc tiep nhan': 3, 'tu choi tiep nhan': 3, 'tu choi': 3, 'khong tiep nhan': 3, denied: 3,
  'dang xu ly': 4, 'dang giai quyet': 4, processing: 4,
  'yeu cau bo sung giay to': 5, 'yeu cau bo sung': 5, 'cho bo sung': 5, 'bo sung ho so': 5, 'yeu cau bo sung hoan thien ho so': 5, waiting: 5,
  'yeu cau thuc hien nghia vu tai chinh': 6, 'cho thuc hien nghia vu tai chinh': 6, 'nghia vu tai chinh': 6, paying: 6,
  'cong dan yeu cau rut ho so': 7, 'rut ho so': 7, 'da rut ho so': 7, 'cong dan rut ho so': 7, cancelled: 7, canceled: 7,
  'dung xu ly': 8, 'tam dung': 8, 'dung giai quyet': 8, unresolved: 8,
  'da xu ly xong': 9, 'xu ly xong': 9, 'da co ket qua': 9, 'co ket qua': 9, releasing: 9,
  'da tra ket qua': 10, 'da tra': 10, 'tra ket qua': 10, done: 10,
}));

/** TrangThaiHoSo 1–10, from the code or the status name. */
export function parseStatus(raw: Raw, extra?: ReadonlyMap<string, number>): Parsed<number> {
  const s = scalarText(raw, failure('ingest-bad-status'));
  if (s === null || isFailure(s)) return s;
  if (/^(10|[1-9])$/.test(s)) return Number(s);
  const w = words(s);
  return extra?.get(w) ?? STATUS_WORDS.get(w) ?? failure('ingest-bad-status');
}

const TRUE_WORDS = new Set(['1', 'true', 'co', 'x', 'yes', 'y', 'da', 'dung', 'v']);
const FALSE_WORDS = new Set(['0', 'false', 'khong', 'no', 'n', 'chua', 'sai']);

/** Yes/no: 1/0, true/false, có/không, x, ✓; an empty cell is no. Any other number ("-1") is neither. */
export function parseBoolean(raw: Raw): Parsed<boolean> {
  if (typeof raw === 'boolean') return raw;
  const s = scalarText(raw, failure('ingest-bad-boolean'));
  if (s === null) return false;
  if (isFailure(s)) return s;
  if (s === '1') return true;
  if (s === '0') return false;
  if (s === '✓' || s === '✔') return true;
  // Words are compared without punctuation: "-1" must not become "1".
  if (/\d/.test(s)) return failure('ingest-bad-boolean');
  const w = words(s);
  if (TRUE_WORDS.has(w)) return true;
  if (FALSE_WORDS.has(w)) return false;
  return failure('ingest-bad-boolean');
}

/** DuocThanhToanTrucTuyen: 1 (on DVCQG) or 2 (local gateway) means paid online; also yes/no words. */
export function parsePaidOnline(raw: Raw): Parsed<boolean> {
  if (raw === 2 || (typeof raw === 'string' && raw.trim() === '2')) return true;
  return parseBoolean(raw);
}

const MAX_MONEY = 2_147_483_647;

/** VND, whole: "20000", "20.000", "20,000", "20 000 đ", "20.000 VNĐ"; an empty cell is 0. */
export function parseMoney(raw: Raw): Parsed<number> {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 0 || raw > MAX_MONEY) return failure('ingest-bad-money');
    return Number.isInteger(raw) ? raw : failure('ingest-bad-money');
  }
  const s = scalarText(raw, failure('ingest-bad-money'));
  if (s === null) return 0;
  if (isFailure(s)) return s;
  if (/^\d{1,10}$/.test(s)) return Number(s) <= MAX_MONEY ? Number(s) : failure('ingest-bad-money');
  const bare = fold(s).replace(/(vnd|dong|d|₫)\.?$/u, '').replace(/[\s\u00a0]/g, '');
  let n: number;
  if (/^\d{1,3}([.,]\d{3})+$/.test(bare)) n = Number(bare.replace(/[.,]/g, ''));
  else if (/^\d+$/.test(bare)) n = Number(bare);
  else if (/^\d+[.,]0{1,2}$/.test(bare)) n = Number(bare.split(/[.,]/)[0]);
  else return failure('ingest-bad-money');
  return n <= MAX_MONEY ? n : failure('ingest-bad-money');
}

/** A whole number within [min, max]; empty is null. */
export function parseCount(raw: Raw, min: number, max: number): Parsed<number> {
  const s = scalarText(raw, failure('ingest-bad-count', { min, max }));
  if (s === null || isFailure(s)) return s;
  if (!/^\d+$/.test(s)) return failure('ingest-bad-count', { min, max });
  const n = Number(s);
  return n >= min && n <= max ? n : failure('ingest-bad-count', { min, max });
}

const SATISFACTION_WORDS = new Map<string, number>(Object.entries({
  'rat hai long': 3, 'hai long': 2, 'khong hai long': 1, 'chua hai long': 1, 'very satisfied': 3, satisfied: 2, dissatisfied: 1,
}));

/** DanhGiaHaiLong: 3 very satisfied, 2 satisfied, 1 dissatisfied; empty is not rated. */
export function parseSatisfaction(raw: Raw): Parsed<number> {
  const s = scalarText(raw, failure('ingest-bad-satisfaction'));
  if (s === null || isFailure(s)) return s;
  if (/^[123]$/.test(s)) return Number(s);
  return SATISFACTION_WORDS.get(words(s)) ?? failure('ingest-bad-satisfaction');
}
