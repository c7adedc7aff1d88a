// The account's own pacing, whoever sends (the outbox or a reply): sends start at least
// minIntervalMs apart, at most maxPerHour start in any hour, and none start while Zalo's rate
// limit is cooling down. Slots are reserved synchronously, so concurrent callers never overshoot.
import { ChannelError } from '../../core/channel.ts';
import type { Clock } from '../../core/clock.ts';

const HOUR = 3_600_000;

export interface GateOptions {
  clock: Clock;
  minIntervalMs: number;
  maxPerHour: number;
}

export class SendGate {
  readonly #o: GateOptions;
  #next = -Infinity;
  /** Start instants within the last hour (and reserved ones ahead), ascending. */
  readonly #starts: number[] = [];
  #coolUntil = 0;

  constructor(options: GateOptions) {
    this.#o = options;
  }

  /** Zalo said "too many": no send starts before now + ms. */
  coolDown(ms: number): void {
    this.#coolUntil = Math.max(this.#coolUntil, this.#o.clock.monotonic() + ms);
  }

  /** Milliseconds left of a cool-down (0 if none). */
  coolingFor(): number {
    return Math.max(0, this.#coolUntil - this.#o.clock.monotonic());
  }

  /**
   * Reserves the next slot and returns how long to wait for it. If that is longer than maxWaitMs,
   * nothing is reserved and a rate_limited ChannelError says when to come back.
   */
  reserve(maxWaitMs: number): number {
    const now = this.#o.clock.monotonic();
    while (this.#starts.length > 0 && this.#starts[0]! <= now - HOUR) this.#starts.shift();
    let slot = Math.max(now, this.#next, this.#coolUntil);
    if (this.#starts.length >= this.#o.maxPerHour) {
      slot = Math.max(slot, this.#starts[this.#starts.length - this.#o.maxPerHour]! + HOUR);
    }
    const wait = slot - now;
    if (wait > maxWaitMs) throw new ChannelError('rate_limited', `zalo: paced, next slot in ${wait} ms`, wait);
    this.#next = slot + this.#o.minIntervalMs;
    this.#starts.push(slot);
    return wait;
  }
}
