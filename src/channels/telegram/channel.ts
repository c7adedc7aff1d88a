// The Telegram channel of the outbox: one Bot API client of its own, without auto-retry — the
// dispatcher retries, paces and deactivates — so a send either succeeds or throws a ChannelError
// saying what to do next (429 → rate_limited with retry_after, 5xx/network → transient,
// blocked/kicked/chat not found → unreachable, any other 400 → rejected); ImageNotSent when the
// text went but the photo did not.
import type { Api, Transformer } from 'grammy';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../log.ts';
import { ImageNotSent, type Channel, type Limits } from '../../core/channel.ts';
import type { Message } from '../../core/message.ts';
import { telegramApi } from './api.ts';
import { classify, toChannelError } from './errors.ts';
import { SendGuard, type Rule } from './guard.ts';
import { MAX_TEXT, sendTo } from './send.ts';

/**
 * Telegram's published limits: about one message a second per chat, 20 a minute per group,
 * about 30 a second overall. A group gets one message every 3 s: 20 a minute without the burst
 * a sliding minute would allow, so it never gets more than one a second either. The dispatcher's
 * pacer schedules by these; the channel's SendGuard holds each request to them as Telegram
 * counts, on arrival.
 */
export const TELEGRAM_LIMITS: Limits = {
  perChat: { count: 1, windowMs: 1_000 },
  perGroup: { count: 1, windowMs: 3_000 },
  overall: { count: 30, windowMs: 1_000 },
};

export interface TelegramChannelOptions {
  token: string;
  apiRoot: string;
  log: Logger;
  /** Extra API transformers (tests record or stub calls with them). */
  transformers?: Transformer[];
  /** A request without an answer after this long fails as transient (below the dispatcher's 30 s). */
  timeoutSeconds?: number;
  limits?: Limits;
  /** Spaces the requests (default: the machine's clock). */
  clock?: Clock;
}

/** Group and supergroup ids are negative; users' private chats positive. */
const isGroupChat = (address: string): boolean => address.trim().startsWith('-');

export function telegramChannel(opts: TelegramChannelOptions): Channel & { api: Api } {
  const api = telegramApi(opts.token, { apiRoot: opts.apiRoot, timeoutSeconds: opts.timeoutSeconds ?? 25, transformers: opts.transformers });
  const limits = opts.limits ?? TELEGRAM_LIMITS;
  const guard = new SendGuard(opts.clock);
  /** A group is a chat too: its own limit and the per-chat one both hold. */
  const rules = (address: string): Rule[] => [
    { key: '*', ...limits.overall },
    { key: `c:${address}`, ...limits.perChat },
    ...(isGroupChat(address) ? [{ key: `g:${address}`, ...limits.perGroup }] : []),
  ];
  return {
    name: 'telegram',
    maxText: MAX_TEXT,
    limits,
    api,
    isGroup: isGroupChat,
    async send(address: string, message: Message): Promise<void> {
      let sent;
      try {
        sent = await sendTo(api, address, message, {
          admit: () => guard.admit(rules(address)),
          onDroppedButton: (data) => opts.log.warn({ channel: 'telegram', bytes: Buffer.byteLength(data) }, 'button data over 64 bytes dropped'),
        });
      } catch (e) {
        throw toChannelError(classify(e, opts.token));
      }
      if (sent.imageError !== undefined) throw new ImageNotSent(toChannelError(classify(sent.imageError, opts.token)));
    },
  };
}
