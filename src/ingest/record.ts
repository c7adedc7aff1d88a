// One dossier in the canonical format, validated with zod: each field is parsed from whatever
// the source gave (CSV text, an xlsx number, a JSON value) and every problem names its field.
// Cross-field rules (dates in order, nothing in the future, an end status with its date,
// consistent supplement columns) come after the fields parse.
import { z } from 'zod';
import { isEndStatus } from '../dossiers/status.ts';
import { t } from '../i18n/translate.ts';
import { CANONICAL_FIELDS, PERSONAL_FIELDS, type CanonicalField } from './fields.ts';
import {
  isFailure, parseBoolean, parseChannel, parseCount, parseInstant, parseMoney, parsePaidOnline, parseSatisfaction, parseStatus, parseText,
  type DateOptions, type Parsed, type Raw,
} from './values.ts';

/** A timestamp more than this far after "now" is rejected: the metrics rely on no event being after now. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Dossiers before this are not plausible one-stop data (and the calendar must cover every date). */
const EARLIEST = new Date('2000-01-01T00:00:00+07:00');
/** The latest due date accepted (the calendar covers up to 2049, pauses may move due dates later). */
const LATEST_DUE = new Date('2045-12-31T23:59:59+07:00');
/** Supplement requests counted at most (a dossier is overdue from the 2nd anyway). */
const MAX_SUPPLEMENTS = 20;
/** Status changes accepted in LichSuTrangThai (API). */
const MAX_HISTORY = 100;

export interface DossierRecord {
  code: string;
  procedureCode: string;
  procedureName: string | null;
  fieldCode: string | null;
  fieldName: string | null;
  unit: string;
  channel: number;
  submittedAt: Date | null;
  receivedAt: Date;
  dueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  status: number;
  supplementRequestedAt: Date | null;
  supplementSuppliedAt: Date | null;
  /** SoLanYeuCauBoSung as given (null when empty). */
  supplementCount: number | null;
  paidOnline: boolean;
  feeAmount: number;
  digitized: boolean;
  satisfaction: number | null;
  rescheduledDueAt: Date | null;
  applicantName: string | null;
  applicantIdNumber: string | null;
  /** LichSuTrangThai (API only): the status history of a new dossier, oldest first. */
  history: { at: Date; status: number }[] | null;
}

export interface FieldIssue {
  /** Canonical field name (the caller shows the file's own header). */
  field: string;
  value: string;
  reason: string;
}

export interface RecordOptions {
  now: Date;
  /** Minutes after midnight for a due date given without a time (the end of working hours). */
  dueDateOnlyMinutes: number;
  statuses?: ReadonlyMap<string, number>;
  channels?: ReadonlyMap<string, number>;
}

/** How a value is shown in a report: never personal data, never more than 100 characters. */
export function shown(field: string, raw: Raw): string {
  if (raw === null || raw === undefined) return '';
  if (PERSONAL_FIELDS.has(field)) return '***';
  let s: string;
  if (typeof raw === 'string') s = raw;
  else if (raw instanceof Date) s = Number.isNaN(raw.getTime()) ? '?' : raw.toISOString();
  else if (typeof raw === 'number' || typeof raw === 'boolean') s = String(raw);
  else {
    try {
      s = JSON.stringify(raw) ?? '';
    } catch {
      s = '?';
    }
  }
  s = s.trim();
  return s.length > 100 ? `${s.slice(0, 99)}…` : s;
}

const isPrimitive = (v: unknown): boolean => v === null || v === undefined || v instanceof Date || ['string', 'number', 'boolean'].includes(typeof v);

/** A zod field from a value parser: a Failure becomes an issue with its Vietnamese reason. */
function field<T>(parse: (raw: Raw) => Parsed<T>, required = false) {
  return z.unknown().transform((raw, ctx): T | null => {
    const value = isPrimitive(raw) ? parse(raw) : { fail: 'ingest-bad-type' };
    if (isFailure(value)) {
      ctx.addIssue({ code: 'custom', message: t(value.fail, value.args), input: raw });
      return z.NEVER;
    }
    if (value === null && required) {
      ctx.addIssue({ code: 'custom', message: t('ingest-required'), input: raw });
      return z.NEVER;
    }
    return value;
  });
}

