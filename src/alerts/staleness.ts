// The staleness alarm: when no import or ingest has succeeded for STALE_AFTER_WORKING_DAYS
// working days (dossiers/freshness.ts), the admins and the reform office get one alert per stale
// episode, so that "no overdue dossiers" never passes for an all-clear when the feed has stopped.
import { every } from '../core/clock.ts';
import type { Services } from '../core/services.ts';
import type { Database } from '../db/client.ts';
import { formatDateTime } from '../i18n/format.ts';
import { t } from '../i18n/translate.ts';
import { enqueue } from '../outbox/enqueue.ts';
import type { OutboxMessage } from '../outbox/message.ts';
import { addressesOf } from '../outbox/routing.ts';
import { dataStaleness, type Staleness, type StalenessOptions } from '../dossiers/freshness.ts';
import { STALE_ALERT_ROLES } from '../org/roles.ts';

/**
 * Enqueues the alert if the data are stale. Safe to call as often as wanted (e.g. with the alert
 * planner): the dedup key names the episode (the last success) and the recipient, so each person
 * is told once per episode. Returns the dedup keys actually added.
 */
export async function checkStaleness(database: Database, o: StalenessOptions): Promise<Staleness & { enqueued: string[] }> {
  const { db } = database;
  const s = await dataStaleness(db, o);
  if (!s.stale || !s.last) return { ...s, enqueued: [] };
  const officials = await db.official.findMany({ where: { role: { in: [...STALE_ALERT_ROLES] }, active: true }, select: { id: true, code: true }, orderBy: { id: 'asc' } });
  const addresses = await addressesOf(db, officials.map((x) => x.id));
  const text = t('ingest-stale-alert', { since: formatDateTime(s.last.at), source: s.last.source });
  const notBefore = o.calendar.workStart(o.now);
  const episode = s.last.at.toISOString();
  const messages: OutboxMessage[] = [];
  for (const official of officials) {
    const first = addresses.get(official.id)?.[0];
    if (!first) continue;
    messages.push({ dedupKey: `stale:${episode}:${official.code}`, officialId: official.id, channel: first.channel, address: first.address, kind: 'stale_data', payload: { text }, notBefore });
  }
  const enqueued = messages.length > 0 ? await enqueue(db, database.target.engine, messages, o.now) : [];
  return { ...s, enqueued };
}

/**
 * Checks every `everyMs` (default 10 minutes) in the service. Several instances may run it: the
 * outbox's dedup keys keep it to one alert per person and episode.
 */
export function watchStaleness({ database, config, log, clock, loadCalendar }: Services, everyMs = 10 * 60_000): { stop(): void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const calendar = await loadCalendar();
      const r = await checkStaleness(database, { now: clock.now(), calendar, staleAfterWorkingDays: config.STALE_AFTER_WORKING_DAYS });
      if (r.enqueued.length > 0) log.warn({ lastSuccessAt: r.last?.at, source: r.last?.source, alerts: r.enqueued.length }, 'data stale: alert enqueued');
    } catch (e) {
      log.warn({ error: (e as Error).name }, 'staleness check failed');
    } finally {
      running = false;
    }
  };
  const stop = every(clock, everyMs, tick);
  void tick();
  return { stop };
}
