// Hostile dossiers for the fuzz suites (the ingest API and the file import). Every field value is
// generated together with what the ingest must make of it: the value stored (differing from the
// input only by the normalisations the README lists: surrounding spaces trimmed, Unicode NFC,
// the date forms), a refusal when the field is read ('bad'), a refusal by the rules across fields
// ('range': dates out of range or out of order), or an unknown unit or procedure ('unknown').
// The classes the issue names are all here: prototype names in every enumerated field, lone
// surrogates and bytes that are not UTF-8 in every text field, impossible offsets, dates and
// numbers (negative, huge, NaN, year 0000/9999), NUL and other control characters, duplicate codes.
import fc from 'fast-check';
import { expect } from 'vitest';

export type Medium = 'api' | 'csv' | 'xlsx';

/** A JSON token written as is: numbers JSON.stringify cannot write (1e400, 9007199254740993). */
export class RawJson {
  constructor(readonly json: string) {}
}
/** Text with bytes that are not UTF-8 between two parts (API bodies only). */
export class BadBytes {
  constructor(readonly before: string, readonly bytes: readonly number[], readonly after: string) {}
}
/** A JSON object as ordered key/value pairs, so "__proto__" and repeated keys are written as such. */
export class JsonObject {
  constructor(readonly entries: readonly (readonly [string, Value])[]) {}
}
export type Value = string | number | boolean | null | RawJson | BadBytes | JsonObject | readonly Value[];

/** What a stored Dossier column holds. */
export type Stored = string | number | boolean | Date | null;
export type Verdict = { kind: 'ok'; stored: Stored } | { kind: 'bad' } | { kind: 'range' } | { kind: 'unknown' };
export interface Cell {
  value: Value;
  verdict: Verdict;
  /** The class of input, for the coverage check: "prototype", "lone-surrogate", "not-utf8", … */
  tag: string;
}

const ok = (value: Value, stored: Stored, tag = 'valid'): Cell => ({ value, verdict: { kind: 'ok', stored }, tag });
const bad = (value: Value, tag: string): Cell => ({ value, verdict: { kind: 'bad' }, tag });
const range = (value: Value, tag: string): Cell => ({ value, verdict: { kind: 'range' }, tag });
const unknown = (value: Value, tag: string): Cell => ({ value, verdict: { kind: 'unknown' }, tag });

/**
 * Whether a medium can carry a value as it is. A CSV cell is text, and never broken Unicode: the
 * reader judges a CSV file's encoding as a whole (issue 12, the file part), so U+FFFD and lone
 * surrogates are tried in xlsx cells and API payloads. An xlsx cell holds no control characters
 * (exceljs drops them).
 */
export function carries(medium: Medium, value: Value): boolean {
  if (medium === 'api') return true;
  if (typeof value === 'string' && medium === 'csv') return !/\p{Cs}|\ufffd/u.test(value);
  if (typeof value === 'string') return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\r]/.test(value);
  if (medium === 'csv') return value === null;
  return value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

export const PROTOTYPE_WORDS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'] as const;
const cases = (w: string): string[] => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1).toLowerCase()];
/** Each prototype name in lower, upper and title case. */
export const PROTOTYPE_SPELLINGS = PROTOTYPE_WORDS.flatMap(cases);
/** Byte sequences that are not UTF-8: a stray continuation or 0xFF, a truncated sequence, a surrogate in CESU-8, an overlong form, a 5-byte form. */
export const NOT_UTF8: readonly (readonly number[])[] = [[0xff], [0x80], [0xc3], [0xe1, 0xba], [0xed, 0xa0, 0x80], [0xc0, 0xaf],
  [0xf8, 0x88, 0x80, 0x80, 0x80]];

const nfd = (s: string) => s.normalize('NFD');

// ── Text ──────────────────────────────────────────────────────────────────────────────────────

/** The documented rule for a text field, for generated strings: refused if broken or with control characters, else trimmed and NFC. */
function textVerdict(s: string, max: number, required: boolean): Verdict {
  const t = s.trim();
  if (t === '') return required ? { kind: 'bad' } : { kind: 'ok', stored: null };
  if (/\p{Cs}/u.test(t) || t.includes('\ufffd') || /[\u0000-\u001f\u007f-\u009f]/.test(t)) return { kind: 'bad' };
  return t.normalize('NFC').length > max ? { kind: 'bad' } : { kind: 'ok', stored: t.normalize('NFC') };
}

