// dunghan import <file.csv|file.xlsx> [--mapping file] [--source name] [--encoding utf-8|windows-1258|windows-1252] [--dry-run] [--create-missing] [--json]
import { basename } from 'node:path';
import { formatInt } from '../../i18n/format.ts';
import { t } from '../../i18n/translate.ts';
import { importFile, ImportFileError, MAX_REPORTED, type ImportReport, type Progress, type RowProblem } from '../../ingest/import-file.ts';
import { parseEncoding } from '../../ingest/encoding.ts';
import { EMPTY_MAPPING, loadMapping, MappingError, type Mapping } from '../../ingest/mapping.ts';
import { parse } from '../args.ts';
import { CliError, UsageError, withDatabase, type CliCommand, type CliContext } from '../context.ts';

/** Problems printed in text mode (all of them, up to MAX_REPORTED, with --json). */
const PRINTED = 100;
const SOURCE = /^[a-z0-9][a-z0-9._-]{0,39}$/i;

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'cli-import-summary',
  usage: 'cli-import-usage',
  async run(ctx) {
    const usage = t('cli-import-usage');
    const { values, positionals } = parse(ctx.args, {
      mapping: { type: 'string' }, source: { type: 'string' }, encoding: { type: 'string' },
      'dry-run': { type: 'boolean' }, 'create-missing': { type: 'boolean' }, json: { type: 'boolean' },
    }, usage);
    if (positionals.length !== 1) throw new UsageError(usage);
    const file = positionals[0]!;
    const runSource = values.source ?? 'import';
    if (!SOURCE.test(runSource)) throw new UsageError(`${t('token-bad-source', { source: runSource })}\n${usage}`);
    const encoding = parseEncoding(values.encoding ?? 'utf-8');
    if (!encoding) throw new UsageError(`${t('import-bad-encoding', { encoding: values.encoding ?? '' })}\n${usage}`);
    let mapping: Mapping = EMPTY_MAPPING;
    if (values.mapping) {
      try {
        mapping = loadMapping(values.mapping);
      } catch (e) {
        const m = e as MappingError;
        throw new CliError(t('import-bad-mapping', { file: values.mapping, path: m.path ? ` (${m.path})` : '', detail: m.detail ?? String(e) }));
      }
    }

    return withDatabase(ctx, async ({ config, database, loadCalendar }) => {
      const now = ctx.clock.now();
      const progress = progressLine(ctx);
      let report: ImportReport;
      try {
        report = await importFile(database, {
          file, encoding, mapping, dryRun: values['dry-run'] === true, createMissing: values['create-missing'] === true, runSource,
          now, clock: ctx.clock, calendar: await loadCalendar(), workingHours: config.WORKING_HOURS,
          signal: ctx.signal, onProgress: progress.update,
        });
      } catch (e) {
        progress.done();
        const partial = (e as { partial?: ImportReport }).partial;
        if (partial && values.json) ctx.out(JSON.stringify({ ...summary(partial), error: e instanceof ImportFileError ? e.message : String((e as Error).message ?? e) }));
        // What was imported before the import stopped, and the rows rejected until then.
        else if (partial) printReport(ctx, file, partial);
        if (e instanceof ImportFileError) {
          const kept = partial?.lastCommittedRow != null && !partial.dryRun ? `\n${t('import-failed-kept', { row: formatInt(partial.lastCommittedRow) })}` : '';
          throw new CliError(`${e.message}${kept}`);
        }
        if (partial) {
          const detail = (e as Error).message;
          throw new CliError(partial.lastCommittedRow === null ? t('import-failed-nothing', { detail }) : t('import-failed-after', { detail, row: formatInt(partial.lastCommittedRow) }));
        }
        throw e;
      }
      progress.done();
      if (values.json) ctx.out(JSON.stringify(summary(report)));
      else printReport(ctx, file, report);
      return report.interrupted ? 130 : report.rejectedRows > 0 ? 1 : 0;
    });
  },
};

