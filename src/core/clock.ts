// Time as a parameter: everything that reads the time or waits takes a Clock, so a test passes a
// fixed or a fake one instead of the real one (and a test passes on any date). Wall time
// (`now`: deadlines, timestamps, schedules) and monotonic time (`monotonic`: pacing, timeouts,
// durations) come from the same clock; `setTimeout` waits on the monotonic scale.
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Milliseconds on a steady scale: only differences mean anything (pacing, measuring, timeouts). */
  monotonic(): number;
  /** Calls `fn` once `ms` have passed on this clock; never keeps the process alive by itself. */
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

function realTimer(fn: () => void, ms: number): unknown {
  const handle = setTimeout(fn, ms);
  handle.unref();
  return handle;
}

const clearRealTimer = (handle: unknown): void => clearTimeout(handle as NodeJS.Timeout);

/** The machine's clock. */
export const systemClock: Clock = {
  now: () => new Date(),
  monotonic: () => performance.now(),
  setTimeout: realTimer,
  clearTimeout: clearRealTimer,
};

/** Resolves after `ms` on `clock` (at once for ms ≤ 0), or rejects when `signal` aborts. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clock.clearTimeout(handle);
      reject(signal!.reason);
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Calls `fn` every `ms` on `clock` (first after `ms`) until the returned function is called; `fn` handles its own errors. */
export function every(clock: Clock, ms: number, fn: () => unknown): () => void {
  let stopped = false;
  let handle: unknown;
  const tick = () => {
    if (stopped) return;
    handle = clock.setTimeout(tick, ms);
    void fn();
  };
  handle = clock.setTimeout(tick, ms);
  return () => {
    stopped = true;
    clock.clearTimeout(handle);
  };
}