/** Values every text field refuses, around a harmless text. */
function brokenText(around: string, max: number): Cell[] {
  return [
    bad(`${around}\ud800`, 'lone-surrogate'), bad(`\udc00${around}`, 'lone-surrogate'), bad(`${around}\udc00\ud83d`, 'lone-surrogate'),
    bad(`${around}\ufffd`, 'replacement-char'),
    bad(`${around}\u0000`, 'nul'), bad(`\u0000`, 'nul'), bad(`${around}\u0007x`, 'control'), bad(`${around}\u0085`, 'control'),
      bad(`${around}\ndòng 2`, 'control'),
    bad('x'.repeat(max + 1), 'too-long'),
    ...NOT_UTF8.map((bytes) => bad(new BadBytes(around, bytes, 'x'), 'not-utf8')),
    bad(new RawJson('1e400'), 'huge-number'), bad(new RawJson('-1e400'), 'huge-number'), bad(new RawJson('9007199254740993'), 'huge-number'),
    bad(1e21, 'huge-number'), bad(1e-7, 'number'), bad(true, 'boolean'), bad(new JsonObject([['x', 1]]), 'object'), bad([around], 'array'),
  ];
}

/** Text a field must keep as given (but for trimming and NFC), however odd. */
function oddText(max: number): Cell[] {
  const keep = (v: string, tag = 'odd-text') => ok(v, v.trim().normalize('NFC'), tag);
  return [
    keep('Đăng ký khai sinh'), keep('  Hộ tịch  ', 'spaces'), keep(nfd('Nguyễn Thị Thùy Trâm'), 'nfd'), keep('😀🇻🇳 Bình Sơn'), keep(`O'Brien "Jr", a;b`),
    keep('Robert"); DROP TABLE "Dossier";--'), keep('<script>alert(1)</script>'), keep('\\'), keep('x'.repeat(max), 'max-length'),
    ...PROTOTYPE_SPELLINGS.map((w) => keep(w, 'prototype-as-text')),
    ok(12345, '12345', 'number'), ok(-1, '-1', 'negative'), ok(1.5, '1.5', 'number'),
  ];
}

function textField(max: number, required: boolean): { valid: fc.Arbitrary<Cell>; hostile: fc.Arbitrary<Cell> } {
  const generated = fc
    .oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }))
    .map((s): Cell => ({ value: s, verdict: textVerdict(s, max, required), tag: 'random-text' }));
  const empty = required ? [bad('', 'empty-required'), bad('   ', 'empty-required'), bad(null, 'empty-required')] : [ok('', null, 'empty'),
    ok(null, null, 'empty')];
  return { valid: fc.constantFrom(...oddText(max)), hostile: fc.oneof(fc.constantFrom(...brokenText('Sơn', max), ...empty), generated) };
}

// ── Words and numbers ─────────────────────────────────────────────────────────────────────────

/** What every word or number field refuses: prototype names, broken text, control characters, objects. */
function hostileWords(around: string): Cell[] {
  return [
    ...PROTOTYPE_SPELLINGS.map((w) => bad(w, 'prototype')),
    bad(`${around}\ud800`, 'lone-surrogate'), bad(`${around}\ufffd`, 'replacement-char'), bad(`${around}\u0000`, 'nul'), bad(`\u0000${around}`, 'nul'),
      bad(`${around}\u0007`, 'control'),
    ...NOT_UTF8.slice(0, 3).map((bytes) => bad(new BadBytes(around, bytes, ''), 'not-utf8')),
    bad('NaN', 'nan'), bad('Infinity', 'nan'), bad(new RawJson('1e400'), 'huge-number'), bad(new RawJson('-1e400'), 'huge-number'),
      bad('99999999999999999999', 'huge-number'),
    bad(new JsonObject([['__proto__', around]]), 'object'), bad([], 'array'),
  ];
}

const words = (valid: Cell[], hostile: Cell[]) => ({ valid: fc.constantFrom(...valid), hostile: fc.constantFrom(...hostile) });

