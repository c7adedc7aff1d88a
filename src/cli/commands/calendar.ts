// dunghan calendar list|add|remove|import: the working-day calendar and its overrides.
import { readFileSync } from 'node:fs';
import { CALENDAR_YEARS } from '../../calendar/calendar.ts';
import { importOverrides, parseDay, parseOverrideCsv, removeOverride, saveOverride, unitCodes, validateOverride } from '../../calendar/overrides.ts';
import { atLocal, localDate, weekday } from '../../calendar/time.ts';
import { recomputeAfterCalendarChange } from '../../dossiers/recompute.ts';
import { formatLocalDate } from '../../i18n/format.ts';
import { t } from '../../i18n/translate.ts';
import { parse, parseInteger } from '../args.ts';
import { CliError, UsageError, withDatabase, type CliCommand, type CliContext } from '../context.ts';
import type { Database } from '../../db/client.ts';
import type { Period } from '../../calendar/hours.ts';

export const calendarCommand: CliCommand = {
  name: 'calendar',
  summary: 'cli-calendar-summary',
  usage: 'cli-calendar-usage',
  async run(ctx) {
    const [sub, ...args] = ctx.args;
    const run = sub ? SUBCOMMANDS.get(sub) : undefined;
    if (!run) throw new UsageError(t('cli-calendar-usage'));
    return run({ ...ctx, args });
  },
};

const SUBCOMMANDS = new Map<string, (ctx: CliContext) => Promise<number>>(Object.entries({ list, add, remove, import: importCsv }));

async function list(ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(ctx.args, { year: { type: 'string' }, unit: { type: 'string' }, json: { type: 'boolean' } }, t('cli-calendar-usage'));
  if (positionals.length > 0) throw new UsageError(t('cli-calendar-usage'));
  const year = values.year ? parseInteger(values.year, '--year', CALENDAR_YEARS.first, CALENDAR_YEARS.last) : Number(localDate(ctx.clock.now()).slice(0, 4));
  return withDatabase(ctx, async ({ database: { db }, loadCalendar }) => {
    const unit = values.unit ? await db.unit.findUnique({ where: { code: values.unit } }) : null;
    if (values.unit && !unit) throw new CliError(t('cli-unknown-unit', { code: values.unit }));
    const base = await loadCalendar();
    const cal = unit ? base.forUnit(unit.code, unit.worksSaturday) : base;
    const days = cal.daysOff(year);
    const notice = cal.yearHasNotice(year);
    if (values.json) {
      ctx.out(JSON.stringify({ year, unit: unit?.code ?? null, notice, days }));
      return 0;
    }
    ctx.out(t('calendar-list-title', { year: String(year), scope: unit ? unit.name : t('calendar-scope-all') }));
    ctx.out(notice ? t('calendar-list-notice') : t('calendar-list-rule'));
    for (const d of days) {
      ctx.out(t('calendar-list-line', {
        weekday: t(`weekday-${weekday(d.date)}`),
        date: formatLocalDate(d.date),
        status: d.working ? t('calendar-working') : t('calendar-off'),
        name: d.name ?? '',
        source: d.source ?? '',
      }));
    }
    ctx.out(t('calendar-list-total', { off: days.filter((d) => !d.working).length, worked: days.filter((d) => d.working).length }));
    return 0;
  });
}

async function add(ctx: CliContext): Promise<number> {
  const usage = t('cli-calendar-usage');
  const { values, positionals } = parse(ctx.args, { off: { type: 'boolean' }, working: { type: 'boolean' }, name: { type: 'string' }, source: { type: 'string' }, unit: { type: 'string' } }, usage);
  if (positionals.length !== 1 || values.off === values.working) throw new UsageError(`${t('calendar-add-needs')}\n${usage}`);
  return withDatabase(ctx, async ({ config, database }) => {
    const { db } = database;
    const checked = validateOverride(
      { date: positionals[0], kind: values.off ? 'day_off' : 'working_day', name: values.name, source: values.source, unit: values.unit },
      await unitCodes(db),
    );
    if ('error' in checked) throw new UsageError(t('calendar-field-error', { field: `--${checked.error.field === 'date' ? 'ngày' : checked.error.field}`, value: checked.error.value, reason: checked.error.reason }));
    const o = checked.value;
    const result = await saveOverride(db, o, 'cli', ctx.clock.now());
    ctx.out(t(result === 'created' ? 'calendar-added' : 'calendar-updated', { date: formatLocalDate(o.date), status: o.kind === 'day_off' ? t('calendar-off') : t('calendar-working'), name: o.name, source: o.source }));
    await recompute(ctx, database, config.WORKING_HOURS, o.date);
    return 0;
  });
}

async function remove(ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(ctx.args, { unit: { type: 'string' } }, t('cli-calendar-usage'));
  const date = positionals.length === 1 ? parseDay(positionals[0]!) : null;
  if (!date) throw new UsageError(`${t('calendar-bad-date', { first: String(CALENDAR_YEARS.first), last: String(CALENDAR_YEARS.last) })}\n${t('cli-calendar-usage')}`);
  return withDatabase(ctx, async ({ config, database }) => {
    const removed = await removeOverride(database.db, date, values.unit ?? '*', 'cli', ctx.clock.now());
    if (!removed) throw new CliError(t('calendar-nothing-to-remove', { date: formatLocalDate(date) }));
    ctx.out(t('calendar-removed', { date: formatLocalDate(date) }));
    await recompute(ctx, database, config.WORKING_HOURS, date);
    return 0;
  });
}

async function importCsv(ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(ctx.args, { complete: { type: 'boolean' }, json: { type: 'boolean' } }, t('cli-calendar-usage'));
  if (positionals.length !== 1) throw new UsageError(t('cli-calendar-usage'));
  let text: string;
  try {
    text = readFileSync(positionals[0]!, 'utf8');
  } catch {
    throw new CliError(t('cli-cannot-read-file', { file: positionals[0]! }));
  }
  return withDatabase(ctx, async ({ config, database }) => {
    const { db } = database;
    let parsed: ReturnType<typeof parseOverrideCsv>;
    try {
      parsed = parseOverrideCsv(text, await unitCodes(db));
    } catch (e) {
      throw new CliError(t('cli-bad-csv', { file: positionals[0]!, detail: (e as Error).message }));
    }
    const { saved, completeYears } = await importOverrides(db, parsed.rows, { complete: values.complete === true, actor: 'cli', now: ctx.clock.now() });
    if (values.json) {
      ctx.out(JSON.stringify({ saved, completeYears, rejected: parsed.rejected }));
    } else {
      ctx.out(t('calendar-imported', { saved, rejected: parsed.rejected.length }));
      if (completeYears.length > 0) ctx.out(t('calendar-complete-years', { years: completeYears.join(', ') }));
      for (const r of parsed.rejected) ctx.err(t('row-rejected', { row: r.row, field: r.field, value: r.value, reason: r.reason }));
    }
    const first = parsed.rows.map((r) => r.date).sort()[0];
    if (first) await recompute(ctx, database, config.WORKING_HOURS, first, values.json === true);
    return parsed.rejected.length > 0 ? 1 : 0;
  });
}

/** Re-derives the deadlines that a change on `date` (or later) can move. */
async function recompute(ctx: CliContext, database: Database, workingHours: readonly Period[], date: string, quiet = false): Promise<void> {
  const { updated, unchanged } = await recomputeAfterCalendarChange(database, { from: atLocal(date, 0), now: ctx.clock.now(), workingHours });
  if (!quiet) ctx.out(t('calendar-recomputed', { count: updated + unchanged }));
}
