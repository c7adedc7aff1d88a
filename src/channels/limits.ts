// Text limits of each channel (characters per message), for planning before a channel object
// exists (the CLI dry run) — the channel objects use the same numbers.
import type { ChannelName } from '../org/codes.ts';

export const MAX_TEXT: Record<ChannelName, number> = {
  /** Bot API sendMessage: 1–4096 characters. */
  telegram: 4096,
  /** Conservative for zca-js text messages. */
  zalo: 2000,
  console: 4096,
};
