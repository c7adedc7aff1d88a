// The canonical dossier format (DVCQG sync names, docs/rules.md#dvcqg-fields-and-codes) and the Vietnamese headers that
// spreadsheets show for the same columns. Headers are compared folded (no case, diacritics,
// punctuation, spaces, or bracketed notes such as "(VNĐ)" or "(*)").
import { fold } from '../i18n/fold.ts';

export const CANONICAL_FIELDS = [
  'MaHoSo', 'MaTTHC', 'TenTTHC', 'MaLinhVuc', 'TenLinhVuc', 'DonViXuLy', 'KenhThucHien',
  'NgayNopHoSo', 'NgayTiepNhan', 'NgayHenTra', 'NgayKetThucXuLy', 'NgayTra', 'TrangThaiHoSo',
  'NgayYeuCauBoSung', 'NgayBoSung', 'SoLanYeuCauBoSung',
  'DuocThanhToanTrucTuyen', 'PhiLePhi', 'HoSoCoThanhPhanSoHoa', 'DanhGiaHaiLong',
  'NgayHenTraMoi', 'ChuHoSo', 'SoDinhDanh',
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** Columns a file must have (NgayHenTra may be computed from the procedure's time limit). */
const REQUIRED_FIELDS: readonly CanonicalField[] = ['MaHoSo', 'MaTTHC', 'DonViXuLy', 'NgayTiepNhan', 'TrangThaiHoSo'];

/** The three columns that describe supplement requests. */
export const SUPPLEMENT_FIELDS: readonly CanonicalField[] = ['NgayYeuCauBoSung', 'NgayBoSung', 'SoLanYeuCauBoSung'];

/** Personal data: stored if present, never echoed in a report or a log. */
export const PERSONAL_FIELDS: ReadonlySet<string> = new Set(['ChuHoSo', 'SoDinhDanh']);

/** Headers as Vietnamese one-stop exports write them. */
const ALIASES: Record<CanonicalField, readonly string[]> = {
  MaHoSo: ['Mã hồ sơ', 'Số hồ sơ', 'Mã số hồ sơ', 'Số biên nhận', 'Mã biên nhận', 'Mã số biên nhận'],
  MaTTHC: ['Mã thủ tục', 'Mã TTHC', 'Mã thủ tục hành chính'],
  TenTTHC: ['Tên thủ tục', 'Tên TTHC', 'Thủ tục', 'Thủ tục hành chính', 'Tên thủ tục hành chính'],
  MaLinhVuc: ['Mã lĩnh vực'],
  TenLinhVuc: ['Lĩnh vực', 'Tên lĩnh vực'],
  DonViXuLy: ['Đơn vị xử lý', 'Mã đơn vị', 'Mã đơn vị xử lý', 'Cơ quan xử lý', 'Đơn vị', 'Cơ quan giải quyết', 'Mã cơ quan', 'Đơn vị giải quyết'],
  KenhThucHien: ['Hình thức nộp', 'Kênh thực hiện', 'Hình thức tiếp nhận', 'Kênh nộp', 'Hình thức nộp hồ sơ'],
  NgayNopHoSo: ['Ngày nộp', 'Ngày nộp hồ sơ'],
  NgayTiepNhan: ['Ngày tiếp nhận', 'Ngày nhận', 'Ngày nhận hồ sơ', 'Thời gian tiếp nhận'],
  NgayHenTra: ['Ngày hẹn trả', 'Ngày hẹn trả kết quả', 'Hạn xử lý', 'Hạn giải quyết', 'Ngày hẹn'],
  NgayKetThucXuLy: ['Ngày kết thúc xử lý', 'Ngày hoàn thành', 'Ngày xử lý xong', 'Ngày kết thúc', 'Ngày có kết quả'],
  NgayTra: ['Ngày trả', 'Ngày trả kết quả'],
  TrangThaiHoSo: ['Trạng thái', 'Trạng thái hồ sơ', 'Tình trạng', 'Tình trạng hồ sơ'],
  NgayYeuCauBoSung: ['Ngày yêu cầu bổ sung'],
  NgayBoSung: ['Ngày bổ sung', 'Ngày công dân bổ sung'],
  SoLanYeuCauBoSung: ['Số lần yêu cầu bổ sung', 'Số lần bổ sung'],
  DuocThanhToanTrucTuyen: ['Thanh toán trực tuyến', 'Được thanh toán trực tuyến', 'Đã thanh toán trực tuyến'],
  PhiLePhi: ['Phí, lệ phí', 'Phí lệ phí', 'Lệ phí', 'Phí', 'Số tiền'],
  HoSoCoThanhPhanSoHoa: ['Số hóa', 'Hồ sơ có thành phần số hóa', 'Có thành phần số hóa', 'Đã số hóa'],
  DanhGiaHaiLong: ['Đánh giá', 'Đánh giá hài lòng', 'Mức độ hài lòng'],
  NgayHenTraMoi: ['Ngày hẹn trả mới', 'Ngày hẹn lại'],
  ChuHoSo: ['Chủ hồ sơ', 'Người nộp', 'Tên người nộp', 'Họ tên'],
  SoDinhDanh: ['Số định danh', 'Số CCCD', 'CCCD', 'CMND', 'Số giấy tờ'],
};

/** A header reduced to letters and digits: "Phí, lệ phí (VNĐ)" → "philephi". */
export function headerKey(header: string): string {
  return fold(header.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')).replace(/[^a-z0-9]/g, '');
}

const BUILT_IN = new Map<string, CanonicalField>();
for (const field of CANONICAL_FIELDS) {
  BUILT_IN.set(headerKey(field), field);
  for (const alias of ALIASES[field]) BUILT_IN.set(headerKey(alias), field);
}

export interface ColumnMap {
  /** Column index → canonical field. */
  fields: Map<number, CanonicalField>;
  /** Canonical field → the header as written in the file (for reports). */
  headers: Map<CanonicalField, string>;
  /** Headers that name no known field. */
  ignored: string[];
  /** Headers naming a field another column already gave (the first one is used). */
  duplicates: string[];
  missing: CanonicalField[];
}

/**
 * Maps a header row to canonical fields: the mapping file's names first, then the canonical
 * names and the built-in aliases.
 */
export function mapColumns(headers: readonly string[], mapping?: ReadonlyMap<string, CanonicalField>): ColumnMap {
  const fields = new Map<number, CanonicalField>();
  const named = new Map<CanonicalField, string>();
  const ignored: string[] = [];
  const duplicates: string[] = [];
  headers.forEach((h, i) => {
    const header = h.trim();
    if (header === '') return;
    const key = headerKey(header);
    const field = mapping?.get(key) ?? BUILT_IN.get(key);
    if (!field) ignored.push(header);
    else if (named.has(field)) duplicates.push(header);
    else {
      fields.set(i, field);
      named.set(field, header);
    }
  });
  return { fields, headers: named, ignored, duplicates, missing: REQUIRED_FIELDS.filter((f) => !named.has(f)) };
}

/** How many cells of a row look like known headers (to find the header row below a title). */
export function headerScore(cells: readonly string[], mapping?: ReadonlyMap<string, CanonicalField>): number {
  const found = new Set<CanonicalField>();
  for (const c of cells) {
    const key = headerKey(c);
    const field = key ? (mapping?.get(key) ?? BUILT_IN.get(key)) : undefined;
    if (field) found.add(field);
  }
  return found.has('MaHoSo') ? found.size : 0;
}
