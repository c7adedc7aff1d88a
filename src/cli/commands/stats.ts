// dunghan stats [--unit CODE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--at ISO] --json: the rates
// and buckets of a unit's subtree (the root by default), year to date by default.
import { localDate, parseLocalDate } from '../../calendar/time.ts';
import { formatDateTime, formatInt, formatPercent } from '../../i18n/format.ts';
import { t } from '../../i18n/translate.ts';
import { RateReports } from '../../rates/rates.ts';
import { yearToDate } from '../../rates/period.ts';
import { loadUnitTree } from '../../org/tree.ts';
import { parse, parseInstant } from '../args.ts';
import { CliError, UsageError, withDatabase, type CliCommand } from '../context.ts';

const round = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);

export const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'cli-stats-summary',
  usage: 'cli-stats-usage',
  async run(ctx) {
    const usage = t('cli-stats-usage');
    const { values, positionals } = parse(ctx.args, { unit: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, at: { type: 'string' }, json: { type: 'boolean' } }, usage);
    if (positionals.length > 0) throw new UsageError(usage);
    const at = values.at ? parseInstant(values.at, '--at') : ctx.clock.now();
    const date = (v: string | undefined, flag: string, fallback: string) => {
      if (v === undefined) return fallback;
      try {
        return parseLocalDate(v);
      } catch {
        throw new UsageError(t('cli-bad-date', { flag, value: v }));
      }
    };
    const ytd = yearToDate(at);
    const period = { from: date(values.from, '--from', ytd.from), to: date(values.to, '--to', localDate(at)) };
    if (period.from > period.to) throw new UsageError(t('cli-bad-range', { from: period.from, to: period.to }));

    return withDatabase(ctx, async ({ database, loadCalendar }) => {
      const tree = await loadUnitTree(database.db);
      const unit = values.unit ? tree.byCode.get(values.unit) : tree.roots()[0];
      if (!unit) throw new CliError(values.unit ? t('cli-unknown-unit', { code: values.unit }) : t('stats-no-units'));
      const metrics = new RateReports(database, await loadCalendar(), tree);
      const m = await metrics.forUnit(unit.id, period, at, values.at === undefined);
      const b = m.buckets;
      if (values.json) {
        ctx.out(JSON.stringify({
          unit: unit.code, from: period.from, to: period.to, at: m.end.toISOString(),
          received: b.received, receivedOnline: b.receivedOnline, receivedDirect: b.received - b.receivedOnline - b.receivedPostal, receivedPostal: b.receivedPostal,
          carriedOver: m.carriedOver,
          resolved: b.finished, resolvedEarly: b.finishedEarly, resolvedOnTime: b.finishedOnTime, resolvedLate: b.finishedLate,
          inProgress: b.inProgress, inProgressOverdue: b.inProgressOverdue, waitingSupplement: b.waitingSupplement,
          onTimeRate: round(m.rates.onTimeRate), onlineRate: round(m.rates.onlineRate), digitizedRate: round(m.rates.digitizedRate),
          satisfactionRate: round(m.rates.satisfactionRate), onlinePaymentCount: b.paidOnline, onlinePaymentAmount: b.paidAmount,
        }));
        return 0;
      }
      ctx.out([
        t('tiendo-title', { unit: unit.name }),
        t('tiendo-period', { period: t('period-label', { from: period.from, to: period.to }), at: formatDateTime(m.end) }),
        t('stats-rates', { onTime: formatPercent(m.rates.onTimeRate), online: formatPercent(m.rates.onlineRate), digitized: formatPercent(m.rates.digitizedRate), satisfaction: formatPercent(m.rates.satisfactionRate) }),
        t('tiendo-received', { received: formatInt(b.received), online: formatInt(b.receivedOnline), direct: formatInt(b.received - b.receivedOnline - b.receivedPostal), postal: formatInt(b.receivedPostal), carried: formatInt(m.carriedOver) }),
        t('tiendo-finished', { finished: formatInt(b.finished), early: formatInt(b.finishedEarly), onTime: formatInt(b.finishedOnTime), late: formatInt(b.finishedLate) }),
        t('tiendo-open', { inProgress: formatInt(b.inProgress), overdue: formatInt(b.inProgressOverdue), waiting: formatInt(b.waitingSupplement) }),
        t('tiendo-payment', { count: formatInt(b.paidOnline), amount: formatInt(b.paidAmount) }),
      ].join('\n'));
      return 0;
    });
  },
};