function summary(r: ImportReport) {
  return {
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected.map((p) => ({ row: p.row, field: p.field, value: p.value, reason: p.reason })),
    rejectedRows: r.rejectedRows,
    warnings: r.warnings,
    warningCount: r.warningCount,
    rows: r.rows,
    blank: r.blank,
    ignoredColumns: r.ignoredColumns,
    createdUnits: r.createdUnits,
    createdProcedures: r.createdProcedures,
    dryRun: r.dryRun,
    interrupted: r.interrupted,
    lastCommittedRow: r.lastCommittedRow,
    interruptedRuns: r.interruptedRuns,
  };
}

function problemLine(p: RowProblem): string {
  if (p.field === '') return t('import-row-problem-whole', { row: formatInt(p.row), reason: p.reason });
  return t('import-row-problem', { row: formatInt(p.row), field: p.field, value: p.value ? ` ("${p.value}")` : '', reason: p.reason });
}

/** Prints the first problems of a list; `total` counts those beyond the list too. */
function printList(ctx: CliContext, title: string, list: RowProblem[], total: number): void {
  if (list.length === 0) return;
  ctx.err(title);
  for (const p of list.slice(0, PRINTED)) ctx.err(`  ${problemLine(p)}`);
  const more = Math.max(total, list.length) - Math.min(PRINTED, list.length);
  if (more > 0) ctx.err(`  ${t('import-more', { count: formatInt(more), max: formatInt(MAX_REPORTED) })}`);
}

function printReport(ctx: CliContext, file: string, r: ImportReport): void {
  const counts = {
    file: basename(file), rows: formatInt(r.rows), inserted: formatInt(r.inserted), updated: formatInt(r.updated),
    unchanged: formatInt(r.unchanged), rejected: formatInt(r.rejectedRows),
  };
  ctx.out(t(r.dryRun ? 'import-dry-run-done' : 'import-done', counts));
  if (r.interruptedRuns.length > 0) {
    ctx.out(t('import-marked-interrupted', { count: formatInt(r.interruptedRuns.length), runs: r.interruptedRuns.map((id) => `#${id}`).join(', ') }));
  }
  if (r.interrupted) ctx.out(r.lastCommittedRow === null ? t('import-interrupted-nothing') : t('import-interrupted', { row: formatInt(r.lastCommittedRow) }));
  if (r.blank > 0) ctx.out(t('import-blank-rows', { count: formatInt(r.blank) }));
  if (r.ignoredColumns.length > 0) ctx.out(t('import-ignored-columns', { columns: r.ignoredColumns.join(', ') }));
  if (r.duplicateColumns.length > 0) ctx.out(t('import-duplicate-columns', { columns: r.duplicateColumns.join(', ') }));
  if (r.createdUnits.length > 0) ctx.out(t('import-created-units', { count: formatInt(r.createdUnits.length), list: r.createdUnits.slice(0, 20).join(', ') }));
  if (r.createdProcedures.length > 0) ctx.out(t('import-created-procedures', { count: formatInt(r.createdProcedures.length), list: r.createdProcedures.slice(0, 20).join(', ') }));
  printList(ctx, t('import-rejected-title'), r.rejected, r.rejected.length);
  printList(ctx, t('import-warnings-title'), r.warnings, r.warningCount);
}

/** A progress line on stderr, rewritten in place, only when stderr is a terminal. */
function progressLine(ctx: CliContext): { update: (p: Progress) => void; done: () => void } {
  const tty = process.stderr.isTTY === true && ctx.env.DUNGHAN_NO_PROGRESS !== '1';
  const started = ctx.clock.monotonic();
  let last = 0;
  let shown = false;
  return {
    update(p) {
      if (!tty) return;
      const elapsed = ctx.clock.monotonic() - started;
      if (elapsed - last < 200) return;
      last = elapsed;
      shown = true;
      process.stderr.write(`\r\x1b[K${t('import-progress', {
        rows: formatInt(p.rows), inserted: formatInt(p.inserted), updated: formatInt(p.updated), unchanged: formatInt(p.unchanged),
        rejected: formatInt(p.rejectedRows), rate: formatInt(Math.round((p.rows * 1000) / Math.max(1, elapsed))),
      })}`);
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
