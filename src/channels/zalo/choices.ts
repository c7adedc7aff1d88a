// Zalo has no buttons: a reply's buttons are shown as numbered choices, and a message that is
// just that number presses the button. The last choices shown in each chat are kept for a while,
// in bounded memory (least recently shown dropped first).
import type { Clock } from '../../core/clock.ts';
import type { Button } from '../../core/message.ts';

const CHOICES_TTL_MS = 30 * 60_000;

export class ChoiceMemory {
  readonly #byChat = new Map<string, { choices: Button[]; at: number }>();

  constructor(
    readonly clock: Clock,
    readonly ttlMs = CHOICES_TTL_MS,
    readonly max = 2000,
  ) {}

  /** The choices now shown in a chat (none clears the previous ones). */
  set(chat: string, choices: Button[]): void {
    this.#byChat.delete(chat);
    if (choices.length === 0) return;
    this.#byChat.set(chat, { choices, at: this.clock.monotonic() });
    while (this.#byChat.size > this.max) this.#byChat.delete(this.#byChat.keys().next().value!);
  }

  /** Choice number n (from 1) of the first chat key with live choices, or null. */
  pick(chats: readonly string[], n: number): Button | null {
    for (const chat of chats) {
      const entry = this.#byChat.get(chat);
      if (!entry) continue;
      if (entry.at <= this.clock.monotonic() - this.ttlMs) {
        this.#byChat.delete(chat);
        continue;
      }
      return entry.choices[n - 1] ?? null;
    }
    return null;
  }

  get size(): number {
    return this.#byChat.size;
  }
}
