// dunghan outbox [--status S] [--limit N] [--json] | dunghan outbox retry <id>: what is waiting,
// sent, or dead in the outbox, and sending a dead message again. Pending messages for a channel
// that no instance runs are "stuck": flagged on each row, counted per channel, and listed alone
// with --status stuck.
import { formatDateTime, formatInt } from '../../i18n/format.ts';
import { t } from '../../i18n/translate.ts';
import { parse, parseInteger } from '../args.ts';
import { CliError, UsageError, withDatabase, type CliCommand } from '../context.ts';
import { liveChannels } from '../../outbox/heartbeat.ts';
import { stuckCounts } from '../../outbox/stuck.ts';

const STATUSES = ['pending', 'sending', 'sent', 'dead', 'cancelled', 'stuck'];

export const outboxCommand: CliCommand = {
  name: 'outbox',
  summary: 'cli-outbox-summary',
  usage: 'cli-outbox-usage',
  async run(ctx) {
    const usage = t('cli-outbox-usage');
    const { values, positionals } = parse(ctx.args, { status: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } }, usage);
    if (positionals[0] === 'retry') {
      const id = positionals.length === 2 ? parseInteger(positionals[1]!, 'id', 1, 2 ** 31 - 1) : null;
      if (id === null) throw new UsageError(usage);
      return withDatabase(ctx, async ({ database: { db } }) => {
        const now = ctx.clock.now();
        const { count } = await db.outbox.updateMany({ where: { id, status: { in: ['dead', 'cancelled'] } }, data: { status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, updatedAt: now } });
        if (count === 0) throw new CliError(t('outbox-retry-none', { id: String(id) }));
        await db.auditLog.create({ data: { at: now, actor: 'cli', action: 'outbox.retry', target: String(id) } });
        ctx.out(t('outbox-retried', { id: String(id) }));
        return 0;
      });
    }
    if (positionals.length > 0) throw new UsageError(usage);
    if (values.status && !STATUSES.includes(values.status)) throw new UsageError(t('outbox-bad-status', { value: values.status, statuses: STATUSES.join(', ') }));
    const limit = values.limit ? parseInteger(values.limit, '--limit', 1, 10_000) : 50;
    return withDatabase(ctx, async ({ database: { db } }) => {
      const now = ctx.clock.now();
      const live = await liveChannels(db, now);
      const where = values.status === 'stuck' ? { status: 'pending', channel: { notIn: [...live] } } : values.status ? { status: values.status } : {};
      const rows = await db.outbox.findMany({ where, orderBy: { id: 'desc' }, take: limit });
      const stuck = (r: { status: string; channel: string }) => r.status === 'pending' && !live.has(r.channel);
      if (values.json) {
        ctx.out(JSON.stringify(rows.map((r) => ({
          id: r.id, status: r.status, channel: r.channel, address: r.address, kind: r.kind, attempts: r.attempts,
          nextAttemptAt: r.nextAttemptAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null, lastError: r.lastError, dedupKey: r.dedupKey, stuck: stuck(r),
        }))));
        return 0;
      }
      if (rows.length === 0) ctx.out(t('outbox-empty'));
      for (const r of rows) {
        ctx.out(t('outbox-line', {
          id: String(r.id), status: stuck(r) ? 'stuck' : r.status, channel: r.channel, address: r.address, kind: r.kind,
          attempts: String(r.attempts), at: formatDateTime(r.sentAt ?? r.nextAttemptAt), error: r.lastError ?? '',
        }));
      }
      for (const [channel, count] of Object.entries(await stuckCounts(db, now))) ctx.out(t('outbox-stuck-summary', { channel, count: formatInt(count) }));
      return 0;
    });
  },
};
