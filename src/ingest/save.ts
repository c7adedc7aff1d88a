// Writes validated records through the store, one transaction per call: missing units and
// procedures (with --create-missing), the dossiers with their events, supplements and counters,
// and the ingest run's counts are committed together or not at all. Shared by the import and the
// ingest API.
import type { WorkCalendar } from '../calendar/calendar.ts';
import { selectIn } from '../db/bulk.ts';
import type { Database, Tx } from '../db/client.ts';
import type { DatabaseTarget } from '../db/url.ts';
import { saveDossiers, type DossierInput, type SaveResult, type SupplementInput } from '../dossiers/store.ts';
import { t } from '../i18n/translate.ts';
import type { Catalog, ProcedureRef, UnitRef } from './catalog.ts';
import { convert, type Stored } from './convert.ts';
import type { DossierRecord } from './record.ts';
import { needsStored } from './supplements.ts';

export interface Candidate {
  /** Row number in the file, or item index in a request. */
  ref: number;
  record: DossierRecord;
  /** Whether this record says anything about supplements (default: SaveOptions.hasSupplementColumns). */
  supplementsGiven?: boolean;
}

export interface Problem {
  ref: number;
  /** Canonical field name. */
  field: string;
  value: string;
  reason: string;
}

export interface SaveOutcome extends SaveResult {
  rejected: Problem[];
  warnings: Problem[];
  /** Units and procedures created (keys as the source gave them). */
  createdUnits: string[];
  createdProcedures: string[];
}

export interface SaveOptions {
  catalog: Catalog;
  calendar: WorkCalendar;
  now: Date;
  /** Dossier.source, e.g. "csv:export.csv" or "api:igate". */
  source: string;
  createMissing: boolean;
  /** Whether the source has any of the supplement columns (see supplements.ts). */
  hasSupplementColumns: boolean;
  /** Roll back whatever happens (dunghan import --dry-run): the counts say what would change. */
  dryRun?: boolean;
  /** Write nothing if any record is rejected (the ingest API). */
  allOrNothing?: boolean;
  /** IngestRun whose counts move with each committed call. */
  runId?: number;
  /** Runs in the same transaction, after the dossiers are written (not on a dry run or a rejection). */
  beforeCommit?: (tx: Tx, outcome: SaveOutcome) => Promise<void>;
}

class Rollback extends Error {
  constructor(readonly outcome: SaveOutcome) {
    super('rollback');
  }
}

type Engine = DatabaseTarget['engine'];

const TX_OPTIONS = { timeout: 600_000, maxWait: 60_000 };

/** Existing dossiers' status and, where merging needs them, their supplement requests. */
async function loadStored(tx: Tx, engine: Engine, candidates: readonly Candidate[], hasSupplementColumns: boolean): Promise<Map<string, Stored>> {
  const records = candidates.map((c) => c.record);
  type Found = { id: number | bigint; code: string; status: number | bigint; supplementCount: number | bigint };
  const rows = (await selectIn<Found>(tx, engine, 'Dossier', ['id', 'code', 'status', 'supplementCount'], 'code', records.map((r) => r.code)))
    .map((d) => ({ id: Number(d.id), code: d.code, status: Number(d.status), supplementCount: Number(d.supplementCount) }));
  const out = new Map<string, Stored>();
  if (rows.length === 0) return out;
  const byCode = new Map(candidates.map((c) => [c.record.code, c]));
  const want = rows.filter((d) => {
    const c = byCode.get(d.code)!;
    const r = c.record;
    return d.supplementCount > 0 && needsStored((c.supplementsGiven ?? hasSupplementColumns) ? { requestedAt: r.supplementRequestedAt, suppliedAt: r.supplementSuppliedAt, count: r.supplementCount } : null);
  });
  const supplements = new Map<number, SupplementInput[]>();
  if (want.length > 0) {
    const list = [];
    for (let i = 0; i < want.length; i += 500) {
      list.push(...(await tx.supplementRequest.findMany({
        where: { dossierId: { in: want.slice(i, i + 500).map((d) => d.id) } },
        select: { dossierId: true, requestedAt: true, suppliedAt: true },
        orderBy: [{ dossierId: 'asc' }, { seq: 'asc' }],
      })));
    }
    for (const s of list) {
      const l = supplements.get(s.dossierId) ?? [];
      l.push({ requestedAt: s.requestedAt, suppliedAt: s.suppliedAt });
      supplements.set(s.dossierId, l);
    }
  }
  for (const d of rows) out.set(d.code, { status: d.status, supplements: supplements.get(d.id) ?? [] });
  return out;
}

