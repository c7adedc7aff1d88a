// Zalo rejects identical messages sent close together and treats the same text to many
// recipients in a row as spam (zca-js issues #94, #146). So no content is sent twice within the
// window: a text (or image and caption) already sent recently, to anyone, gets a readable last
// line naming the recipient and the time — "(gửi Nguyễn Văn An lúc 07:30 27/11/2026)" — and,
// should that still repeat, a count. No invisible characters are used.
import { createHash } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';

const IDENTICAL_WINDOW_MS = 60 * 60_000;

export const contentKey = (...parts: (string | Buffer)[]): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex').slice(0, 32);
};

/** Keys of contents sent within the window (bounded). */
export class RecentContent {
  readonly #sent = new Map<string, number>();

  constructor(
    readonly clock: Clock,
    readonly windowMs = IDENTICAL_WINDOW_MS,
    readonly max = 1000,
  ) {}

  has(key: string): boolean {
    const at = this.#sent.get(key);
    return at !== undefined && at > this.clock.monotonic() - this.windowMs;
  }

  add(key: string): void {
    this.#sent.delete(key);
    this.#sent.set(key, this.clock.monotonic());
    for (const [k, at] of this.#sent) {
      if (this.#sent.size <= this.max && at > this.clock.monotonic() - this.windowMs) break;
      this.#sent.delete(k);
    }
  }
}

/**
 * The text to send: unchanged if its content was not sent recently, else with the first
 * suffix (1, 2, …) that makes it new. `keyOf` maps a candidate text to its content key.
 */
export function distinctText(text: string, recent: RecentContent, keyOf: (text: string) => string, suffix: (n: number) => string): string {
  if (!recent.has(keyOf(text))) return text;
  const join = (s: string) => (text === '' ? s : `${text}\n${s}`);
  for (let n = 1; n < 1000; n++) {
    const candidate = join(suffix(n));
    if (!recent.has(keyOf(candidate))) return candidate;
  }
  return join(suffix(1000));
}
