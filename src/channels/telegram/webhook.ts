// Webhook mode: a node:http handler for the service's HTTP server. grammY's webhookCallback
// checks the X-Telegram-Bot-Api-Secret-Token header (401 otherwise) and reads the body itself,
// so the router must hand over the request unread. An update that takes longer than Telegram
// waits is answered 200 and finished in the background, so Telegram does not send it twice.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { webhookCallback, type Bot, type Context } from 'grammy';
import type { Logger } from '../../log.ts';
import { logged } from './errors.ts';

export interface TelegramWebhook {
  /** The path of TELEGRAM_WEBHOOK_URL, where the HTTP server mounts `handle` (POST). */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** Updates are a few kilobytes; anything far larger is not from Telegram. */
const MAX_BODY = 1024 * 1024;

export function telegramWebhook(bot: Bot<Context>, o: { url: string; secret: string; log: Logger; token: string }): TelegramWebhook {
  const callback = webhookCallback(bot, 'http', { secretToken: o.secret, onTimeout: 'return', timeoutMilliseconds: 9_000 });
  return {
    path: new URL(o.url).pathname,
    async handle(req, res) {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
        res.writeHead(413).end();
        return;
      }
      try {
        await callback(req, res);
      } catch (e) {
        o.log.warn({ ...logged(e, o.token) }, 'telegram webhook request failed');
        if (!res.headersSent) res.writeHead(e instanceof SyntaxError ? 400 : 500).end();
        else if (!res.writableEnded) res.end();
      }
    },
  };
}
