// The bot, assembled in order: API transformers, then middlewares, then features, one line each.
import { Bot, type Context, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { errorBoundary } from './boundary.ts';
import type { BotDeps } from './deps.ts';
import { describeFailures, logged } from './errors.ts';
import { buttons } from './features/buttons.ts';
import { commands } from './features/commands.ts';
import { groupGate } from './features/group-gate.ts';
import { groups } from './features/groups.ts';
import { registration } from './features/registration.ts';
import { retryReplies } from './retry.ts';

/** The updates the bot asks Telegram for; nothing else is delivered. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

export interface CreateBotOptions extends BotDeps {
  apiRoot: string;
  /** Extra API transformers, innermost (tests record or stub calls with them). */
  transformers?: Transformer[];
  /** Known bot info: no getMe before the first update (tests). */
  botInfo?: UserFromGetMe;
}

export function createBot(o: CreateBotOptions): Bot<Context> {
  // Long polling waits up to 30 s for updates; no other call should take a minute.
  const bot = new Bot<Context>(o.token, { client: { apiRoot: o.apiRoot, timeoutSeconds: 60 }, ...(o.botInfo ? { botInfo: o.botInfo } : {}) });

  if (o.transformers?.length) bot.api.config.use(...o.transformers);
  bot.api.config.use(describeFailures()); //    an error answer keeps its own words, never "?"
  bot.api.config.use(retryReplies()); //        429 / 5xx on replies: wait and retry, briefly

  bot.use(errorBoundary(o)); //                  never crash on an update; tell the person
  bot.use(groups(o)); //                         added to / removed from a group, group upgraded
  bot.use(registration(o)); //                   /dangky and /start <mã>; never in a group
  bot.use(groupGate(o)); //                      in groups, only linked officials are answered
  bot.use(commands(o)); //                       every other text: the command layer
  bot.use(buttons(o)); //                        inline buttons: edit in place or answer anew

  bot.catch((err) => o.log.error({ ...logged(err.error, o.token), updateId: err.ctx.update.update_id }, 'telegram update failed'));
  return bot;
}
