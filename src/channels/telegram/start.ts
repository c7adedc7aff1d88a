// Telegram for the service: the outbox channel, the bot (long polling by default, or a webhook
// the HTTP server mounts), the command menu, and a health check. Start-up never waits for
// Telegram: connecting (getMe, the menu, the webhook) and polling run in the background and
// retry with backoff, so a Telegram outage or a wrong token leaves the rest of the service up.
import type { Bot, Context, Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Channel } from '../../core/channel.ts';
import { sleep } from '../../core/clock.ts';
import { ALLOWED_UPDATES, createBot } from './bot.ts';
import { telegramChannel } from './channel.ts';
import { telegramApi } from './api.ts';
import { logged } from './errors.ts';
import { telegramHealth, type TelegramHealth } from './health.ts';
import { registerMenu } from './menu.ts';
import { telegramWebhook, type TelegramWebhook } from './webhook.ts';
import type { Services } from '../../core/services.ts';

export interface StartTelegramOptions {
  services: Services;
  /** Extra API transformers for the bot and the channel (tests). */
  transformers?: Transformer[];
  /** Known bot info: no getMe before the first update (tests). */
  botInfo?: UserFromGetMe;
  /** Poll or register the webhook (default). False: tests feed updates to `bot` themselves. */
  connect?: boolean;
  /** Polling waits for this: true once this instance may poll (it holds the polling lease). */
  pollWhen?: Promise<boolean>;
  /** First retry delay after a failed connect or polling crash; doubles up to 5 minutes. */
  retryMs?: number;
}

export interface TelegramService {
  channel: Channel;
  /** In webhook mode: what the HTTP server mounts. */
  webhook?: TelegramWebhook;
  health(): Promise<TelegramHealth>;
  stop(): Promise<void>;
  bot: Bot<Context>;
}

export async function startTelegram(o: StartTelegramOptions): Promise<TelegramService> {
  const config = o.services.config.telegram;
  if (!config) throw new Error('Telegram is not configured (TELEGRAM_BOT_TOKEN)');
  const { token, apiRoot } = config;
  const log = o.services.log.child({ channel: 'telegram' });
  const { clock } = o.services;
  const deps = { services: o.services, log, token };

  const bot = createBot({ ...deps, apiRoot, ...(o.transformers ? { transformers: o.transformers } : {}), ...(o.botInfo ? { botInfo: o.botInfo } : {}) });
  const channel = telegramChannel({ token, apiRoot, log, clock, ...(o.transformers ? { transformers: o.transformers } : {}) });
  // /healthz gives a check 3 s; getMe gets 2.5 of them.
  const probe = telegramApi(token, { apiRoot, timeoutSeconds: 2.5, transformers: o.transformers });
  const health = telegramHealth(() => probe.getMe(), { token, clock });
  const webhook = config.mode === 'webhook' ? telegramWebhook(bot, { url: config.webhookUrl, secret: config.webhookSecret, log, token }) : undefined;

  const stopping = new AbortController();
  const signal = stopping.signal;
  /** grammY types its own AbortSignal (abort-controller); Node's works the same. */
  const abortable = signal as unknown as Parameters<Bot['init']>[0];
  /** Runs `task` until it succeeds or the service stops, waiting longer after each failure. */
  const persist = async (what: string, task: () => Promise<void>): Promise<void> => {
    for (let delay = o.retryMs ?? 2_000; !signal.aborted; delay = Math.min(delay * 2, 300_000)) {
      try {
        await task();
        return;
      } catch (e) {
        if (signal.aborted) return;
        log.error({ ...logged(e, token), retryInMs: delay }, `telegram ${what} failed`);
        await sleep(clock, delay, signal).catch(() => {});
      }
    }
  };
  /** getMe, here rather than in grammY's init(), which retries a dead network silently and for ever. */
  const identify = async () => {
    if (!bot.isInited()) bot.botInfo = await bot.api.getMe(abortable);
  };
  const menu = async () => {
    // The menu is a convenience: a failure is logged, not retried.
    await registerMenu(bot.api).catch((e: unknown) => log.warn({ ...logged(e, token) }, 'telegram command menu not set'));
  };

  let running: Promise<void> = Promise.resolve();
  if (o.connect !== false && config.mode === 'polling') {
    // Stopping ends the wait for pollWhen too.
    const allowed = new Promise<boolean>((resolve) => {
      signal.addEventListener('abort', () => resolve(false), { once: true });
      (o.pollWhen ?? Promise.resolve(true)).then(resolve, () => resolve(false));
    });
    running = allowed.then((go) => (go && !signal.aborted ? poll() : undefined));
  } else if (o.connect !== false && config.mode === 'webhook') {
    running = persist('webhook registration', async () => {
      await identify();
      await bot.api.setWebhook(config.webhookUrl, { secret_token: config.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
      log.info({ username: bot.botInfo.username, path: webhook?.path }, 'telegram webhook registered');
      await menu();
    });
  }

  function poll(): Promise<void> {
    return persist('polling', async () => {
      await identify();
      if (signal.aborted) return;
      await bot.start({
        allowed_updates: [...ALLOWED_UPDATES],
        onStart: async (me) => {
          log.info({ username: me.username, apiHost: new URL(apiRoot).host }, 'telegram bot polling');
          await menu();
        },
      });
      // start() returns when stopped; a return without stop() is a crash to retry.
      if (!signal.aborted) throw new Error('polling ended');
    });
  }

  return {
    channel,
    ...(webhook ? { webhook } : {}),
    health,
    bot,
    async stop() {
      stopping.abort();
      // Stopping confirms the last update with one more getUpdates; do not wait long for it.
      if (bot.isRunning()) {
        const confirmed = bot.stop().catch((e: unknown) => log.warn({ ...logged(e, token) }, 'telegram stop: offset not confirmed'));
        await Promise.race([confirmed, sleep(clock, 5_000)]);
      }
      await running;
    },
  };
}
