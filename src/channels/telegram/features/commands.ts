// Every other text message goes to the command layer (/tiendo, /quahan, /sapden, /hoso,
// /xacnhan, /xephang, /trogiup, and bare words in private chats); its replies are sent back
// to the same chat, buttons as an inline keyboard.
import { Composer, type Context } from 'grammy';
import { handleMessage } from '../../../commands/router.ts';
import { askerOf } from '../asker.ts';
import type { BotDeps } from '../deps.ts';
import { replyTo } from '../send.ts';

export function commands({ services, log, token }: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('message:text', async (ctx) => {
    const asker = askerOf(ctx);
    if (!asker) return;
    const replies = await handleMessage(services, asker, ctx.message.text, services.clock.now(), { botUsername: ctx.me.username });
    for (const reply of replies) await replyTo(ctx.api, ctx.chat.id, reply, { log, token });
  });
  return composer;
}
