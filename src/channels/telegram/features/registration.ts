// Registration: /dangky <mã> and the deep link t.me/<bot>?start=<mã> (which arrives as
// "/start <mã>") are the command layer's, in a private chat. In a group an invite code is seen by
// everyone, so a code posted there is used up at once by its poster (single use: nobody else can
// take it), the result goes to the poster privately, and the group only hears where to register.
import { Composer, type Context } from 'grammy';
import { handleMessage } from '../../../commands/router.ts';
import { parseCommand } from '../../../commands/parse/command.ts';
import { t } from '../../../i18n/translate.ts';
import { askerOf, isGroupType } from '../asker.ts';
import type { BotDeps } from '../deps.ts';
import { logged } from '../errors.ts';
import { sendTo } from '../send.ts';

const privateLink = (username: string): string => `https://t.me/${username}`;

export function registration({ services, log, token }: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('message:text', async (ctx, next) => {
    if (!isGroupType(ctx.chat.type)) return next();
    const parsed = parseCommand(ctx.message.text, { botUsername: ctx.me.username });
    if (parsed?.name !== 'start' && parsed?.name !== 'dangky') return next();
    const link = privateLink(ctx.me.username);
    if (parsed.rest.trim() === '') {
      await ctx.api.sendMessage(ctx.chat.id, t('telegram-register-privately', { link }));
      return;
    }
    const asker = askerOf(ctx);
    if (!asker) return;
    const [reply] = await handleMessage(services, asker, `/dangky ${parsed.rest}`, services.clock.now(), { botUsername: ctx.me.username });
    await ctx.api.sendMessage(ctx.chat.id, t('telegram-register-code-in-group', { link }));
    // The poster may never have opened a private chat with the bot: then Telegram refuses (403).
    if (reply) await sendTo(ctx.api, ctx.from.id, reply).catch((e: unknown) => log.info({ ...logged(e, token) }, 'registration result not delivered privately'));
  });
  return composer;
}
