// dunghan alerts --dry-run|--run [--at ISO] [--json]: the reminder plan (who, which channel,
// which stage, which dossiers, the text); --run writes it to the outbox (the service sends it).
// The channels come from the officials' chat accounts, never from this shell's environment; the
// messages waiting for a channel no instance runs are counted ("stuck").
import { runAlerts } from '../../alerts/run.ts';
import { t } from '../../i18n/translate.ts';
import { formatDateTime, formatInt } from '../../i18n/format.ts';
import { stuckCounts } from '../../outbox/stuck.ts';
import { parse, parseInstant } from '../args.ts';
import { UsageError, withDatabase, type CliCommand } from '../context.ts';

export const alertsCommand: CliCommand = {
  name: 'alerts',
  summary: 'cli-alerts-summary',
  usage: 'cli-alerts-usage',
  async run(ctx) {
    const { values, positionals } = parse(ctx.args, { 'dry-run': { type: 'boolean' }, run: { type: 'boolean' }, at: { type: 'string' }, json: { type: 'boolean' } }, t('cli-alerts-usage'));
    if (positionals.length > 0 || values['dry-run'] === values.run) throw new UsageError(t('cli-alerts-usage'));
    const at = values.at ? parseInstant(values.at, '--at') : ctx.clock.now();
    return withDatabase(ctx, async (services) => {
      const { database } = services;
      const r = await runAlerts(services, at, { dryRun: values['dry-run'] === true });
      const stuck = await stuckCounts(database.db, ctx.clock.now());
      if (values.json) {
        ctx.out(JSON.stringify({
          notBefore: r.notBefore.toISOString(),
          written: r.written,
          messages: r.messages.map((m) => ({ recipient: m.official.code, channel: m.address.channel, address: m.address.address, stages: m.stages, dossiers: m.dossierCodes, text: m.text })),
          unaddressed: r.unaddressed.map((o) => o.code),
          stuck,
        }));
        return 0;
      }
      for (const m of r.messages) {
        ctx.out(t('alerts-plan-message', { recipient: m.official.code, name: m.official.fullName, channel: m.address.channel, address: m.address.address, stages: m.stages.join(', '), count: String(m.dossierCodes.length) }));
        ctx.out(`${m.text}\n`);
      }
      if (r.unaddressed.length > 0) ctx.out(t('alerts-unaddressed', { officials: r.unaddressed.map((o) => o.code).join(', ') }));
      ctx.out(values.run
        ? (r.ran ? t('alerts-written', { count: String(r.written), at: formatDateTime(r.notBefore) }) : t('alerts-busy'))
        : t('alerts-dry-run', { count: String(r.messages.length), at: formatDateTime(r.notBefore) }));
      for (const [channel, count] of Object.entries(stuck)) ctx.out(t('outbox-stuck-summary', { channel, count: formatInt(count) }));
      return 0;
    });
  },
};
