// The counts behind every rate (the buckets of report form II.06a) and the rates themselves.
//
// Formulas (docs/rules.md#decision-766-indicators, Decision 766/QĐ-TTg as exported in "Mô tả công thức tính chỉ số 766"):
// - onTimeRate (indicator 2.1) = (finished early + finished on time + in progress within the limit
//   at the end of the period + waiting for a first supplement) ÷ (finished in the period + in
//   progress at its end). The denominator equals "received in the period + carried over". A
//   pending first supplement request counts as the end of processing (on time when requested by
//   the due date); a second one counts as overdue; supplement time is excluded (the due date moves).
// - onlineRate (3.3) = received online (KenhThucHien = 2) ÷ received.
// - digitizedRate (4.2, simplified) = received with digitised components ÷ received.
// - satisfactionRate = ratings "satisfied" or "very satisfied" ÷ ratings, of dossiers finished in
//   the period.
// Every rate is a percentage, or null when there is nothing to divide by.

export interface Buckets {
  received: number;
  receivedOnline: number;
  receivedPostal: number;
  digitized: number;
  paidOnline: number;
  paidAmount: number;
  finished: number;
  finishedEarly: number;
  finishedOnTime: number;
  finishedLate: number;
  rated: number;
  satisfied: number;
  /** In progress at the end of the period, within the limit. */
  inProgress: number;
  /** In progress at the end of the period, overdue (including a pending 2nd supplement). */
  inProgressOverdue: number;
  /** Waiting at the end of the period for the applicant's first supplement (clock stopped). */
  waitingSupplement: number;
}

const BUCKET_FIELDS = [
  'received', 'receivedOnline', 'receivedPostal', 'digitized', 'paidOnline', 'paidAmount', 'finished', 'finishedEarly', 'finishedOnTime',
  'finishedLate', 'rated', 'satisfied', 'inProgress', 'inProgressOverdue', 'waitingSupplement',
] as const satisfies readonly (keyof Buckets)[];

export const emptyBuckets = (): Buckets => Object.fromEntries(BUCKET_FIELDS.map((f) => [f, 0])) as unknown as Buckets;

export function addBuckets(into: Buckets, x: Partial<Buckets>): void {
  for (const f of BUCKET_FIELDS) into[f] += x[f] ?? 0;
}

export interface Rates {
  onTimeRate: number | null;
  onlineRate: number | null;
  digitizedRate: number | null;
  satisfactionRate: number | null;
}

const pct = (n: number, d: number): number | null => (d > 0 ? (100 * n) / d : null);

export function rates(b: Buckets): Rates {
  const handled = b.finished + b.inProgress + b.inProgressOverdue + b.waitingSupplement;
  return {
    onTimeRate: pct(b.finishedEarly + b.finishedOnTime + b.inProgress + b.waitingSupplement, handled),
    onlineRate: pct(b.receivedOnline, b.received),
    digitizedRate: pct(b.digitized, b.received),
    satisfactionRate: pct(b.satisfied, b.rated),
  };
}

/** Dossiers received before the period and still in progress at its start. */
export function carriedOver(b: Buckets): number {
  return b.finished + b.inProgress + b.inProgressOverdue + b.waitingSupplement - b.received;
}
