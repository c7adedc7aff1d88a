// dunghan import: streams a CSV or XLSX export through validation into the store, in batches
// that are each one transaction (a crash or Ctrl-C leaves every dossier whole). Rejected rows are
// reported with their row number, column, value and reason; good rows are imported. One row never
// costs the others: a row that cannot be read, or whose validation or writing fails unexpectedly,
// is that row's rejection (a batch that fails is split until the failing row is found alone).
// The file is checked whole before any row is read (its encoding; an xlsx's parts against the
// limits that keep memory bounded), so that a file refused for those reasons changes nothing.
import { basename, extname } from 'node:path';
import type { WorkCalendar } from '../calendar/calendar.ts';
import { parseHm, type Period } from '../calendar/hours.ts';
import type { Database } from '../db/client.ts';
import { formatInt } from '../i18n/format.ts';
import { t } from '../i18n/translate.ts';
import { Catalog } from './catalog.ts';
import { SUPPLEMENT_FIELDS, type CanonicalField } from './fields.ts';
import type { Mapping } from './mapping.ts';
import { AlreadyUtf8, checkEncoding, NotUtf8, type FileEncoding } from './encoding.ts';
import { CsvFormatError, readCsv } from './read-csv.ts';
import { readXlsx, SheetNotFound } from './read-xlsx.ts';
import { parseRecord, recordSchema } from './record.ts';
import { finishRun, markInterruptedRuns, startRun, type RunningRun } from './runs.ts';
import { isUniqueViolation, saveRecords, type Candidate, type Problem, type SaveOutcome } from './save.ts';
import { SeenCodes } from './seen-codes.ts';
import { HeaderNotFound, openTable } from './table.ts';
import { checkXlsx, XLSX_LIMITS, XlsxTooLarge } from './xlsx-guard.ts';
import type { Clock } from '../core/clock.ts';

export type FileKind = 'csv' | 'xlsx';

export interface ImportOptions {
  file: string;
  /** A CSV file's encoding, as the user named it (default UTF-8). */
  encoding?: FileEncoding;
  mapping: Mapping;
  dryRun: boolean;
  createMissing: boolean;
  /** IngestRun.source: the system the export came from. */
  runSource: string;
  /** The instant the import started: events are stamped with it, and nothing may be later. */
  now: Date;
  /** The clock, for the run's end and its lease. */
  clock: Clock;
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
  /** Earlier imports found cut off (their process gone) and marked interrupted at this start. */
  interruptedRuns: number[];
  /** The last row of the last committed batch. */
  lastCommittedRow: number | null;
  runId: number | null;
  dryRun: boolean;
}

/** Problems kept in the report (the counts stay exact beyond it). */
export const MAX_REPORTED = 10_000;
const DEFAULT_BATCH = 5_000;
/** Rows failing unexpectedly before the import stops (past this, the cause is not in the rows). */
const MAX_ROW_ERRORS = 100;

export class ImportFileError extends Error {
  constructor(readonly id: string, readonly args: Record<string, string | number> = {}, readonly partial?: ImportReport) {
    super(t(id, args));
  }
}