const CHANNEL = words(
  [ok(1, 1), ok(2, 2), ok(3, 3), ok('2', 2), ok(' 3 ', 3), ok('Trực tiếp', 1), ok('trực tuyến', 2), ok('TRUC TUYEN', 2), ok(nfd('Bưu chính công ích'), 3),
    ok('online', 2), ok('Trực tuyến (mức 4)', 2), ok('', 1, 'empty'), ok(null, 1, 'empty')],
  [...hostileWords('Trực tuyến'), bad('4', 'out-of-range'), bad('0', 'out-of-range'), bad('-1', 'negative'), bad('2.5', 'number'), bad(-1, 'negative'),
    bad(0, 'out-of-range'), bad(4, 'out-of-range'), bad(2.5, 'number'), bad(true, 'boolean'), bad('Fax', 'word')],
);
const STATUS = words(
  [ok(4, 4), ok('4', 4), ok('Đang xử lý', 4), ok(nfd('đang xử lý'), 4), ok('processing', 4), ok('ĐANG GIẢI QUYẾT', 4), ok(2, 2), ok('Được tiếp nhận', 2),
    ok(' new ', 2)],
  [...hostileWords('Đang xử lý'), bad('11', 'out-of-range'), bad('0', 'out-of-range'), bad('-4', 'negative'), bad(11, 'out-of-range'), bad(-4, 'negative'),
    bad(4.5, 'number'), bad(false, 'boolean'), bad('', 'empty-required'), bad(null, 'empty-required'), bad('Hoàn thành', 'word')],
);
const SATISFACTION = words(
  [ok(3, 3), ok('3', 3), ok('Rất hài lòng', 3), ok(2, 2), ok(nfd('hài lòng'), 2), ok(1, 1), ok('Không hài lòng', 1), ok('', null, 'empty'),
    ok(null, null, 'empty')],
  [...hostileWords('Hài lòng'), bad(0, 'out-of-range'), bad(4, 'out-of-range'), bad('-3', 'negative'), bad(-3, 'negative'), bad(true, 'boolean'),
    bad('5 sao', 'word')],
);
const yesNo = (twoIsYes: boolean) =>
  words(
    [
      ok(1, true), ok('1', true), ok(true, true), ok('Có', true), ok('x', true), ok(' Đã ', true), ok('yes', true), ok('✓', true),
      ok(0, false), ok('0', false), ok(false, false), ok('không', false), ok(nfd('Không'), false), ok('no', false), ok('', false, 'empty'),
        ok(null, false, 'empty'),
      ...(twoIsYes ? [ok(2, true), ok('2', true)] : []),
    ],
    [
      ...hostileWords('Có'), bad(-1, 'negative'), bad('-1', 'negative'), bad('+1', 'negative'), bad('-0', 'negative'), bad('1.0', 'number'),
        bad(1.5, 'number'), bad('3', 'out-of-range'), bad(3, 'out-of-range'),
      bad('maybe', 'word'), ...(twoIsYes ? [] : [bad(2, 'out-of-range'), bad('2', 'out-of-range')]),
    ],
  );
const MONEY = words(
  [ok(8000, 8000), ok('8000', 8000), ok('8.000', 8000), ok('8,000', 8000), ok('8.000 đ', 8000), ok('8 000 VNĐ', 8000), ok('1.250.000', 1250000), ok(0, 0),
    ok('', 0, 'empty'), ok(null, 0, 'empty')],
  [...hostileWords('8.000'), bad(-1, 'negative'), bad('-8000', 'negative'), bad(8000.5, 'number'), bad('8.0.0', 'number'), bad(2147483648, 'huge-number'),
    bad('99999999999', 'huge-number'), bad(true, 'boolean')],
);
const COUNT = words(
  [ok(0, null), ok('0', null), ok('', null, 'empty'), ok(null, null, 'empty')],
  [...hostileWords('1'), bad(-1, 'negative'), bad('-1', 'negative'), bad(21, 'out-of-range'), bad(1.5, 'number'), bad('1e3', 'number'), bad(true, 'boolean')],
);

// ── Dates ─────────────────────────────────────────────────────────────────────────────────────

/** A wall time in Vietnam. */
export const vn = (y: number, mo: number, d: number, h = 0, mi = 0): Date => new Date(Date.UTC(y, mo - 1, d, h - 7, mi));
const p2 = (n: number) => String(n).padStart(2, '0');
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Every form the README lists for one instant (a due date may also be a date alone: the end of working hours, 17:00). */
function spellings(at: Date, due: boolean): Cell[] {
  const w = new Date(at.getTime() + 7 * 3_600_000);
  const [y, mo, d, h, mi] = [w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes()];
  const ymd = `${y}${p2(mo)}${p2(d)}`;
  const serial = (w.getTime() - EXCEL_EPOCH) / 86_400_000;
  const f = (value: Value, tag = 'date-form') => ok(value, at, tag);
  const out = [
    f(`${ymd}${p2(h)}${p2(mi)}00`), f(`${ymd}${p2(h)}${p2(mi)}`), f(`${p2(d)}/${p2(mo)}/${y} ${p2(h)}:${p2(mi)}`), f(`${d}/${mo}/${y} ${h}:${p2(mi)}:00`),
    f(`${p2(d)}-${p2(mo)}-${y} ${h}h${p2(mi)}`), f(`${p2(d)}.${p2(mo)}.${y} ${p2(h)}:${p2(mi)}`), f(`${p2(h)}:${p2(mi)} ${p2(d)}/${p2(mo)}/${y}`),
    f(`${y}-${p2(mo)}-${p2(d)}T${p2(h)}:${p2(mi)}:00+07:00`), f(`${y}-${p2(mo)}-${p2(d)}T${p2(h)}:${p2(mi)}:00.000+0700`), f(at.toISOString(), 'offset'),
    f(new Date(at.getTime() + 5.75 * 3_600_000).toISOString().replace(/\.000Z$/, '+05:45'), 'offset'), f(`${y}-${p2(mo)}-${p2(d)} ${p2(h)}:${p2(mi)}`),
    f(`  ${p2(d)}/${p2(mo)}/${y} ${p2(h)}:${p2(mi)}  `, 'spaces'), f(Number(`${ymd}${p2(h)}${p2(mi)}00`), 'number'), f(serial, 'excel-serial'),
      f(String(serial), 'excel-serial'),
  ];
  if (due && h === 17 && mi === 0) {
    const day = Math.round(serial - 17 / 24);
    out.push(f(`${p2(d)}/${p2(mo)}/${y}`, 'date-only'), f(`${y}-${p2(mo)}-${p2(d)}`, 'date-only'), f(ymd, 'date-only'), f(day, 'date-only'),
      f(String(day), 'date-only'));
  }
  return out;
}

