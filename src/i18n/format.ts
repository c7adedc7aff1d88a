// Vietnamese formatting of numbers, percentages and dates (Asia/Ho_Chi_Minh, UTC+7, no DST).
const VN_OFFSET_MS = 7 * 3600_000;

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1234567 → "1.234.567" */
export function formatInt(n: number): string {
  return integer.format(n);
}

/** 82.8412 → "82,84%"; null (nothing to divide) → "–" */
export function formatPercent(p: number | null): string {
  return p === null ? '–' : `${twoDecimals.format(p)}%`;
}

function vnParts(instant: Date): { d: string; m: string; y: string; hh: string; mm: string } {
  const s = new Date(instant.getTime() + VN_OFFSET_MS).toISOString();
  return { y: s.slice(0, 4), m: s.slice(5, 7), d: s.slice(8, 10), hh: s.slice(11, 13), mm: s.slice(14, 16) };
}

/** An instant as "27/11/2026" in Vietnam. */
export function formatDate(instant: Date): string {
  const p = vnParts(instant);
  return `${p.d}/${p.m}/${p.y}`;
}

/** An instant as "17:00 27/11/2026" in Vietnam. */
export function formatDateTime(instant: Date): string {
  const p = vnParts(instant);
  return `${p.hh}:${p.mm} ${p.d}/${p.m}/${p.y}`;
}

/** A local date "2026-11-27" as "27/11/2026". */
export function formatLocalDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
