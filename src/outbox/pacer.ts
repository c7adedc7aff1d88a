// Sending limits as sliding windows: before each send the dispatcher reserves the earliest
// instant at which every window that applies (the chat or group, and the whole channel) still has
// room, then waits until it. Reservations are taken synchronously, so concurrent sends never
// overshoot. Limits hold per process: with several instances, give each a share.
import type { Limits } from '../core/channel.ts';
import { systemClock, type Clock } from '../core/clock.ts';

class Window {
  readonly #times: number[] = [];
  constructor(
    readonly count: number,
    readonly windowMs: number,
  ) {}

  /** The earliest instant ≥ t at which one more send fits. */
  earliest(t: number): number {
    const inWindow = this.#times.filter((x) => x > t - this.windowMs);
    if (inWindow.length < this.count) return t;
    return inWindow[inWindow.length - this.count]! + this.windowMs;
  }

  reserve(t: number): void {
    this.#times.push(t);
    this.#times.sort((a, b) => a - b);
    const horizon = this.#times[this.#times.length - 1]! - this.windowMs;
    while (this.#times.length > this.count && this.#times[0]! <= horizon) this.#times.shift();
  }
}

export class Pacer {
  readonly #windows = new Map<string, Window>();
  /** Channels told to wait (retry_after) until an instant. */
  readonly #holds = new Map<string, number>();

  /** Instants are on the clock's monotonic scale. */
  constructor(readonly clock: Clock = systemClock) {}

  #window(key: string, limit: { count: number; windowMs: number }): Window {
    let w = this.#windows.get(key);
    if (!w) this.#windows.set(key, (w = new Window(limit.count, limit.windowMs)));
    return w;
  }

  /** Reserves a slot for one message and returns how long to wait for it (ms). */
  reserve(channel: string, address: string, isGroup: boolean, limits: Limits): number {
    const windows = [
      this.#window(`${channel}`, limits.overall),
      isGroup ? this.#window(`${channel}:g:${address}`, limits.perGroup) : this.#window(`${channel}:c:${address}`, limits.perChat),
    ];
    const start = this.clock.monotonic();
    let t = Math.max(start, this.#holds.get(channel) ?? 0);
    // Each window may push the instant later; repeat until all agree.
    for (let changed = true; changed; ) {
      changed = false;
      for (const w of windows) {
        const e = w.earliest(t);
        if (e > t) (t = e), (changed = true);
      }
    }
    for (const w of windows) w.reserve(t);
    return t - start;
  }

  /** How long until the chat or group (and the channel, if held) can take one more message; reserves nothing. */
  readyIn(channel: string, address: string, isGroup: boolean, limits: Limits): number {
    const chat = isGroup ? this.#window(`${channel}:g:${address}`, limits.perGroup) : this.#window(`${channel}:c:${address}`, limits.perChat);
    const start = this.clock.monotonic();
    return chat.earliest(Math.max(start, this.#holds.get(channel) ?? 0)) - start;
  }

  /** No send on the channel before `until` on the clock's monotonic scale (a retry_after from the channel). */
  holdUntil(channel: string, until: number): void {
    this.#holds.set(channel, Math.max(until, this.#holds.get(channel) ?? 0));
  }
}