/** Values no date field can read. */
const BAD_DATES: Cell[] = [
  bad('2026-11-20T09:00:00+99:99', 'offset'), bad('2026-11-20T09:00:00-99:99', 'offset'), bad('2026-11-20T09:00:00+15:00', 'offset'),
    bad('2026-11-20T09:00:00+07:60', 'offset'),
  bad('2026-11-20T09:00:00-1200x', 'offset'), bad('0000-01-01T00:00:00', 'year-0000'), bad('00000101', 'year-0000'), bad('31/12/0000 09:00', 'year-0000'),
  bad('2026-13-01', 'bad-date'), bad('31/11/2026 09:00', 'bad-date'), bad('2026-11-20T24:00', 'bad-date'), bad('29/02/2026', 'bad-date'),
    bad('hôm qua', 'word'),
  bad('NaN', 'nan'), bad('Infinity', 'nan'), bad('-1', 'negative'), bad(-1, 'negative'), bad(0, 'out-of-range'), bad(2958466, 'huge-number'),
    bad(1e12, 'huge-number'),
  bad(new RawJson('1e400'), 'huge-number'), bad(new RawJson('-1e400'), 'huge-number'), bad('99999999999999999999', 'huge-number'), bad(true, 'boolean'),
  bad('2026-11-20\u000009:00', 'nul'), bad('20261120090000\ud800', 'lone-surrogate'), bad(new BadBytes('20261120', [0xff], '090000'), 'not-utf8'),
  ...PROTOTYPE_SPELLINGS.slice(0, 6).map((w) => bad(w, 'prototype')), bad(new JsonObject([]), 'object'),
];
/** Dates read fine but out of range for any dossier event: year 9999, before 2000, the future. */
const FAR_DATES: Cell[] = [
  range('9999-12-31T23:59:59+07:00', 'year-9999'), range('31/12/9999 23:59', 'year-9999'), range('99991231235959', 'year-9999'),
    range('1999-12-31 23:59', 'too-old'),
  range(1, 'too-old'), range('1', 'too-old'), range('28/12/2026 09:00', 'future'),
];
const FAR_DUE: Cell[] = FAR_DATES.filter((c) => c.tag !== 'future');

/** When the fixed dossier happened: submitted, received, due, rescheduled (now is 27/11/2026 09:00). */
export const TIMES = { now: new Date('2026-11-27T02:00:00Z'), submitted: vn(2026, 11, 20, 8, 30), received: vn(2026, 11, 20, 9), due: vn(2026, 11, 25, 17),
  rescheduled: vn(2026, 12, 1, 17) };

/** NgayHenTra left out: the due date is computed from the procedure's time limit. */
export const COMPUTED = 'computed';

const dateField = (at: Date | null, o: { due?: boolean; required?: boolean; before?: Date; empty?: Stored }) => {
  const valid = at ? spellings(at, o.due === true) : [];
  if (!o.required) valid.push(ok('', o.empty ?? null, 'empty'), ok(null, o.empty ?? null, 'empty'));
  const hostile = [...BAD_DATES, ...(o.due ? FAR_DUE : FAR_DATES), ...(o.required ? [bad('', 'empty-required'), bad(null, 'empty-required')] : [])];
  if (o.before) hostile.push(range(spellings(o.before, false)[0]!.value, 'out-of-order'));
  return { valid: fc.constantFrom(...valid), hostile: fc.constantFrom(...hostile) };
};

// ── Units, procedures, codes ──────────────────────────────────────────────────────────────────

