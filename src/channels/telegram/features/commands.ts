// Every other text message goes to the command layer (/tiendo, /quahan, /sapden, /hoso,
// /xacnhan, /xephang, /trogiup, and bare words in private chats); its replies are sent back
// to the same chat, buttons as an inline keyboard.
import { Composer, type Context } from 'grammy';
import { handleMessage } from '../../../commands/router.ts';
import { askerOf } from '../asker.ts';
import type { BotDeps } from '../deps.ts';
import { sendTo } from '../send.ts';

export function commands({ services, now, log }: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('message:text', async (ctx) => {
    const asker = askerOf(ctx);
    if (!asker) return;
    const replies = await handleMessage(services, asker, ctx.message.text, now(), { botUsername: ctx.me.username });
    for (const reply of replies) {
      await sendTo(ctx.api, ctx.chat.id, reply, { onDroppedButton: () => log.warn('button data over 64 bytes dropped') });
    }
  });
  return composer;
}
