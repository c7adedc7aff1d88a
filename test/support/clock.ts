// Clocks for tests. A fixed clock reads one instant (or whatever instant a test sets) while waits
// pass in real time; a FakeClock moves only when the test says so, firing its timers in order.
import { systemClock, type Clock } from '../../src/core/clock.ts';

/** Always `at`; waits and durations pass in real time. */
export function fixedClock(at: Date): Clock {
  const time = at.getTime();
  return { ...systemClock, now: () => new Date(time) };
}

/**
 * Reads the instant from `read` (a test that moves its date between steps). Waits pass in real
 * time, and the monotonic scale moves with both: real time, and every step the test takes (so a
 * retry_after or a pacing window is over once the test has moved past it).
 */
export function clockReading(read: () => Date): Clock {
  return { ...systemClock, now: () => new Date(read().getTime()), monotonic: () => read().getTime() + performance.now() };
}

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

export class FakeClock implements Clock {
  #now: number;
  #timers: Timer[] = [];
  #nextId = 1;

  constructor(start = Date.parse('2026-11-27T01:00:00Z')) {
    this.#now = start;
  }

  now(): Date {
    return new Date(this.#now);
  }

  monotonic(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { id: this.#nextId++, at: this.#now + Math.max(0, ms), fn };
    this.#timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers = this.#timers.filter((t) => t.id !== handle);
  }

  /** Pending timers' delays from now (for assertions). */
  pending(): number[] {
    return this.#timers.map((t) => t.at - this.#now).sort((a, b) => a - b);
  }

  /** Moves time forward by ms, firing due timers in order and letting promises settle. */
  async advance(ms: number): Promise<void> {
    const end = this.#now + ms;
    await settle();
    for (;;) {
      const due = this.#timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t !== due);
      this.#now = Math.max(this.#now, due.at);
      due.fn();
      await settle();
    }
    this.#now = end;
    await settle();
  }

  /** Advances until `promise` settles (at most maxMs), in steps. */
  async run<T>(promise: Promise<T>, maxMs = 24 * 3_600_000, stepMs = 250): Promise<T> {
    let done = false;
    const tracked = promise.finally(() => (done = true));
    tracked.catch(() => {});
    for (let spent = 0; !done && spent < maxMs; spent += stepMs) await this.advance(stepMs);
    return tracked;
  }
}

/** Lets pending promise callbacks (and I/O callbacks already due) run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