/** Unit keys of test/ingest/support/org.ts: by agency code, short code or name, any case, NFC or NFD. */
const UNIT = {
  valid: fc.constantFrom(
    ok('000.12.31.H55', 'XBS-KT'), ok(' 000.12.31.H55 ', 'XBS-KT'), ok('XBS-KT', 'XBS-KT'), ok('Phòng Kinh tế xã Bình Sơn', 'XBS-KT'),
      ok(nfd('PHÒNG KINH TẾ XÃ BÌNH SƠN'), 'XBS-KT'),
    ok('phong kinh te xa binh son', 'XBS-KT'), ok('000.00.12.H55', 'XBS'), ok('XBS', 'XBS'), ok('Xã Bình Sơn', 'XBS'),
  ),
  hostile: fc.constantFrom(...PROTOTYPE_SPELLINGS.map((w) => unknown(w, 'prototype')), unknown('Xã Không Có', 'unknown'), unknown('000.99.99.H55', 'unknown'),
    ...brokenText('XBS', 300), bad('', 'empty-required'), bad(null, 'empty-required')),
};
const PROCEDURE = {
  valid: fc.constantFrom(ok('1.001193', 'KS'), ok(' 1.001193 ', 'KS'), ok(1.001193, 'KS', 'number'), ok('1.009972', 'XD')),
  hostile: fc.constantFrom(...PROTOTYPE_SPELLINGS.map((w) => unknown(w, 'prototype')), unknown('9.999999', 'unknown'), ...brokenText('1.001193', 100),
    bad('', 'empty-required')),
};

/** A dossier code from a small pool (so codes repeat: updates and duplicates), spelled with spaces or in NFD. */
export function codeCell(prefix: string, pool: number): fc.Arbitrary<Cell> {
  return fc.tuple(fc.integer({ min: 0, max: pool - 1 }), fc.constantFrom('plain', 'vietnamese', 'spaces', 'nfd')).map(([n, how]) => {
    const code = how === 'plain' ? `${prefix}-${n}` : `Hồ sơ ${prefix} số ${n}`;
    const value = how === 'spaces' ? `  ${code} ` : how === 'nfd' ? nfd(code) : code;
    return ok(value, code, how === 'plain' ? 'valid' : how);
  });
}

/** The same code spelled as given, padded with spaces or in NFD (a duplicate all the same); anything else as it is. */
export function respelled(cell: Cell, n: number): Cell {
  if (cell.verdict.kind !== 'ok' || typeof cell.value !== 'string') return cell;
  const how = n % 3;
  return { ...cell, value: how === 0 ? cell.value : how === 1 ? ` ${cell.value}  ` : nfd(cell.value), tag: 'respelled' };
}

// ── Items ─────────────────────────────────────────────────────────────────────────────────────

type FieldArb = { valid: fc.Arbitrary<Cell>; hostile: fc.Arbitrary<Cell> };
const statusChange = (at: string, status: Value) => new JsonObject([['ThoiDiem', at], ['TrangThaiHoSo', status]]);
const history = (status: Value): Value[] => [statusChange('20261120090000', 2), statusChange('20261120100000', status)];
const HISTORY: FieldArb = {
  valid: fc.constantFrom(ok(history(4), null, 'history'), ok(null, null, 'empty')),
  hostile: fc.constantFrom(
    ...PROTOTYPE_SPELLINGS.map((w) => bad(history(w), 'prototype')), bad('constructor', 'prototype'), bad(new JsonObject([['0', 1]]), 'object'),
    bad([new JsonObject([['ThoiDiem', '2026-11-20T09:00:00+99:99'], ['TrangThaiHoSo', 4]])], 'offset'),
      bad(Array.from({ length: 101 }, () => statusChange('20261120100000', 4)), 'too-long'),
  ),
};

