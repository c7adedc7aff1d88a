// Supplement requests from a flat row. A row carries only the latest request (NgayYeuCauBoSung),
// its supply (NgayBoSung) and how many requests there were (SoLanYeuCauBoSung, default 1 when a
// request date is given), while dunghan keeps each request. So:
// - the row's latest request becomes request number N, with its supply date;
// - requests 1…N−1 already stored are kept (the source cannot have changed them); those dunghan
//   never saw are recorded as zero-length pauses at the latest request: they count as requests
//   (a pending 2nd request makes a dossier overdue) but add no time to the deadline — the
//   conservative choice, since their real dates are unknown;
// - requests stored beyond N are dropped (the source is the truth);
// - a file without any of the three columns says nothing about supplements: stored ones stay.
import type { SupplementInput } from '../dossiers/store.ts';

export interface SupplementColumns {
  requestedAt: Date | null;
  suppliedAt: Date | null;
  /** SoLanYeuCauBoSung as given, null when empty. */
  count: number | null;
}

export function mergeSupplements(row: SupplementColumns | null, stored: readonly SupplementInput[]): SupplementInput[] {
  if (row === null) return [...stored];
  const { requestedAt, suppliedAt } = row;
  const count = row.count ?? (requestedAt ? 1 : 0);
  if (count === 0 || !requestedAt) return [];
  const latest = requestedAt.getTime();
  const out: SupplementInput[] = [];
  for (let i = 0; i < count - 1; i++) {
    const s = stored[i];
    const plausible = s && s.requestedAt.getTime() <= latest && (!s.suppliedAt || s.suppliedAt.getTime() <= latest);
    // A stored request still open when a later one was made was supplied at an unknown time: zero length.
    out.push(plausible ? { requestedAt: s.requestedAt, suppliedAt: s.suppliedAt ?? s.requestedAt } : { requestedAt, suppliedAt: requestedAt });
  }
  out.push({ requestedAt, suppliedAt });
  return out;
}

/** Whether merging needs the stored requests of an existing dossier. */
export function needsStored(row: SupplementColumns | null): boolean {
  return row === null || (row.count ?? 0) > 1;
}