export async function saveRecords(database: Database, candidates: readonly Candidate[], opts: SaveOptions): Promise<SaveOutcome> {
  const outcome = (): SaveOutcome => ({ inserted: 0, updated: 0, unchanged: 0, rejected: [], warnings: [], createdUnits: [], createdProcedures: [] });
  if (candidates.length === 0) return outcome();
  const { catalog } = opts;
  try {
    return await database.db.$transaction(async (tx) => {
      const out = outcome();
      const resolved: { c: Candidate; unit: UnitRef; procedure: ProcedureRef }[] = [];
      for (const c of candidates) {
        const r = c.record;
        let unit = catalog.unit(r.unit);
        let procedure = catalog.procedure(r.procedureCode);
        if (!unit && opts.createMissing) {
          unit = await catalog.createUnit(tx, r.unit);
          out.createdUnits.push(r.unit);
        }
        if (!procedure && opts.createMissing) {
          procedure = await catalog.createProcedure(tx, { code: r.procedureCode, name: r.procedureName, fieldCode: r.fieldCode, fieldName: r.fieldName });
          out.createdProcedures.push(r.procedureCode);
        }
        if (!unit) out.rejected.push({ ref: c.ref, field: 'DonViXuLy', value: r.unit, reason: t('ingest-unknown-unit') });
        else if (!procedure) out.rejected.push({ ref: c.ref, field: 'MaTTHC', value: r.procedureCode, reason: t('ingest-unknown-procedure') });
        else resolved.push({ c, unit, procedure });
      }

      const stored = await loadStored(tx, database.target.engine, resolved.map((x) => x.c), opts.hasSupplementColumns);
      const inputs: DossierInput[] = [];
      for (const { c, unit, procedure } of resolved) {
        const converted = convert(c.record, unit, procedure, stored.get(c.record.code), { ...opts, hasSupplementColumns: c.supplementsGiven ?? opts.hasSupplementColumns });
        for (const w of converted.warnings) out.warnings.push({ ref: c.ref, ...w });
        if (converted.input) inputs.push(converted.input);
        else for (const i of converted.issues) out.rejected.push({ ref: c.ref, ...i });
      }
      if (opts.allOrNothing && out.rejected.length > 0) throw new Rollback(out);

      const saved = await saveDossiers(database, inputs, { calendar: opts.calendar, units: catalog.unitCalendars, now: opts.now }, tx);
      Object.assign(out, saved);
      if (opts.dryRun) throw new Rollback(out);
      if (opts.beforeCommit) await opts.beforeCommit(tx, out);
      if (opts.runId !== undefined) {
        await tx.ingestRun.update({
          where: { id: opts.runId },
          data: { inserted: { increment: saved.inserted }, updated: { increment: saved.updated }, unchanged: { increment: saved.unchanged }, rejected: { increment: out.rejected.length } },
        });
      }
      return out;
    }, TX_OPTIONS);
  } catch (e) {
    if (e instanceof Rollback) return e.outcome;
    throw e;
  }
}

/** True for a unique-key clash (two writers creating the same dossier or unit at once): retrying sees the other's row. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } }; message?: string };
  return err?.code === 'P2002' || err?.meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation' || /UniqueConstraintViolation|unique constraint/i.test(String(err?.message ?? ''));
}