/** The fields of the canonical format, with their values; `stored` names the Dossier column a valid value lands in. */
export const FIELDS: Record<string, FieldArb & { stored?: string }> = {
  MaTTHC: { ...PROCEDURE, stored: 'procedure' },
  TenTTHC: textField(1000, false),
  MaLinhVuc: textField(100, false),
  TenLinhVuc: textField(500, false),
  DonViXuLy: { ...UNIT, stored: 'unit' },
  KenhThucHien: { ...CHANNEL, stored: 'channel' },
  NgayNopHoSo: { ...dateField(TIMES.submitted, {}), stored: 'submittedAt' },
  NgayTiepNhan: { ...dateField(TIMES.received, { required: true }), stored: 'receivedAt' },
  NgayHenTra: { ...dateField(TIMES.due, { due: true, empty: COMPUTED, before: vn(2026, 11, 19, 17) }), stored: 'dueAt' },
  NgayKetThucXuLy: dateField(null, { before: vn(2026, 11, 19, 17) }),
  NgayTra: dateField(null, {}),
  TrangThaiHoSo: { ...STATUS, stored: 'status' },
  NgayYeuCauBoSung: dateField(null, { before: vn(2026, 11, 19, 17) }),
  NgayBoSung: dateField(null, {}),
  SoLanYeuCauBoSung: COUNT,
  DuocThanhToanTrucTuyen: { ...yesNo(true), stored: 'paidOnline' },
  PhiLePhi: { ...MONEY, stored: 'feeAmount' },
  HoSoCoThanhPhanSoHoa: { ...yesNo(false), stored: 'digitized' },
  DanhGiaHaiLong: { ...SATISFACTION, stored: 'satisfaction' },
  NgayHenTraMoi: { ...dateField(TIMES.rescheduled, { due: true }), stored: 'rescheduledDueAt' },
  ChuHoSo: { ...textField(200, false), stored: 'applicantName' },
  SoDinhDanh: { ...textField(50, false), stored: 'applicantIdNumber' },
};
/** Fields the files carry (LichSuTrangThai is the API's only). */
export const FILE_FIELDS = ['MaHoSo', ...Object.keys(FIELDS)];

/** The Dossier columns of a valid dossier whose fields were left out. */
const DEFAULTS: Record<string, Stored> = {
  channel: 1, submittedAt: null, paidOnline: false, feeAmount: 0, digitized: false, satisfaction: null, rescheduledDueAt: null, applicantName: null,
    applicantIdNumber: null,
};

export interface Item {
  /** Key/value pairs as sent; a key may repeat (the last one counts) or be no field at all. */
  entries: [string, Cell][];
}

/** A nearly valid dossier: the base one with some fields left out, given another valid spelling or a hostile value. */
export function itemArb(medium: Medium, code: fc.Arbitrary<Cell>): fc.Arbitrary<Item> {
  const names = [...Object.keys(FIELDS), ...(medium === 'api' ? ['LichSuTrangThai'] : [])];
  const carried = (a: fc.Arbitrary<Cell>) => a.filter((c) => carries(medium, c.value));
  const codeArb: FieldArb = { valid: code, hostile: fc.constantFrom(...brokenText('HS', 100), bad('', 'empty-required')) };
  const arbOf = (name: string): FieldArb => {
    const a = name === 'MaHoSo' ? codeArb : name === 'LichSuTrangThai' ? HISTORY : FIELDS[name]!;
    return { valid: carried(a.valid), hostile: carried(a.hostile) };
  };
  const required = ['MaHoSo', 'MaTTHC', 'DonViXuLy', 'NgayTiepNhan', 'NgayHenTra', 'TrangThaiHoSo'];
  const base: Record<string, fc.Arbitrary<Cell>> = Object.fromEntries(required.map((n) => [n, arbOf(n).valid]));
  const optional = names.filter((n) => !Object.hasOwn(base, n));
  // A change: another valid spelling or a hostile value; in a request the field may also come a second time (the last one counts).
  const hostileOrNot = fc.integer({ min: 0, max: 4 }).map((n) => n < 3);
  const repeated = medium === 'api' ? fc.boolean() : fc.constant(false);
  const change = fc.tuple(fc.constantFrom('MaHoSo', ...names), hostileOrNot, repeated).chain(([name, hostile, repeat]) =>
    (hostile ? arbOf(name).hostile : arbOf(name).valid).map((c) => ({ name, cell: c, repeat })),
  );
  const extraKeys = fc.constantFrom<[string, Cell]>(
    ['__proto__', ok(new JsonObject([['TrangThaiHoSo', 'constructor']]), null, 'proto-key')], ['constructor', ok('x', null, 'proto-key')],
      ['toString', ok(1, null, 'proto-key')],
    ['maHoSo', ok('khác', null, 'other-key')], ['GhiChu', ok('ghi chú', null, 'other-key')],
  );
  return fc
    .record({
      base: fc.record(base),
      optional: fc.subarray(optional, { maxLength: 8 }).chain((ns) => fc.tuple(...ns.map((n) => arbOf(n).valid.map((c) => [n, c] as [string, Cell])))),
      changes: fc.array(change, { maxLength: medium === 'api' ? 3 : 4 }),
      extra: medium === 'api' ? fc.array(extraKeys, { maxLength: 2 }) : fc.constant([]),
    })
    .map(({ base: b, optional: o, changes, extra }) => {
      const entries: [string, Cell][] = [...Object.entries(b), ...o];
      for (const { name, cell, repeat } of changes) {
        const at = entries.findIndex(([n]) => n === name);
        if (at >= 0 && !repeat) entries[at] = [name, cell];
        else entries.push([name, cell]);
      }
      return { entries: [...entries, ...extra] };
    });
}

