// Messages no instance can send: pending rows whose channel has no live heartbeat (a reminder
// planned for Telegram while no running instance has TELEGRAM_BOT_TOKEN). They stay pending — an
// instance that starts the channel later sends them — but never silently: their lastError says so,
// /healthz counts them per channel and `dunghan outbox` lists them.
import type { Db, Tx } from '../db/client.ts';
import { liveChannels } from './heartbeat.ts';
import { t } from '../i18n/translate.ts';

/** The lastError of a row waiting for a channel that no instance runs. */
export const noInstanceError = (channel: string): string => t('outbox-no-instance', { channel });

/** For rows about to be written: the lastError each channel's rows start with (null when the channel runs somewhere). */
export async function startingErrors(db: Db | Tx, now: Date): Promise<(channel: string) => string | null> {
  const live = await liveChannels(db, now);
  return (channel) => (live.has(channel) ? null : noInstanceError(channel));
}

/** Pending rows per channel that no instance runs; channels with none are left out. */
export async function stuckCounts(db: Db, now: Date): Promise<Record<string, number>> {
  const [live, pending] = await Promise.all([
    liveChannels(db, now),
    db.outbox.groupBy({ by: ['channel'], where: { status: 'pending' }, _count: { _all: true }, orderBy: { channel: 'asc' } }),
  ]);
  return Object.fromEntries(pending.filter((p) => !live.has(p.channel)).map((p) => [p.channel, p._count._all]));
}

/**
 * Brings lastError up to date: rows of channels no instance runs say so; rows of a channel that
 * runs again lose that line (the dispatcher sends them when due). Returns the rows changed.
 */
export async function markStuck(db: Db, now: Date): Promise<number> {
  const [live, pending] = await Promise.all([liveChannels(db, now), db.outbox.groupBy({ by: ['channel'], where: { status: 'pending' } })]);
  let changed = 0;
  for (const { channel } of pending) {
    const text = noInstanceError(channel);
    const { count } = live.has(channel)
      ? await db.outbox.updateMany({ where: { status: 'pending', channel, lastError: text }, data: { lastError: null, updatedAt: now } })
      : await db.outbox.updateMany({
        where: { status: 'pending', channel, OR: [{ lastError: null }, { lastError: { not: text } }] },
        data: { lastError: text, updatedAt: now },
      });
    changed += count;
  }
  return changed;
}