const history = (opts: RecordOptions) =>
  z.unknown().transform((raw, ctx) => {
    if (raw === null || raw === undefined) return null;
    if (!Array.isArray(raw) || raw.length > MAX_HISTORY) {
      ctx.addIssue({ code: 'custom', message: t('ingest-bad-history', { max: MAX_HISTORY }), input: raw });
      return z.NEVER;
    }
    const out: { at: Date; status: number }[] = [];
    for (const item of raw) {
      const at = typeof item === 'object' && item !== null && isPrimitive((item as Record<string, unknown>).ThoiDiem) ? parseInstant((item as Record<string, unknown>).ThoiDiem) : null;
      const status = typeof item === 'object' && item !== null && isPrimitive((item as Record<string, unknown>).TrangThaiHoSo) ? parseStatus((item as Record<string, unknown>).TrangThaiHoSo, opts.statuses) : null;
      if (!(at instanceof Date) || typeof status !== 'number') {
        ctx.addIssue({ code: 'custom', message: t('ingest-bad-history', { max: MAX_HISTORY }), input: raw });
        return z.NEVER;
      }
      out.push({ at, status });
    }
    return out;
  });

/** The zod schema of one record, for one import or request (the options are fixed). */
export function recordSchema(opts: RecordOptions) {
  const instant = (o: DateOptions = {}) => field((raw) => parseInstant(raw, o));
  const text = (max: number, required = false) => field((raw) => parseText(raw, max), required);
  const fields = {
    MaHoSo: text(100, true),
    MaTTHC: text(100, true),
    TenTTHC: text(1000),
    MaLinhVuc: text(100),
    TenLinhVuc: text(500),
    DonViXuLy: text(300, true),
    KenhThucHien: field((raw) => parseChannel(raw, opts.channels)),
    NgayNopHoSo: instant(),
    NgayTiepNhan: field((raw) => parseInstant(raw), true),
    NgayHenTra: instant({ dateOnlyMinutes: opts.dueDateOnlyMinutes }),
    NgayKetThucXuLy: instant(),
    NgayTra: instant(),
    TrangThaiHoSo: field((raw) => parseStatus(raw, opts.statuses), true),
    NgayYeuCauBoSung: instant(),
    NgayBoSung: instant(),
    SoLanYeuCauBoSung: field((raw) => parseCount(raw, 0, MAX_SUPPLEMENTS)),
    DuocThanhToanTrucTuyen: field(parsePaidOnline),
    PhiLePhi: field(parseMoney),
    HoSoCoThanhPhanSoHoa: field(parseBoolean),
    DanhGiaHaiLong: field(parseSatisfaction),
    NgayHenTraMoi: instant({ dateOnlyMinutes: opts.dueDateOnlyMinutes }),
    ChuHoSo: text(200),
    SoDinhDanh: text(50),
    LichSuTrangThai: history(opts),
  } satisfies Record<CanonicalField | 'LichSuTrangThai', z.ZodType>;
  const latestEvent = opts.now.getTime() + FUTURE_TOLERANCE_MS;

  return z.object(fields).transform((r, ctx): DossierRecord => {
    const issue = (path: string, message: string) => {
      ctx.addIssue({ code: 'custom', path: [path], message, input: (r as Record<string, unknown>)[path] });
    };
    const events = ['NgayNopHoSo', 'NgayTiepNhan', 'NgayKetThucXuLy', 'NgayTra', 'NgayYeuCauBoSung', 'NgayBoSung'] as const;
    for (const name of events) {
      const d = r[name];
      if (!d) continue;
      if (d.getTime() > latestEvent) issue(name, t('ingest-in-future'));
      else if (d.getTime() < EARLIEST.getTime()) issue(name, t('ingest-too-old'));
    }
    for (const name of ['NgayHenTra', 'NgayHenTraMoi'] as const) {
      const d = r[name];
      if (d && (d.getTime() < EARLIEST.getTime() || d.getTime() > LATEST_DUE.getTime())) issue(name, t('ingest-due-out-of-range'));
    }
    const received = r.NgayTiepNhan!;
    if (r.NgayHenTra && r.NgayHenTra.getTime() < received.getTime()) issue('NgayHenTra', t('ingest-due-before-receipt'));
    if (r.NgayKetThucXuLy && r.NgayKetThucXuLy.getTime() < received.getTime()) issue('NgayKetThucXuLy', t('ingest-before-receipt'));
    const status = r.TrangThaiHoSo!;
    if (isEndStatus(status) && !r.NgayKetThucXuLy && !r.NgayTra) issue('NgayKetThucXuLy', t('ingest-end-needs-date', { status }));

    const requested = r.NgayYeuCauBoSung;
    const supplied = r.NgayBoSung;
    const count = r.SoLanYeuCauBoSung;
    if (supplied && !requested) issue('NgayBoSung', t('ingest-supplied-without-request'));
    if (requested && supplied && supplied.getTime() < requested.getTime()) issue('NgayBoSung', t('ingest-supplied-before-request'));
    if (requested && requested.getTime() < received.getTime()) issue('NgayYeuCauBoSung', t('ingest-before-receipt'));
    if (count === 0 && requested) issue('SoLanYeuCauBoSung', t('ingest-count-zero-with-request'));
    if (count !== null && count > 0 && !requested) issue('NgayYeuCauBoSung', t('ingest-count-without-request'));

    const hist = r.LichSuTrangThai;
    if (hist && hist.length > 0) {
      const sorted = hist.every((h, i) => i === 0 || h.at.getTime() >= hist[i - 1]!.at.getTime());
      const inRange = hist.every((h) => h.at.getTime() <= latestEvent && h.at.getTime() >= EARLIEST.getTime());
      if (!sorted || !inRange || hist.at(-1)!.status !== status) issue('LichSuTrangThai', t('ingest-history-inconsistent'));
    }

    return {
      code: r.MaHoSo!,
      procedureCode: r.MaTTHC!,
      procedureName: r.TenTTHC,
      fieldCode: r.MaLinhVuc,
      fieldName: r.TenLinhVuc,
      unit: r.DonViXuLy!,
      channel: r.KenhThucHien ?? 1,
      submittedAt: r.NgayNopHoSo,
      receivedAt: received,
      dueAt: r.NgayHenTra,
      finishedAt: r.NgayKetThucXuLy,
      returnedAt: r.NgayTra,
      status,
      supplementRequestedAt: requested,
      supplementSuppliedAt: supplied,
      supplementCount: count,
      paidOnline: r.DuocThanhToanTrucTuyen ?? false,
      feeAmount: r.PhiLePhi ?? 0,
      digitized: r.HoSoCoThanhPhanSoHoa ?? false,
      satisfaction: r.DanhGiaHaiLong,
      rescheduledDueAt: r.NgayHenTraMoi,
      applicantName: r.ChuHoSo,
      applicantIdNumber: r.SoDinhDanh,
      history: hist && hist.length > 0 ? hist : null,
    };
  });
}

export type RecordSchema = ReturnType<typeof recordSchema>;

const RECORD_KEYS = [...CANONICAL_FIELDS, 'LichSuTrangThai'] as const;

/** Validates one record; issues are in field order. */
export function parseRecord(schema: RecordSchema, raw: Record<string, Raw>): { record: DossierRecord } | { issues: FieldIssue[] } {
  // Every field present (zod treats a missing key of a transforming schema as an error).
  const input: Record<string, Raw> = {};
  for (const f of RECORD_KEYS) input[f] = raw[f] ?? null;
  const result = schema.safeParse(input);
  if (result.success) return { record: result.data };
  return {
    issues: result.error.issues.map((i) => {
      const name = String(i.path[0] ?? '');
      return { field: name, value: shown(name, raw[name]), reason: i.message };
    }),
  };
}
