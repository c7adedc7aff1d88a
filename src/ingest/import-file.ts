// dunghan import: streams a CSV or XLSX export through validation into the store, in batches
// that are each one transaction (a crash or Ctrl-C leaves every dossier whole). Rejected rows are
// reported with their row number, column, value and reason; good rows are imported.
import { basename, extname } from 'node:path';
import type { WorkCalendar } from '../calendar/calendar.ts';
import { parseHm, type Period } from '../calendar/hours.ts';
import type { Database } from '../db/client.ts';
import { formatInt } from '../i18n/format.ts';
import { t } from '../i18n/translate.ts';
import { Catalog } from './catalog.ts';
import { SUPPLEMENT_FIELDS, type CanonicalField } from './fields.ts';
import type { Mapping } from './mapping.ts';
import { CsvFormatError, readCsv } from './read-csv.ts';
import { readXlsx, SheetNotFound } from './read-xlsx.ts';
import { parseRecord, recordSchema } from './record.ts';
import { finishRun, startRun } from './runs.ts';
import { isUniqueViolation, saveRecords, type Candidate, type Problem, type SaveOutcome } from './save.ts';
import { SeenCodes } from './seen-codes.ts';
import { HeaderNotFound, openTable } from './table.ts';

export type FileKind = 'csv' | 'xlsx';

export interface ImportOptions {
  file: string;
  mapping: Mapping;
  dryRun: boolean;
  createMissing: boolean;
  /** IngestRun.source: the system the export came from. */
  runSource: string;
  /** The instant the import started: events are stamped with it, and nothing may be later. */
  now: Date;
  /** The clock, for the run's end. */
  clock: () => Date;
  calendar: WorkCalendar;
  workingHours: readonly Period[];
  signal?: AbortSignal;
  /** Rows per transaction. */
  batchSize?: number;
  onProgress?: (p: Progress) => void;
}

export interface Progress {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejectedRows: number;
}

/** A problem as reported: the field is the column header as written in the file. */
export interface RowProblem {
  row: number;
  field: string;
  value: string;
  reason: string;
}

export interface ImportReport extends Progress {
  kind: FileKind;
  blank: number;
  /** The first MAX_REPORTED problems of rejected rows. */
  rejected: RowProblem[];
  warnings: RowProblem[];
  warningCount: number;
  ignoredColumns: string[];
  duplicateColumns: string[];
  createdUnits: string[];
  createdProcedures: string[];
  interrupted: boolean;
  /** The last row of the last committed batch. */
  lastCommittedRow: number | null;
  runId: number | null;
  dryRun: boolean;
}

/** Problems kept in the report (the counts stay exact beyond it). */
export const MAX_REPORTED = 10_000;
export const DEFAULT_BATCH = 5_000;

export class ImportFileError extends Error {
  constructor(readonly id: string, readonly args: Record<string, string | number> = {}, readonly partial?: ImportReport) {
    super(t(id, args));
  }
}

export function fileKind(file: string): FileKind | null {
  const ext = extname(file).toLowerCase();
  return ext === '.csv' || ext === '.txt' ? 'csv' : ext === '.xlsx' ? 'xlsx' : null;
}

