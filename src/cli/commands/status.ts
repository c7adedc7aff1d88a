// dunghan status [--at ISO] [--json]: what the database holds and how many dossiers need attention.
import { countAttention } from '../../dossiers/attention.ts';
import { formatDateTime, formatInt } from '../../i18n/format.ts';
import { t } from '../../i18n/translate.ts';
import { parse, parseInstant } from '../args.ts';
import { withDatabase, type CliCommand } from '../context.ts';

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'cli-status-summary',
  usage: 'cli-status-usage',
  async run(ctx) {
    const { values } = parse(ctx.args, { at: { type: 'string' }, json: { type: 'boolean' } }, t('cli-status-usage'));
    const at = values.at ? parseInstant(values.at, '--at') : ctx.clock.now();
    return withDatabase(ctx, async ({ config, database: { db }, loadCalendar }) => {
      const calendar = await loadCalendar();
      const [units, officials, dossiers, lastRun, attention] = await Promise.all([
        db.unit.count(),
        db.official.count(),
        db.dossier.count({ where: { receivedAt: { lte: at } } }),
        db.ingestRun.findFirst({ where: { status: 'succeeded', finishedAt: { lte: at } }, orderBy: { finishedAt: 'desc' } }),
        countAttention(db, at, calendar, { dueSoonWorkingDays: config.DUE_SOON_WORKING_DAYS }),
      ]);
      const lastSyncAt = lastRun?.finishedAt ?? null;
      if (values.json) {
        ctx.out(JSON.stringify({ units, officials, dossiers, ...attention, lastSyncAt: lastSyncAt?.toISOString() ?? null }));
      } else {
        ctx.out(t('status-report', {
          at: formatDateTime(at),
          units: formatInt(units),
          officials: formatInt(officials),
          dossiers: formatInt(dossiers),
          open: formatInt(attention.open),
          dueSoon: formatInt(attention.dueSoon),
          overdue: formatInt(attention.overdue),
          lastSync: lastSyncAt ? t('status-last-sync', { at: formatDateTime(lastSyncAt), source: lastRun!.source }) : t('status-never-synced'),
        }));
      }
      return 0;
    });
  },
};