function fileKind(file: string): FileKind | null {
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
  const encoding = opts.encoding ?? 'utf-8';
  if (kind === 'xlsx' && encoding !== 'utf-8') throw new ImportFileError('import-encoding-csv-only', { file: basename(opts.file) });
  try {
    if (kind === 'csv') await checkEncoding(opts.file, encoding, opts.signal);
    else await checkXlsx(opts.file, opts.signal);
  } catch (e) {
    throw fileError(e, opts.file);
  }

  // The readers are lazy: a missing file or a bad format shows when the header is read.
  const source = kind === 'csv' ? readCsv(opts.file, encoding, opts.signal) : readXlsx(opts.file, opts.mapping.sheet, opts.signal);
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
    interrupted: false, interruptedRuns: [], lastCommittedRow: null, runId: null, dryRun: opts.dryRun,
  };
  const rejectedRows = new Set<number>();
  const reject = (p: Problem) => {
    // A row that could not be read at all has no column: its field is empty.
    const field = p.field === '' ? '' : header(p.field);
    if (report.rejected.length < MAX_REPORTED) report.rejected.push({ row: p.ref, field, value: p.value, reason: p.reason });
    rejectedRows.add(p.ref);
  };
  let rowErrors = 0;
  /** A row whose validation or writing threw: rejected as a whole, naming its code when known. */
  const rowError = (ref: number, code: string | null, e: unknown) => {
    reject({ ref, field: code === null ? '' : 'MaHoSo', value: code ?? '', reason: t('import-row-error', { detail: briefError(e) }) });
    if (++rowErrors > MAX_ROW_ERRORS) throw new ImportFileError('import-too-many-row-errors', { count: formatInt(MAX_ROW_ERRORS), detail: briefError(e) });
  };
  const created = { units: new Set<string>(), procedures: new Set<string>() };

  let catalog = await Catalog.load(db);
  if (!opts.dryRun) report.interruptedRuns = await markInterruptedRuns(db, opts.now);
  let running: RunningRun | null = null;
  if (!opts.dryRun) running = await startRun(db, opts.runSource, kind, opts.now, opts.clock);
  const runId = running?.id ?? null;
  report.runId = runId;
  const batchSize = opts.batchSize ?? DEFAULT_BATCH;
  const seen = new SeenCodes();
  let batch: Candidate[] = [];
  const saveOpts = {
    calendar: opts.calendar, now: opts.now, source: `${kind}:${basename(opts.file)}`,
    createMissing: opts.createMissing, hasSupplementColumns, dryRun: opts.dryRun, ...(runId !== null ? { runId } : {}),
  };

  const saveOnce = async (candidates: Candidate[]): Promise<SaveOutcome> => {
    try {
      return await saveRecords(database, candidates, { ...saveOpts, catalog });
    } catch (e) {
      // Another writer created the same dossier or unit meanwhile: reload and try once more.
      if (!isUniqueViolation(e)) throw e;
      catalog = await Catalog.load(db);
      return await saveRecords(database, candidates, { ...saveOpts, catalog });
    }
  };
  const tally = (outcome: SaveOutcome) => {
    report.inserted += outcome.inserted;
    report.updated += outcome.updated;
    report.unchanged += outcome.unchanged;
    for (const p of outcome.rejected) reject(p);
    report.warningCount += outcome.warnings.length;
    for (const w of outcome.warnings) if (report.warnings.length < MAX_REPORTED) report.warnings.push({ row: w.ref, field: header(w.field), value: w.value, reason: w.reason });
    outcome.createdUnits.forEach((u) => created.units.add(u));
    outcome.createdProcedures.forEach((p) => created.procedures.add(p));
  };
  /** Saves candidates; when that fails, saves each half on its own, down to the one failing row. */
  const save = async (candidates: Candidate[]): Promise<void> => {
    let outcome: SaveOutcome;
    try {
      outcome = await saveOnce(candidates);
    } catch (e) {
      // Units or procedures created in the failed transaction are gone: forget them.
      catalog = await Catalog.load(db);
      if (candidates.length === 1) return rowError(candidates[0]!.ref, candidates[0]!.record.code, e);
      const half = Math.ceil(candidates.length / 2);
      await save(candidates.slice(0, half));
      await save(candidates.slice(half));
      return;
    }
    tally(outcome);
    // A rolled-back batch (dry run) took its new units and procedures with it.
    if (opts.dryRun && outcome.createdUnits.length + outcome.createdProcedures.length > 0) catalog = await Catalog.load(db);
  };
  const flush = async () => {
    if (batch.length === 0) return;
    await save(batch);
    report.lastCommittedRow = batch.at(-1)!.ref;
    batch = [];
    report.rejectedRows = rejectedRows.size;
    opts.onProgress?.(report);
  };
  const finish = async (status: 'succeeded' | 'failed' | 'interrupted') => {
    if (!running) return;
    await finishRun(db, running.id, status, opts.clock.now(), {
      inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, rejected: rejectedRows.size,
    }).catch(() => {});
    await running.release().catch(() => {});
  };

  let failure: unknown = null;
  try {
    for await (const { row, raw, unreadable } of table.rows) {
      if (opts.signal?.aborted) break;
      report.rows++;
      if (unreadable !== undefined) {
        reject({ ref: row, field: '', value: '', reason: unreadable });
        continue;
      }
      let parsed;
      try {
        parsed = parseRecord(schema, raw);
      } catch (e) {
        rowError(row, null, e);
        continue;
      }
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
  } catch (e) {
    // The file cannot be read further (or too many rows failed): the rows read so far are kept.
    failure = e;
  }
  try {
    if (opts.signal?.aborted) {
      report.interrupted = true;
      // Rows read since the last batch are not written: every dossier stays whole.
      report.rows -= batch.length;
      batch = [];
    } else await flush();
  } catch (e) {
    failure ??= e;
  }

  report.blank = table.blank();
  report.rejectedRows = rejectedRows.size;
  report.rejected.sort((a, b) => a.row - b.row);
  report.warnings.sort((a, b) => a.row - b.row);
  fillCreated(report, created);
  if (failure !== null) {
    await finish('failed');
    throw fileError(failure, opts.file, report);
  }
  if (running) {
    const end = opts.clock.now();
    await finish(report.interrupted ? 'interrupted' : 'succeeded');
    await db.auditLog.create({
      data: {
        at: end, actor: 'cli', action: 'import', target: basename(opts.file),
        detail: JSON.stringify({
          run: running.id, inserted: report.inserted, updated: report.updated, unchanged: report.unchanged,
          rejectedRows: report.rejectedRows, interrupted: report.interrupted,
        }),
      },
    });
  }
  return report;
}