export async function importFile(database: Database, opts: ImportOptions): Promise<ImportReport> {
  const kind = fileKind(opts.file);
  if (!kind) throw new ImportFileError('import-unknown-kind', { file: basename(opts.file) });
  if (database.target.engine !== 'sqlite') return run(database, kind, opts);
  // For a bulk load on SQLite (this connection only, restored afterwards): a 64 MB page cache keeps
  // the dossier indexes in memory, and checkpointing the WAL every ~40 MB rather than ~4 MB
  // means ten times fewer fsyncs. Durability is unchanged (synchronous stays as configured).
  const { db } = database;
  const pragma = async (name: string) => Number(Object.values((await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0] ?? {})[0]);
  const [cache, checkpoint] = [await pragma('cache_size'), await pragma('wal_autocheckpoint')];
  await db.$queryRawUnsafe('PRAGMA cache_size = -65536');
  await db.$queryRawUnsafe('PRAGMA wal_autocheckpoint = 10000');
  try {
    return await run(database, kind, opts);
  } finally {
    if (Number.isInteger(cache)) await db.$queryRawUnsafe(`PRAGMA cache_size = ${cache}`).catch(() => {});
    if (Number.isInteger(checkpoint)) await db.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${checkpoint}`).catch(() => {});
  }
}

async function run(database: Database, kind: FileKind, opts: ImportOptions): Promise<ImportReport> {
  const { db } = database;

  // The readers are lazy: a missing file or a bad format shows when the header is read.
  const source = kind === 'csv' ? readCsv(opts.file, opts.signal) : readXlsx(opts.file, opts.mapping.sheet, opts.signal);
  let table;
  try {
    table = await openTable(source, opts.mapping.columns);
  } catch (e) {
    throw fileError(e, opts.file);
  }
  const { columns } = table;
  if (columns.missing.length > 0) {
    throw new ImportFileError('import-missing-columns', { columns: columns.missing.join(', '), found: [...columns.headers.values(), ...columns.ignored].join(', ') });
  }
  const header = (field: string) => columns.headers.get(field as CanonicalField) ?? field;
  const hasSupplementColumns = SUPPLEMENT_FIELDS.some((f) => columns.headers.has(f));
  const lastPeriod = opts.workingHours.at(-1);
  const schema = recordSchema({
    now: opts.now,
    dueDateOnlyMinutes: lastPeriod ? parseHm(lastPeriod.end) : 17 * 60,
    statuses: opts.mapping.statuses,
    channels: opts.mapping.channels,
  });

  const report: ImportReport = {
    kind, rows: 0, blank: 0, inserted: 0, updated: 0, unchanged: 0, rejectedRows: 0, rejected: [], warnings: [], warningCount: 0,
    ignoredColumns: columns.ignored, duplicateColumns: columns.duplicates, createdUnits: [], createdProcedures: [],
    interrupted: false, lastCommittedRow: null, runId: null, dryRun: opts.dryRun,
  };
  const rejectedRows = new Set<number>();
  const reject = (p: Problem) => {
    if (report.rejected.length < MAX_REPORTED) report.rejected.push({ row: p.ref, field: header(p.field), value: p.value, reason: p.reason });
    rejectedRows.add(p.ref);
  };
  const created = { units: new Set<string>(), procedures: new Set<string>() };

  let catalog = await Catalog.load(db);
  const runId = opts.dryRun ? null : await startRun(db, opts.runSource, kind, opts.now);
  report.runId = runId;
  const batchSize = opts.batchSize ?? DEFAULT_BATCH;
  const seen = new SeenCodes();
  let batch: Candidate[] = [];
  const saveOpts = {
    calendar: opts.calendar, now: opts.now, source: `${kind}:${basename(opts.file)}`,
    createMissing: opts.createMissing, hasSupplementColumns, dryRun: opts.dryRun, ...(runId !== null ? { runId } : {}),
  };

  const flush = async () => {
    if (batch.length === 0) return;
    let outcome: SaveOutcome;
    try {
      outcome = await saveRecords(database, batch, { ...saveOpts, catalog });
    } catch (e) {
      // Another writer created the same dossier or unit meanwhile: reload and try once more.
      if (!isUniqueViolation(e)) throw e;
      catalog = await Catalog.load(db);
      outcome = await saveRecords(database, batch, { ...saveOpts, catalog });
    }
    report.inserted += outcome.inserted;
    report.updated += outcome.updated;
    report.unchanged += outcome.unchanged;
    for (const p of outcome.rejected) reject(p);
    report.warningCount += outcome.warnings.length;
    for (const w of outcome.warnings) if (report.warnings.length < MAX_REPORTED) report.warnings.push({ row: w.ref, field: header(w.field), value: w.value, reason: w.reason });
    outcome.createdUnits.forEach((u) => created.units.add(u));
    outcome.createdProcedures.forEach((p) => created.procedures.add(p));
    // A rolled-back batch (dry run) took its new units and procedures with it.
    if (opts.dryRun && outcome.createdUnits.length + outcome.createdProcedures.length > 0) catalog = await Catalog.load(db);
    report.lastCommittedRow = batch.at(-1)!.ref;
    batch = [];
    report.rejectedRows = rejectedRows.size;
    opts.onProgress?.(report);
  };

  try {
    for await (const { row, raw } of table.rows) {
      if (opts.signal?.aborted) break;
      report.rows++;
      const parsed = parseRecord(schema, raw);
      if ('issues' in parsed) {
        for (const i of parsed.issues) reject({ ref: row, ...i });
        continue;
      }
      const first = seen.check(parsed.record.code, row);
      if (first !== undefined) {
        reject({ ref: row, field: 'MaHoSo', value: parsed.record.code, reason: t('ingest-duplicate-code', { row: formatInt(first) }) });
        continue;
      }
      batch.push({ ref: row, record: parsed.record });
      if (batch.length >= batchSize) await flush();
    }
    if (opts.signal?.aborted) {
      report.interrupted = true;
      // Rows read since the last batch are not written: every dossier stays whole.
      report.rows -= batch.length;
      batch = [];
    } else await flush();
  } catch (e) {
    report.blank = table.blank();
    report.rejectedRows = rejectedRows.size;
    fillCreated(report, created);
    if (runId !== null) await finishRun(db, runId, 'failed', opts.clock()).catch(() => {});
    throw fileError(e, opts.file, report);
  }

  report.blank = table.blank();
  report.rejectedRows = rejectedRows.size;
  report.rejected.sort((a, b) => a.row - b.row);
  report.warnings.sort((a, b) => a.row - b.row);
  fillCreated(report, created);
  if (runId !== null) {
    const end = opts.clock();
    await finishRun(db, runId, report.interrupted ? 'failed' : 'succeeded', end, {
      inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, rejected: report.rejectedRows,
    });
    await db.auditLog.create({
      data: {
        at: end, actor: 'cli', action: 'import', target: basename(opts.file),
        detail: JSON.stringify({ run: runId, inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, rejectedRows: report.rejectedRows, interrupted: report.interrupted }),
      },
    });
  }
  return report;
}

function fillCreated(report: ImportReport, created: { units: Set<string>; procedures: Set<string> }): void {
  report.createdUnits = [...created.units];
  report.createdProcedures = [...created.procedures];
}

function fileError(e: unknown, file: string, partial?: ImportReport): Error {
  if (e instanceof ImportFileError) return e;
  if (e instanceof CsvFormatError) {
    return e.kind === 'not_utf8'
      ? new ImportFileError('import-not-utf8', { file: basename(file) }, partial)
      : new ImportFileError('import-csv-syntax', { file: basename(file), line: e.line ?? 0, detail: e.message }, partial);
  }
  if (e instanceof HeaderNotFound) return new ImportFileError('import-no-header', { file: basename(file), first: e.firstCells.slice(0, 8).join(' | ') }, partial);
  if (e instanceof SheetNotFound) return new ImportFileError('import-no-sheet', { file: basename(file), sheet: String(e.sheet) }, partial);
  const err = e as { code?: string; message?: string };
  if (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR') return new ImportFileError('cli-cannot-read-file', { file }, partial);
  if (/zip|end of central directory|signature/i.test(err.message ?? '')) return new ImportFileError('import-bad-xlsx', { file: basename(file) }, partial);
  return e instanceof Error ? Object.assign(e, { partial }) : new Error(String(e));
}
