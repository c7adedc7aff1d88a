// What every chat channel (Telegram, Zalo, the console) offers the dispatcher: send one message
// to one address, or fail with a typed error that says what to do next. Channels know nothing
// of deadlines; the dispatcher knows nothing of Telegram or Zalo.
import type { ChannelName } from '../org/codes.ts';
import type { Message } from './message.ts';

/** Text limits of each channel (characters per message), known before a channel object exists (the CLI's dry runs). */
export const MAX_TEXT: Record<ChannelName, number> = {
  /** Bot API sendMessage: 1–4096 characters. */
  telegram: 4096,
  /**
   * Zalo's clients cap a message at about 2,000 characters (OpenClaw's Zalo Personal channel
   * chunks at ~2,000, "Zalo client limits"; the Official Account API documents 2,000 for text).
   * 1,800 UTF-16 units leaves room for the line that varies a repeated text and for emoji.
   */
  zalo: 1800,
  console: 4096,
};

/** Whether a channel shows buttons; the others show them as numbered choices under the text (channels/plain.ts). */
export const INLINE_BUTTONS: Record<ChannelName, boolean> = { telegram: true, zalo: false, console: false };

/** What went wrong, and so what the dispatcher does. */
export type ChannelErrorKind =
  /** Slow down: retry after retryAfterMs (Telegram 429 retry_after, Zalo's rate limit). */
  | 'rate_limited'
  /** Try again later with backoff (5xx, network error, timeout). */
  | 'transient'
  /** This address will not accept messages (bot blocked, chat not found, stranger): stop, deactivate it, tell the admins. */
  | 'unreachable'
  /** The message itself is refused (malformed, too large): do not retry it. */
  | 'rejected';

export class ChannelError extends Error {
  constructor(
    readonly kind: ChannelErrorKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * The text of a message arrived but its image did not: the dispatcher sends the image again on
 * its own. The kind is the image's failure; an address that took the text is not unreachable, so
 * a refusal of the image alone is "rejected".
 */
export class ImageNotSent extends ChannelError {
  constructor(image: ChannelError) {
    super(image.kind === 'unreachable' ? 'rejected' : image.kind, `image: ${image.message}`, image.retryAfterMs);
  }
}

/** Sending limits, enforced by the dispatcher's pacer before each send. */
export interface Limits {
  /** Per private chat: at most `count` messages per `windowMs`. */
  perChat: { count: number; windowMs: number };
  /** Per group chat. */
  perGroup: { count: number; windowMs: number };
  /** For the whole channel. */
  overall: { count: number; windowMs: number };
}

export interface Channel {
  readonly name: ChannelName;
  /** Longest text of one message; the dispatcher splits longer texts. */
  readonly maxText: number;
  readonly limits: Limits;
  /** Whether an address is a group chat (for pacing and for what may be posted there). */
  isGroup(address: string): boolean;
  /** Sends, or throws ChannelError. Resolves only once the channel has accepted the message. */
  send(address: string, message: Message): Promise<void>;
}