export interface Expectation {
  /** Fields refused when read: reported exactly, all of them. */
  bad: Set<string>;
  /** Fields refused by the rules across fields (only when nothing is bad): reported, maybe among others. */
  range: Set<string>;
  /** DonViXuLy or MaTTHC naming nothing known (only reached when every item reads fine). */
  unknown: string | null;
  /** The dossier code, when MaHoSo reads fine. */
  code: string | null;
  /** The Dossier as stored, when the item is valid. */
  stored: Record<string, Stored> | null;
  /** Bytes that are not UTF-8 where no field reads them (an unknown key, a field given again later). */
  hiddenBadBytes: boolean;
  /** Classes of input in the item, for the coverage check. */
  tags: Set<string>;
}

/** What the ingest must make of one item. */
export function expectationOf(item: Item): Expectation {
  const last = new Map<string, Cell>();
  const tags = new Set<string>();
  for (const [name, cell] of item.entries) {
    last.set(name, cell);
    tags.add(`${name}:${cell.tag}`);
  }
  const isField = (name: string) => Object.hasOwn(FIELDS, name) || name === 'MaHoSo' || name === 'LichSuTrangThai';
  const hiddenBadBytes = item.entries.some(([name, cell]) => cell.value instanceof BadBytes && (!isField(name) || last.get(name) !== cell));
  const out: Expectation = { bad: new Set(), range: new Set(), unknown: null, code: null, stored: null, hiddenBadBytes, tags };
  for (const name of ['MaHoSo', 'MaTTHC', 'DonViXuLy', 'NgayTiepNhan', 'TrangThaiHoSo']) if (!last.has(name)) out.bad.add(name);
  const stored: Record<string, Stored> = { ...DEFAULTS, dueAt: COMPUTED };
  for (const [name, cell] of last) {
    if (!isField(name)) continue; // not a field: ignored
    const v = cell.verdict;
    if (v.kind === 'bad') out.bad.add(name);
    else if (v.kind === 'range') out.range.add(name);
    else if (v.kind === 'unknown') out.unknown = out.unknown === 'DonViXuLy' || name === 'DonViXuLy' ? 'DonViXuLy' : name;
    else if (name === 'MaHoSo') stored.code = out.code = v.stored as string;
    else if (Object.hasOwn(FIELDS, name) && FIELDS[name]!.stored) stored[FIELDS[name]!.stored!] = v.stored;
  }
  // A history must end in the dossier's status.
  const h = last.get('LichSuTrangThai');
  if (h?.verdict.kind === 'ok' && h.verdict.stored === null && h.tag === 'history' && stored.status !== 4) out.range.add('LichSuTrangThai');
  if (out.bad.size === 0 && out.range.size === 0 && out.unknown === null) out.stored = stored;
  return out;
}

// ── Writing items: a JSON body, a CSV file, rows of an xlsx ───────────────────────────────────

/** The JSON text of a value, as bytes (BadBytes are written raw, RawJson as is). */
export function jsonBytes(v: Value): Buffer[] {
  if (v instanceof RawJson) return [Buffer.from(v.json)];
  if (v instanceof BadBytes) return [Buffer.from(JSON.stringify(v.before).slice(0, -1)), Buffer.from(v.bytes), Buffer.from(JSON.stringify(v.after).slice(1))];
  if (v instanceof JsonObject) {
    const out: Buffer[] = [Buffer.from('{')];
    v.entries.forEach(([k, x], i) => out.push(Buffer.from(`${i ? ',' : ''}${JSON.stringify(k)}:`), ...jsonBytes(x)));
    return [...out, Buffer.from('}')];
  }
  if (Array.isArray(v)) {
    const out: Buffer[] = [Buffer.from('[')];
    v.forEach((x, i) => out.push(...(i ? [Buffer.from(',')] : []), ...jsonBytes(x)));
    return [...out, Buffer.from(']')];
  }
  return [Buffer.from(JSON.stringify(v))];
}

export const itemObject = (item: Item): JsonObject => new JsonObject(item.entries.map(([k, c]) => [k, c.value]));

