// Sends what the outbox holds. Rows are claimed with a lease (on PostgreSQL with FOR UPDATE SKIP
// LOCKED, so several instances share the work without sending a row twice); a row whose lease
// expired — its sender crashed mid-send — is claimed again, so nothing is lost and at most the
// messages in flight at a crash are sent twice. Failures retry with exponential backoff and
// jitter, honouring a channel's retry_after; an unreachable address is deactivated and the
// message re-routed to the official's other channel; rows that cannot be sent end "dead" and the
// admins are told once. A message whose text went but whose image did not is kept with a flag and
// only its image is sent again, within the same number of attempts.
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { ChannelError, ImageNotSent, type Channel, type ChannelErrorKind } from '../core/channel.ts';
import { sleep, systemClock, type Clock } from '../core/clock.ts';
import type { Message, StoredMessage } from '../core/message.ts';
import type { Database } from '../db/client.ts';
import type { Logger } from '../log.ts';
import type { ChannelName } from '../org/codes.ts';
import { enqueue } from './enqueue.ts';
import { notifyAdmins } from './notices.ts';
import { Pacer } from './pacer.ts';
import { addressesOf } from './routing.ts';
import { splitText } from '../core/split-text.ts';

export interface DispatcherOptions {
  database: Database;
  channels: ReadonlyMap<ChannelName, Channel>;
  log: Logger;
  maxAttempts: number;
  clock?: Clock;
  /** Identifies this process's leases. */
  owner?: string;
  leaseMs?: number;
  batch?: number;
  /** Messages sent at the same time; at most this many can be sent twice after a crash. */
  concurrency?: number;
  sendTimeoutMs?: number;
  /** Pause when there is nothing to send. */
  idleMs?: number;
  pacer?: Pacer;
  random?: () => number;
  /**
   * A message whose chat or group is not ready for longer than this (a burst to one chat) waits
   * off the worker, its lease held until then, so other chats are not kept waiting.
   */
  maxPaceWaitMs?: number;
  /** A slot further away than this is not held in memory: the message goes back to the outbox until then. */
  maxParkMs?: number;
  /** First retry delay; doubles with each attempt up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

interface Row {
  id: number;
  dedupKey: string;
  officialId: number | null;
  channel: string;
  address: string;
  kind: string;
  payload: string;
  attempts: number;
}

export class Dispatcher {
  readonly #o: Required<Omit<DispatcherOptions, 'pacer'>> & { pacer: Pacer };
  #running = false;
  #loop: Promise<void> | null = null;
  readonly #images = new Map<string, Buffer>();
  /** Messages waiting for their slot off the workers; the last one of each chat, to keep their order. */
  readonly #parked = new Set<Promise<void>>();
  readonly #lastParked = new Map<string, { task: Promise<void>; turn: number }>();
  #stopping = stopSignal();

