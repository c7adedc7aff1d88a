// Text limits of each channel (characters per message): the one source for the planners (before a
// channel object exists, e.g. the CLI dry run) and for the channels themselves.
import type { ChannelName } from '../org/codes.ts';

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

/** Whether a channel shows buttons; the others show them as numbered choices under the text (console/render.ts). */
export const INLINE_BUTTONS: Record<ChannelName, boolean> = { telegram: true, zalo: false, console: false };
