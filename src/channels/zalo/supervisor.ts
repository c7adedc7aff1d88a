// Keeps zca-js's listener connected. dunghan owns every reconnection (zca-js's own retry is off):
// a lost connection comes back after an exponential, jittered, bounded delay, reset once a
// connection has lasted; a connection closed because Zalo Web (or another login) took the
// account's single listener over is logged once as a warning and reclaimed only much later, so
// the two do not fight. Sending does not depend on the listener and goes on meanwhile. No event
// from zca-js can throw out of here.
import type { Logger } from '../../log.ts';
import type { ZaloListener, ZaloMessage } from './api.ts';
import type { Clock } from '../../core/clock.ts';
import { zca } from './zca.ts';

export interface SupervisorOptions {
  listener: ZaloListener;
  log: Logger;
  clock: Clock;
  onMessage: (message: ZaloMessage) => void;
  random?: () => number;
  /** First reconnection delay; doubles per failed attempt up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A connection that lasted this long counts as healthy: the next delay starts from the base. */
  stableMs?: number;
  /** After a takeover, wait this long before reclaiming (doubling per takeover, up to maxReclaimMs); null: never. */
  reclaimAfterMs?: number | null;
  maxReclaimMs?: number;
  /** The takeover warning is repeated at most this often. */
  takeoverWarnEveryMs?: number;
  /** Attempts after which a still failing listener is reported as an error (once per outage). */
  alarmAfterAttempts?: number;
}

export type ListenerState = 'stopped' | 'connecting' | 'connected' | 'waiting' | 'taken_over';

const TAKEOVER_CODES = new Set<number>([zca.CloseReason.DuplicateConnection, zca.CloseReason.KickConnection]);

export class ListenerSupervisor {
  readonly #o: Required<Omit<SupervisorOptions, 'reclaimAfterMs'>> & { reclaimAfterMs: number | null };
  #state: ListenerState = 'stopped';
  #attempts = 0;
  #takeovers = 0;
  #connectedAt: number | null = null;
  #timer: unknown = null;
  #lastTakeoverWarning = -Infinity;
  #lastEventWarning = -Infinity;
  #suppressedEventErrors = 0;
  #alarmed = false;
  #reclaiming = false;
  /** Close events expected from our own stop() of a stale socket, to be ignored. */
  #ownCloses = 0;