  constructor(options: DispatcherOptions) {
    this.#o = {
      clock: systemClock,
      owner: randomUUID(),
      leaseMs: 60_000,
      batch: 50,
      concurrency: 4,
      sendTimeoutMs: 30_000,
      idleMs: 1_000,
      maxPaceWaitMs: 250,
      maxParkMs: 5 * 60_000,
      random: Math.random,
      backoffMs: 5_000,
      maxBackoffMs: 30 * 60_000,
      ...options,
      pacer: options.pacer ?? new Pacer(options.clock ?? systemClock),
    };
  }

  /** Claims one batch and sends it; returns how many rows were handled. */
  async runOnce(): Promise<number> {
    // RETURNING gives no order (PostgreSQL): send a batch oldest first, so one chat's messages keep theirs.
    const rows = (await this.#claim()).sort((a, b) => Number(a.id) - Number(b.id));
    let next = 0;
    const worker = async () => {
      while (next < rows.length) await this.#deliver(rows[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(this.#o.concurrency, rows.length) }, worker));
    return rows.length;
  }

  /** Runs until stop(): sends whatever is due, then waits a little when idle. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#stopping = stopSignal();
    this.#loop = (async () => {
      while (this.#running) {
        try {
          if ((await this.runOnce()) === 0) await sleep(this.#o.clock, this.#o.idleMs);
        } catch (e) {
          this.#o.log.error({ err: e }, 'outbox dispatch failed');
          await sleep(this.#o.clock, this.#o.idleMs);
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#stopping.abort();
    await this.#loop;
    await Promise.all(this.#parked);
  }

  async #claim(): Promise<Row[]> {
    const { db, target } = this.#o.database;
    const now = this.#o.clock.now();
    const until = new Date(now.getTime() + this.#o.leaseMs);
    // Only rows for the channels this process runs (the Zalo account runs on one instance only).
    const names = [...this.#o.channels.keys()];
    if (names.length === 0) return [];
    if (target.engine === 'postgresql') {
      return db.$queryRawUnsafe<Row[]>(
        `UPDATE "Outbox" SET "status" = 'sending', "leaseOwner" = $1, "leaseExpiresAt" = $2, "attempts" = "attempts" + 1, "updatedAt" = $3
          WHERE "id" IN (SELECT "id" FROM "Outbox"
                          WHERE (("status" = 'pending' AND "nextAttemptAt" <= $3) OR ("status" = 'sending' AND "leaseExpiresAt" < $3))
                            AND "channel" = ANY($5::text[])
                          ORDER BY "nextAttemptAt", "id" LIMIT $4 FOR UPDATE SKIP LOCKED)
          RETURNING "id", "dedupKey", "officialId", "channel", "address", "kind", "payload", "attempts"`,
        this.#o.owner, until, now, this.#o.batch, names,
      );
    }
    return db.$queryRawUnsafe<Row[]>(
      `UPDATE "Outbox" SET "status" = 'sending', "leaseOwner" = ?, "leaseExpiresAt" = ?, "attempts" = "attempts" + 1, "updatedAt" = ?
        WHERE "id" IN (SELECT "id" FROM "Outbox"
                        WHERE (("status" = 'pending' AND "nextAttemptAt" <= ?) OR ("status" = 'sending' AND "leaseExpiresAt" < ?))
                          AND "channel" IN (SELECT value FROM json_each(?))
                        ORDER BY "nextAttemptAt", "id" LIMIT ?)
        RETURNING "id", "dedupKey", "officialId", "channel", "address", "kind", "payload", "attempts"`,
      this.#o.owner, until, now, now, now, JSON.stringify(names), this.#o.batch,
    );
  }

  /** `from`: a row just claimed, or one woken from #park. */
  async #deliver(raw: Row, from: 'claim' | 'park' = 'claim'): Promise<void> {
    const row = { ...raw, id: Number(raw.id), attempts: Number(raw.attempts), officialId: raw.officialId === null ? null : Number(raw.officialId) };
    const channel = this.#o.channels.get(row.channel as ChannelName);
    if (!channel) return this.#fail(row, 'transient', `channel ${row.channel} is not running here`);
    let payload: StoredMessage | undefined;
    try {
      payload = JSON.parse(row.payload) as StoredMessage;
      const image = payload.image ? { png: await this.#image(payload.image.sha256), ...(payload.image.caption ? { caption: payload.image.caption } : {}) } : undefined;
      const parts = payload.textSent ? [''] : splitText(payload.text, channel.maxText);
      let imageFailed: ImageNotSent | null = null;
      for (const [i, text] of parts.entries()) {
        const message: Message = { text };
        if (i === 0 && image) message.image = image;
        if (i === parts.length - 1 && payload.buttons && !payload.textSent) message.buttons = payload.buttons;
        // A message not yet begun steps aside while its chat is busy, or behind the chat's messages
        // already waiting; its later parts wait here.
        const group = channel.isGroup(row.address);
        const busy = i === 0 ? this.#o.pacer.readyIn(channel.name, row.address, group, channel.limits) : 0;
        const ahead = i === 0 && from === 'claim' ? this.#lastParked.get(`${row.channel}:${row.address}`) : undefined;
        if (busy > this.#o.maxPaceWaitMs || ahead) {
          // Behind waiting messages, expect this one's turn one interval after the last of them.
          const limit = group ? channel.limits.perGroup : channel.limits.perChat;
          const turn = ahead ? ahead.turn + limit.windowMs / limit.count - this.#o.clock.monotonic() : 0;
          return await this.#park(raw, row, Math.max(busy, turn, 0));
        }
        const wait = this.#o.pacer.reserve(channel.name, row.address, group, channel.limits);
        if (wait > 0) await sleep(this.#o.clock, wait);
        // The image rides on the first part: if only it failed, the rest of the text still goes.
        await this.#withTimeout(channel.send(row.address, message)).catch((e: unknown) => {
          if (!(e instanceof ImageNotSent)) throw e;
          imageFailed = e;
        });
      }
      if (imageFailed) throw imageFailed;
      await this.#mark(row, { status: 'sent', sentAt: this.#o.clock.now(), leaseOwner: null, leaseExpiresAt: null, lastError: null });
    } catch (e) {
      const err = e instanceof ChannelError ? e : new ChannelError('transient', e instanceof Error ? e.message : String(e));
      // The text is delivered: from now on only the image is sent.
      const data = err instanceof ImageNotSent && payload && !payload.textSent ? { payload: JSON.stringify({ ...payload, textSent: true }) } : {};
      await this.#fail(row, err.kind, err.message, err.retryAfterMs, data);
    }
  }

  /**
   * Waits off the worker until the chat's next free slot, and after the chat's earlier waiting
   * messages, then tries again: the lease is extended past it (no other instance takes the row
   * meanwhile), and on stop() the row goes back to the outbox. Beyond maxParkMs the row goes
   * back to the outbox until then.
   */
  async #park(raw: Row, row: Row, waitMs: number): Promise<void> {
    const now = this.#o.clock.now().getTime();
    const back = { status: 'pending', nextAttemptAt: new Date(now + waitMs), attempts: row.attempts - 1, leaseOwner: null, leaseExpiresAt: null };
    if (waitMs > this.#o.maxParkMs) return this.#mark(row, back);
    // Queued synchronously, so that a message of the same chat handled meanwhile queues behind.
    const chat = `${row.channel}:${row.address}`;
    const before = this.#lastParked.get(chat)?.task;
    const extended = this.#mark(row, { leaseExpiresAt: new Date(now + waitMs + this.#o.leaseMs) });
    const task = Promise.all([sleep(this.#o.clock, waitMs, this.#stopping.signal), before, extended])
      .then(() => this.#deliver(raw, 'park'), () => this.#mark(row, back))
      .catch((e: unknown) => this.#o.log.error({ err: e, outboxId: row.id }, 'outbox parked message failed'));
    this.#parked.add(task);
    this.#lastParked.set(chat, { task, turn: this.#o.clock.monotonic() + waitMs });
    void task.finally(() => {
      this.#parked.delete(task);
      if (this.#lastParked.get(chat)?.task === task) this.#lastParked.delete(chat);
    });
  }

  async #withTimeout<T>(p: Promise<T>): Promise<T> {
    const ac = new AbortController();
    const timeout = sleep(this.#o.clock, this.#o.sendTimeoutMs, ac.signal).then(() => {
      throw new ChannelError('transient', `no answer within ${this.#o.sendTimeoutMs} ms`);
    });
    try {
      return await Promise.race([p, timeout]);
    } finally {
      ac.abort();
      timeout.catch(() => {});
    }
  }

  async #image(sha256: string): Promise<Buffer> {
    let png = this.#images.get(sha256);
    if (!png) {
      const a = await this.#o.database.db.attachment.findUniqueOrThrow({ where: { sha256 } });
      png = Buffer.from(a.data);
      if (this.#images.size > 20) this.#images.clear();
      this.#images.set(sha256, png);
    }
    return png;
  }

  /** Updates the row only if this process still holds its lease. */
  async #mark(row: Row, data: Record<string, unknown>): Promise<void> {
    await this.#o.database.db.outbox.updateMany({ where: { id: row.id, leaseOwner: this.#o.owner }, data: { ...data, updatedAt: this.#o.clock.now() } });
  }

  /** `data`: more columns to update with the outcome (the payload of a half-delivered message). */
  async #fail(row: Row, kind: ChannelErrorKind, message: string, retryAfterMs?: number, data: Record<string, unknown> = {}): Promise<void> {
    const now = this.#o.clock.now();
    const lastError = `${kind}: ${message}`.slice(0, 500);
    // The channel's own description: channels never put a secret in it (a Telegram token is scrubbed).
    this.#o.log.warn({ outboxId: row.id, channel: row.channel, kind, attempts: row.attempts, error: lastError }, 'delivery failed');
    if (kind === 'rate_limited') {
      const wait = retryAfterMs ?? 1_000;
      this.#o.pacer.holdUntil(row.channel, this.#o.clock.monotonic() + wait);
      // Waiting for the channel is not the message's fault: the attempt does not count.
      const next = new Date(now.getTime() + wait);
      await this.#mark(row, { ...data, status: 'pending', nextAttemptAt: next, attempts: row.attempts - 1, leaseOwner: null, leaseExpiresAt: null, lastError });
      return;
    }
    if (kind === 'transient' && row.attempts < this.#o.maxAttempts) {
      const base = Math.min(this.#o.backoffMs * 2 ** (row.attempts - 1), this.#o.maxBackoffMs);
      const delay = Math.round(base * (0.5 + this.#o.random() / 2));
      await this.#mark(row, { ...data, status: 'pending', nextAttemptAt: new Date(now.getTime() + delay), leaseOwner: null, leaseExpiresAt: null, lastError });
      return;
    }
    await this.#mark(row, { ...data, status: 'dead', leaseOwner: null, leaseExpiresAt: null, lastError });
    if (kind === 'unreachable') await this.#unreachable(row, message);
    else if (row.kind !== 'admin') await notifyAdmins(this.#o.database, { key: `dead:${row.id}`, id: 'outbox-dead', args: { id: String(row.id), channel: row.channel, error: lastError } }, now);
  }

  /** Deactivates the address, re-routes the message to the official's other channel, tells the admins once. */
  async #unreachable(row: Row, message: string): Promise<void> {
    const { database } = this.#o;
    const now = this.#o.clock.now();
    const channel = row.channel as ChannelName;
    const group = this.#o.channels.get(channel)?.isGroup(row.address) ?? false;
    if (group) {
      await database.db.chatGroup.updateMany({ where: { channel, externalId: row.address }, data: { active: false } });
    } else {
      await database.db.chatIdentity.updateMany({ where: { channel, externalId: row.address, active: true }, data: { active: false, deactivatedAt: now, deactivatedWhy: message.slice(0, 200) } });
    }
    if (row.officialId !== null) {
      // Whichever instance runs that channel sends it (src/outbox/stuck.ts if none does).
      const other = (await addressesOf(database.db, [row.officialId])).get(row.officialId)?.find((a) => a.channel !== channel);
      if (other) {
        await enqueue(database.db, database.target.engine, [{
          dedupKey: `${row.dedupKey}|${other.channel}`, officialId: row.officialId, channel: other.channel, address: other.address,
          kind: row.kind, payload: JSON.parse(row.payload) as StoredMessage, notBefore: now,
        }], now);
      }
    }
    if (row.kind !== 'admin') {
      await notifyAdmins(database, { key: `unreachable:${channel}:${row.address}`, id: 'outbox-unreachable', args: { channel, address: row.address, error: message.slice(0, 200) } }, now);
    }
  }
}

/** One signal that every parked message listens to. */
function stopSignal(): AbortController {
  const c = new AbortController();
  setMaxListeners(0, c.signal);
  return c;
}