/** A CSV cell: quoted when it holds a separator, a quote or a line break. */
export function csvCell(v: Value): string {
  if (v === null) return '';
  const s = String(v);
  return /[",;\t\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

// ── Coverage: every class in every field it applies to, once ─────────────────────────────────

export const ENUM_FIELDS = ['TrangThaiHoSo', 'KenhThucHien', 'DanhGiaHaiLong', 'DuocThanhToanTrucTuyen', 'HoSoCoThanhPhanSoHoa'] as const;
export const TEXT_FIELDS = ['MaHoSo', 'MaTTHC', 'TenTTHC', 'MaLinhVuc', 'TenLinhVuc', 'DonViXuLy', 'ChuHoSo', 'SoDinhDanh'] as const;
export const DATE_FIELDS = ['NgayNopHoSo', 'NgayTiepNhan', 'NgayHenTra', 'NgayKetThucXuLy', 'NgayTra', 'NgayYeuCauBoSung', 'NgayBoSung',
  'NgayHenTraMoi'] as const;
/** The classes the random payloads must hit again and again (not only in the coverage examples). */
export const CLASSES = ['prototype', 'lone-surrogate', 'not-utf8', 'replacement-char', 'offset', 'year-0000', 'year-9999', 'nul', 'negative', 'huge-number',
  'nan'] as const;

/** A valid dossier with the base values. */
export function baseItem(code: string): Item {
  return {
    entries: [
      ['MaHoSo', ok(code, code)], ['MaTTHC', ok('1.001193', 'KS')], ['DonViXuLy', ok('000.12.31.H55', 'XBS-KT')],
      ['NgayTiepNhan', ok('20261120090000', TIMES.received, 'date-form')], ['NgayHenTra', ok('20261125170000', TIMES.due, 'date-form')],
        ['TrangThaiHoSo', ok(4, 4)],
    ],
  };
}

export function withCell(item: Item, name: string, cell: Cell): Item {
  const entries = item.entries.filter(([n]) => n !== name);
  return { entries: [...entries, [name, cell]] };
}

/** One hostile value per class and field: prototype names in every enumerated field, broken text in every text field, bad dates and numbers. */
export function coverageCells(medium: Medium): [string, Cell][] {
  const out: [string, Cell][] = [];
  for (const f of ENUM_FIELDS) for (const w of PROTOTYPE_SPELLINGS) out.push([f, bad(w, 'prototype')]);
  if (medium === 'api') for (const w of PROTOTYPE_SPELLINGS) out.push(['LichSuTrangThai', bad(history(w), 'prototype')]);
  for (const f of TEXT_FIELDS) {
    out.push([f, bad('Sơn\ud800', 'lone-surrogate')], [f, bad('\udfffSơn', 'lone-surrogate')], [f, bad('Sơn\ufffd', 'replacement-char')],
      [f, bad('Sơn\u0000', 'nul')]);
    if (medium === 'api') for (const bytes of NOT_UTF8) out.push([f, bad(new BadBytes('Sơn', bytes, ''), 'not-utf8')]);
  }
  for (const f of DATE_FIELDS) {
    out.push(
      [f, bad('2026-11-20T09:00:00+99:99', 'offset')], [f, bad('2026-11-20T09:00:00-99:99', 'offset')], [f, bad('0000-01-01T00:00:00', 'year-0000')],
      [f, range('31/12/9999 23:59', 'year-9999')], [f, bad('NaN', 'nan')], [f, bad('-1', 'negative')], [f, bad('20261120\u0000', 'nul')],
    );
  }
  for (const f of ['PhiLePhi', 'SoLanYeuCauBoSung']) out.push([f, bad('-1', 'negative')], [f, bad('99999999999', 'huge-number')], [f, bad('NaN', 'nan')],
    [f, bad('constructor', 'prototype')]);
  return out.filter(([, c]) => carries(medium, c.value));
}

// ── Checking what was stored ──────────────────────────────────────────────────────────────────

export interface Ids {
  units: ReadonlyMap<string, number>;
  procedures: ReadonlyMap<string, number>;
}
const COLUMNS = [
  'code', 'unitId', 'procedureId', 'channel', 'status', 'submittedAt', 'receivedAt', 'dueAt', 'paidOnline', 'feeAmount', 'digitized', 'satisfaction',
  'rescheduledDueAt', 'applicantName', 'applicantIdNumber',
] as const;

/** A stored Dossier holds exactly the values of its item (a due date left out was computed). */
export function storedMatches(row: object | undefined, want: Record<string, Stored>, ids: Ids): void {
  const code = String(want.code);
  expect(row, code).toBeDefined();
  const d = row as Record<string, unknown>;
  const all: Record<string, unknown> = { ...want, unitId: ids.units.get(want.unit as string), procedureId: ids.procedures.get(want.procedure as string) };
  for (const c of COLUMNS) {
    if (c === 'dueAt' && all.dueAt === COMPUTED) expect(d.dueAtOrigin, code).toBe('computed');
    else expect(d[c], `${code}.${c}`).toEqual(all[c]);
  }
}