  constructor(options: SupervisorOptions) {
    this.#o = {
      random: Math.random,
      baseDelayMs: 2_000,
      maxDelayMs: 5 * 60_000,
      stableMs: 30_000,
      reclaimAfterMs: 30 * 60_000,
      maxReclaimMs: 4 * 3_600_000,
      takeoverWarnEveryMs: 6 * 3_600_000,
      alarmAfterAttempts: 10,
      ...options,
    };
    const l = this.#o.listener;
    l.on('connected', () => this.#guard(() => this.#connected()));
    l.on('closed', (code, reason) => this.#guard(() => this.#closed(code, reason)));
    l.on('error', (error) => this.#guard(() => this.#error(error)));
    l.on('message', (message) => this.#guard(() => this.#o.onMessage(message)));
  }

  get state(): ListenerState {
    return this.#state;
  }

  start(): void {
    if (this.#state !== 'stopped') return;
    this.#connect();
  }

  stop(): void {
    this.#state = 'stopped';
    if (this.#timer !== null) this.#o.clock.clearTimeout(this.#timer);
    this.#timer = null;
    try {
      this.#o.listener.stop();
    } catch (e) {
      this.#o.log.debug({ err: e }, 'zalo: listener stop failed');
    }
  }

  #guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.#o.log.error({ err: e }, 'zalo: listener event handling failed');
    }
  }

  #connect(): void {
    this.#timer = null;
    if (this.#state === 'taken_over') this.#reclaiming = true;
    this.#state = 'connecting';
    try {
      this.#o.listener.start({ retryOnClose: false });
    } catch (e) {
      // "Already started": a socket we gave up on is still there. Close it, then start afresh.
      if (e instanceof Error && /already started/i.test(e.message)) {
        this.#ownCloses++;
        try {
          this.#o.listener.stop();
          this.#o.listener.start({ retryOnClose: false });
          return;
        } catch (again) {
          e = again;
        }
      }
      this.#o.log.debug({ err: e }, 'zalo: listener start failed');
      this.#retry('start failed');
    }
  }

  #connected(): void {
    if (this.#state === 'stopped') return;
    const now = this.#o.clock.monotonic();
    if (this.#reclaiming) this.#o.log.info('zalo: listener reclaimed after a takeover; receiving messages again');
    else if (this.#attempts > 0) this.#o.log.info({ attempts: this.#attempts }, 'zalo: listener reconnected');
    this.#state = 'connected';
    this.#reclaiming = false;
    this.#connectedAt = now;
    this.#alarmed = false;
  }

  #closed(code: number, reason: string): void {
    if (this.#state === 'stopped') return;
    if (code === zca.CloseReason.ManualClosure && this.#ownCloses > 0) {
      this.#ownCloses--;
      return;
    }
    const lasted = this.#connectedAt === null ? 0 : this.#o.clock.monotonic() - this.#connectedAt;
    this.#connectedAt = null;
    if (lasted >= this.#o.stableMs) this.#attempts = 0;
    if (TAKEOVER_CODES.has(code)) return this.#takenOver(code, lasted);
    this.#retry(`closed ${code}${reason ? ` ${reason}` : ''}`);
  }

  #error(error: unknown): void {
    if (this.#state === 'connecting') {
      this.#o.log.debug({ err: error }, 'zalo: listener connection error');
      this.#retry('connection error');
      return;
    }
    if (this.#state !== 'connected') {
      this.#o.log.debug({ err: error }, 'zalo: listener error while disconnected');
      return;
    }
    // On a live connection zca-js reports an event it could not decode; the socket stays up.
    const now = this.#o.clock.monotonic();
    if (now - this.#lastEventWarning >= 60_000) {
      this.#o.log.warn({ err: error, suppressed: this.#suppressedEventErrors }, 'zalo: listener reported an error');
      this.#lastEventWarning = now;
      this.#suppressedEventErrors = 0;
    } else this.#suppressedEventErrors++;
  }

  /** Schedules the next connection attempt, unless one is already waiting. */
  #retry(why: string): void {
    if (this.#state === 'waiting' || this.#state === 'stopped' || this.#state === 'taken_over') return;
    this.#state = 'waiting';
    this.#attempts++;
    const base = Math.min(this.#o.baseDelayMs * 2 ** (this.#attempts - 1), this.#o.maxDelayMs);
    const delayMs = Math.round(base * (0.5 + this.#o.random() / 2));
    const { log } = this.#o;
    if (this.#attempts === 1) log.warn({ why, delayMs }, 'zalo: listener disconnected; reconnecting (sending is not affected)');
    else log.info({ why, attempt: this.#attempts, delayMs }, 'zalo: listener reconnecting');
    if (this.#attempts >= this.#o.alarmAfterAttempts && !this.#alarmed) {
      this.#alarmed = true;
      log.error({ attempts: this.#attempts }, 'zalo: listener still down; incoming messages are not received (check the network and the Zalo session)');
    }
    this.#timer = this.#o.clock.setTimeout(() => this.#guard(() => this.#connect()), delayMs);
  }

  #takenOver(code: number, lasted: number): void {
    const { log, clock, reclaimAfterMs } = this.#o;
    if (reclaimAfterMs !== null && lasted >= reclaimAfterMs) this.#takeovers = 0;
    this.#takeovers++;
    this.#attempts = 0;
    const now = clock.monotonic();
    const delayMs = reclaimAfterMs === null ? null : Math.min(reclaimAfterMs * 2 ** (this.#takeovers - 1), this.#o.maxReclaimMs);
    const fields = { code, reclaimInMs: delayMs };
    if (now - this.#lastTakeoverWarning >= this.#o.takeoverWarnEveryMs) {
      this.#lastTakeoverWarning = now;
      log.warn(fields, 'zalo: the account was opened elsewhere (Zalo Web or another login) and took over the listener; incoming Zalo messages are not received until it is reclaimed; outgoing messages are still sent');
    } else log.info(fields, 'zalo: listener taken over again');
    this.#state = 'taken_over';
    if (delayMs !== null) this.#timer = clock.setTimeout(() => this.#guard(() => this.#connect()), delayMs);
  }
}
