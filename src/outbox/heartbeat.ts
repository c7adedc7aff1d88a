// Which chat channels run somewhere. Every running instance keeps one heartbeat per channel it
// sends on — a row of the Lease table named "channel:<name>:<instance>", renewed every quarter of
// its lifetime and expiring after it — so that any process on the same database (another instance,
// the CLI) can tell whether a message for a channel will be sent. Nothing here knows a channel by
// name: a new channel needs no change.
import { randomUUID } from 'node:crypto';
import { every, type Clock } from '../core/clock.ts';
import type { Db, Tx } from '../db/client.ts';
import { acquireLease, releaseLease } from '../db/lease.ts';
import type { Logger } from '../log.ts';

const PREFIX = 'channel:';
/** A heartbeat not renewed for this long means the instance is gone. */
export const HEARTBEAT_TTL_MS = 120_000;
/** Heartbeats of instances gone for this long are deleted. */
const FORGET_AFTER_MS = 24 * 3_600_000;

const leaseName = (channel: string, instance: string) => `${PREFIX}${channel}:${instance}`;

/** The channels some instance runs at `now`. */
export async function liveChannels(db: Db | Tx, now: Date): Promise<Set<string>> {
  const rows = await db.lease.findMany({ where: { name: { startsWith: PREFIX }, expiresAt: { gt: now } }, select: { name: true } });
  return new Set(rows.map((r) => r.name.slice(PREFIX.length).split(':')[0]!));
}

export interface Heartbeat {
  /** Renews the heartbeats now (also done on a timer). */
  beat(): Promise<void>;
  /** Stops renewing and removes this instance's heartbeats. */
  stop(): Promise<void>;
}

export interface HeartbeatOptions {
  clock: Clock;
  log: Logger;
  ttlMs?: number;
  /** This instance's id. */
  instance?: string;
  /** Runs after each beat (the outbox marks what no instance can send). */
  afterBeat?: () => Promise<unknown>;
}

/** Records that this instance runs `channels`, at once and then every ttl/4, until stop(). */
export async function startHeartbeat(db: Db, channels: readonly string[], o: HeartbeatOptions): Promise<Heartbeat> {
  const ttl = o.ttlMs ?? HEARTBEAT_TTL_MS;
  const instance = o.instance ?? randomUUID();
  const beat = async () => {
    const now = o.clock.now();
    for (const channel of channels) await acquireLease(db, leaseName(channel, instance), instance, ttl, now);
    await db.lease.deleteMany({ where: { name: { startsWith: PREFIX }, expiresAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) } } });
    await o.afterBeat?.();
  };
  await beat();
  const stopBeating = every(o.clock, ttl / 4, () => beat().catch((e: unknown) => o.log.warn({ err: e }, 'channel heartbeat failed')));
  return {
    beat,
    async stop() {
      stopBeating();
      for (const channel of channels) await releaseLease(db, leaseName(channel, instance), instance);
    },
  };
}