/** An unexpected error, in one line a person can read (no stack): the database's own words when it gave them. */
function briefError(e: unknown): string {
  type AdapterError = { meta?: { driverAdapterError?: { cause?: { originalCode?: string; originalMessage?: string } } } };
  const cause = (e as AdapterError | null)?.meta?.driverAdapterError?.cause;
  const message = e instanceof Error ? e.message : String(e);
  // Prisma's own message starts "Invalid `prisma.…()` invocation:" and ends with the cause.
  const line = cause?.originalMessage
    ? `${cause.originalCode ? `${cause.originalCode}: ` : ''}${cause.originalMessage}`
    : (message.split('\n').map((l) => l.trim()).filter((l) => l !== '').at(-1) ?? (e instanceof Error ? e.name : 'Error'));
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

function fillCreated(report: ImportReport, created: { units: Set<string>; procedures: Set<string> }): void {
  report.createdUnits = [...created.units];
  report.createdProcedures = [...created.procedures];
}

function fileError(e: unknown, file: string, partial?: ImportReport): Error {
  const name = basename(file);
  if (e instanceof ImportFileError) return partial && !e.partial ? new ImportFileError(e.id, e.args, partial) : e;
  if (e instanceof NotUtf8) {
    const at = { file: name, offset: formatInt(e.offset), line: formatInt(e.line), encoding: e.likely };
    return new ImportFileError(e.likely === 'utf-16' ? 'import-not-utf8-utf16' : 'import-not-utf8', at, partial);
  }
  if (e instanceof AlreadyUtf8) return new ImportFileError('import-already-utf8', { file: name, encoding: e.encoding }, partial);
  if (e instanceof CsvFormatError) return new ImportFileError('import-csv-syntax', { file: name, line: formatInt(e.line ?? 0), detail: e.message }, partial);
  if (e instanceof XlsxTooLarge) return new ImportFileError('import-xlsx-too-large', { file: name, what: xlsxLimit(e) }, partial);
  if (e instanceof HeaderNotFound) {
    const first = e.firstCells.length > 0 || !e.unreadable
      ? e.firstCells.slice(0, 8).join(' | ')
      : t('import-first-row-unreadable', { row: formatInt(e.unreadable.row), reason: e.unreadable.reason });
    return new ImportFileError('import-no-header', { file: name, first }, partial);
  }
  if (e instanceof SheetNotFound) return new ImportFileError('import-no-sheet', { file: name, sheet: String(e.sheet) }, partial);
  const err = e as { code?: string; message?: string };
  if (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR') return new ImportFileError('cli-cannot-read-file', { file }, partial);
  if (/zip|end of central directory|signature/i.test(err.message ?? '')) return new ImportFileError('import-bad-xlsx', { file: name }, partial);
  return e instanceof Error ? Object.assign(e, { partial }) : new Error(String(e));
}

const size = (bytes: number): string => (bytes >= 1 << 20 ? `${formatInt(bytes / (1 << 20))} MiB` : `${formatInt(bytes / 1024)} KiB`);

/** Which limit an xlsx file is over, as a person reads it. */
function xlsxLimit(e: XlsxTooLarge): string {
  const args = { part: e.part, row: formatInt(e.row ?? 0) };
  switch (e.limit) {
    case 'token': return t('import-xlsx-limit-token', { ...args, limit: size(XLSX_LIMITS.token) });
    case 'row': return t('import-xlsx-limit-row', { ...args, limit: size(XLSX_LIMITS.row) });
    case 'cells': return t('import-xlsx-limit-cells', { ...args, limit: formatInt(XLSX_LIMITS.cells) });
    case 'sharedStringsBytes': return t('import-xlsx-limit-shared-bytes', { limit: size(XLSX_LIMITS.sharedStringsBytes) });
    case 'sharedStrings': return t('import-xlsx-limit-shared-count', { limit: formatInt(XLSX_LIMITS.sharedStrings) });
    case 'part': return t('import-xlsx-limit-part', { ...args, limit: size(XLSX_LIMITS.part) });
  }
}
