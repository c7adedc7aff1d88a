// dunghan due: the due date of a receipt under a legal time limit, on the unit's calendar.
import { computeDue, MAX_LIMIT_DAYS, type TimeLimit } from '../../calendar/due.ts';
import { localDate, toIsoVN, weekday } from '../../calendar/time.ts';
import { formatDateTime, formatLocalDate } from '../../i18n/format.ts';
import { t } from '../../i18n/translate.ts';
import { parse, parseInstant } from '../args.ts';
import { CliError, UsageError, withDatabase, type CliCommand } from '../context.ts';

export const dueCommand: CliCommand = {
  name: 'due',
  summary: 'cli-due-summary',
  usage: 'cli-due-usage',
  async run(ctx) {
    const usage = t('cli-due-usage');
    const { values, positionals } = parse(
      ctx.args,
      {
        received: { type: 'string' },
        days: { type: 'string' },
        hours: { type: 'string' },
        'calendar-days': { type: 'string' },
        unit: { type: 'string' },
        paused: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
      usage,
    );
    if (positionals.length > 0 || !values.received) throw new UsageError(`${t('due-needs-received')}\n${usage}`);
    const receivedAt = parseInstant(values.received, '--received');
    const limit = parseLimit(values);
    const pauses = (values.paused ?? []).map(parsePause);

    return withDatabase(ctx, async ({ config, database: { db }, loadCalendar }) => {
      const unit = values.unit ? await db.unit.findUnique({ where: { code: values.unit } }) : null;
      if (values.unit && !unit) throw new CliError(t('cli-unknown-unit', { code: values.unit }));
      const base = await loadCalendar();
      const cal = unit ? base.forUnit(unit.code, unit.worksSaturday) : base;
      let due: ReturnType<typeof computeDue>;
      try {
        due = computeDue(receivedAt, limit, cal, { pauses });
      } catch (e) {
        throw new UsageError(t('due-out-of-range', { detail: (e as Error).message }));
      }
      if (values.json) {
        ctx.out(JSON.stringify({ dueAt: toIsoVN(due.dueAt), workingDaysSkipped: due.workingDaysSkipped, reason: due.reason, startedAt: toIsoVN(due.startedAt) }));
        return 0;
      }
      const dueDay = localDate(due.dueAt);
      ctx.out(t('due-result', { weekday: t(`weekday-${weekday(dueDay)}`), dueAt: formatDateTime(due.dueAt), reason: t(`due-reason-${due.reason.replaceAll('_', '-')}`), startedAt: formatDateTime(due.startedAt) }));
      const dayList = (days: string[]) => days.map((d) => formatLocalDate(d).slice(0, 5)).join(', ');
      if (due.daysOffCounted.length > 0) ctx.out(t('due-days-off-counted', { count: due.daysOffCounted.length, days: dayList(due.daysOffCounted) }));
      if (due.workingDaysSkipped.length > 0) ctx.out(t('due-skipped', { count: due.workingDaysSkipped.length, days: dayList(due.workingDaysSkipped) }));
      return 0;
    });
  },
};

function parseLimit(values: { days?: string; hours?: string; 'calendar-days'?: string }): TimeLimit {
  const given = (['days', 'hours', 'calendar-days'] as const).filter((k) => values[k] !== undefined);
  if (given.length !== 1) throw new UsageError(`${t('due-needs-one-limit')}\n${t('cli-due-usage')}`);
  const flag = given[0]!;
  const raw = values[flag]!;
  const value = Number(raw.replace(',', '.'));
  const max = flag === 'hours' ? MAX_LIMIT_DAYS * 24 : MAX_LIMIT_DAYS;
  if (!/^\d+([.,]\d+)?$/.test(raw.trim()) || !Number.isFinite(value) || value > max || (flag === 'calendar-days' && !Number.isInteger(value))) {
    throw new UsageError(t('due-bad-limit', { flag: `--${flag}`, value: raw, max: String(max) }));
  }
  return { value, unit: flag === 'days' ? 'working_days' : flag === 'hours' ? 'working_hours' : 'calendar_days' };
}

function parsePause(text: string): { from: Date; to: Date } {
  const [from, to, extra] = text.split('/');
  if (!from || !to || extra !== undefined) throw new UsageError(t('due-bad-pause', { value: text }));
  const pause = { from: parseInstant(from, '--paused'), to: parseInstant(to, '--paused') };
  if (pause.to.getTime() < pause.from.getTime()) throw new UsageError(t('due-bad-pause', { value: text }));
  return pause;
}
