// dunghan invite <mã cán bộ> [--hours 72] [--at ISO] [--json]: a single-use code that links a chat account,
// valid for --hours from --at (default: now).
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/translate.ts';
import { createInvite, INVITE_HOURS } from '../../org/invites.ts';
import { parse, parseInstant, parseInteger } from '../args.ts';
import { CliError, UsageError, withDatabase, type CliCommand } from '../context.ts';

export const inviteCommand: CliCommand = {
  name: 'invite',
  summary: 'cli-invite-summary',
  usage: 'cli-invite-usage',
  async run(ctx) {
    const { values, positionals } = parse(ctx.args, { hours: { type: 'string' }, at: { type: 'string' }, json: { type: 'boolean' } }, t('cli-invite-usage'));
    if (positionals.length !== 1) throw new UsageError(t('cli-invite-usage'));
    const hours = values.hours ? parseInteger(values.hours, '--hours', 1, 24 * 30) : INVITE_HOURS;
    const validFrom = values.at ? parseInstant(values.at, '--at') : undefined;
    return withDatabase(ctx, async ({ database: { db } }) => {
      const official = await db.official.findUnique({ where: { code: positionals[0]! } });
      if (!official?.active) throw new CliError(t('console-unknown-official', { code: positionals[0]! }));
      const { code, expiresAt } = await createInvite(db, official.id, { now: ctx.clock.now(), validFrom, hours, createdBy: 'cli' });
      if (values.json) ctx.out(JSON.stringify({ official: official.code, code, expiresAt: expiresAt.toISOString() }));
      else ctx.out(t('invite-created', { name: official.fullName, title: official.title, code, until: formatDateTime(expiresAt) }));
      return 0;
    });
  },
};
