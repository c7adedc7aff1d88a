// The bot never crashes on an update: whatever a feature throws is logged without secrets (no
// raw grammY error: its cause may hold the URL with the token) and the person is told politely.
import type { Context, MiddlewareFn } from 'grammy';
import { t } from '../../i18n/translate.ts';
import type { BotDeps } from './deps.ts';
import { logged } from './errors.ts';

export function errorBoundary({ log, token }: BotDeps): MiddlewareFn<Context> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (e) {
      log.error({ ...logged(e, token), updateId: ctx.update.update_id }, 'telegram update failed');
      await apologize(ctx).catch((e2: unknown) => log.warn({ ...logged(e2, token) }, 'telegram apology failed'));
    }
  };
}

async function apologize(ctx: Context): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t('chat-error'), show_alert: true });
  else if (ctx.message && ctx.chat) await ctx.api.sendMessage(ctx.chat.id, t('chat-error'));
}
