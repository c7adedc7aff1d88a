// The last check before a request leaves. The dispatcher's pacer spaces sends by the instants it
// reserved; Telegram counts them when they arrive, and a request delayed on the way (a cold
// connection, a busy event loop) can arrive next to a later one sent on time. The guard counts a
// send from when it starts until it is answered, plus the window after its answer — by then it
// has certainly arrived — so a new send starts only when Telegram cannot yet have seen `count`
// others within the window, whatever the requests' travel times.
import { sleep, systemClock, type Clock } from '../../core/clock.ts';

export interface Rule {
  key: string;
  count: number;
  windowMs: number;
}

interface Slot {
  windowMs: number;
  /** Sends under way (started, not answered). */
  open: number;
  /** When recent sends were answered, ascending. */
  done: number[];
}

export class SendGuard {
  readonly #slots = new Map<string, Slot>();
  #admitted = 0;
  constructor(readonly clock: Clock = systemClock) {}

  #slot(rule: Rule): Slot {
    let s = this.#slots.get(rule.key);
    if (!s) this.#slots.set(rule.key, (s = { windowMs: rule.windowMs, open: 0, done: [] }));
    return s;
  }

  /** Forgets chats with nothing under way and nothing answered within their window. */
  #sweep(t: number): void {
    for (const [key, s] of this.#slots) if (s.open === 0 && (s.done.at(-1) ?? -Infinity) <= t - s.windowMs) this.#slots.delete(key);
  }

  /** The earliest instant a send may start under `rule`; Infinity while it waits for answers. */
  #earliest(rule: Rule, t: number): number {
    const s = this.#slot(rule);
    while (s.done.length > 0 && s.done[0]! <= t - rule.windowMs) s.done.shift();
    const busy = s.open + s.done.length;
    if (busy < rule.count) return t;
    if (s.open >= rule.count) return Infinity;
    return s.done[busy - rule.count]! + rule.windowMs;
  }

  /** Waits until every rule admits one more send, then counts it; call the result when answered. */
  async admit(rules: readonly Rule[]): Promise<() => void> {
    for (;;) {
      const t = this.clock.monotonic();
      const at = Math.max(...rules.map((r) => this.#earliest(r, t)));
      if (at <= t) break;
      await sleep(this.clock, at === Infinity ? 2 : Math.ceil(at - t));
    }
    if (++this.#admitted % 1_000 === 0) this.#sweep(this.clock.monotonic());
    const slots = rules.map((r) => this.#slot(r));
    for (const s of slots) s.open++;
    return () => {
      const end = this.clock.monotonic();
      for (const s of slots) {
        s.open--;
        s.done.push(end);
      }
    };
  }
}
