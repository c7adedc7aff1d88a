// Inline button presses. The command layer validates and scopes the data like a command; the
// reply is shown by a simple rule on the data's prefix:
//   qh: sd: td: xh:  (list pages, another period or unit) EDIT the pressed message in place;
//   anything else    (ack: commitment confirmed, hen: other dates or snooze, sn: snoozed, xl: draft
//                    letter) is sent as a NEW message.
// Short notices (stale button, stranger, error, a button a group may not use) pop up over the
// chat instead of being posted.
// Every callback query is answered, so the button's spinner always stops.
import { Composer, type Context } from 'grammy';
import { handleButton } from '../../../commands/router.ts';
import { t } from '../../../i18n/translate.ts';
import { askerOf } from '../asker.ts';
import type { BotDeps } from '../deps.ts';
import { isNotModified, logged } from '../errors.ts';
import { inlineKeyboard } from '../keyboard.ts';
import { MAX_TEXT, replyTo } from '../send.ts';
import type { Message } from '../../../core/message.ts';

/** Prefixes whose reply replaces the message the button is under. */
const EDIT_IN_PLACE = new Set(['qh', 'sd', 'td', 'xh']);
/** Telegram's limit for the text of a callback answer. */
const MAX_ALERT = 200;

const editsInPlace = (data: string): boolean => EDIT_IN_PLACE.has(data.split(':')[0] ?? '');

/** A reply that is only a notice from the command layer, shown as a pop-up. */
function isNotice(reply: Message): boolean {
  if (reply.buttons?.length || reply.image || reply.text.length > MAX_ALERT) return false;
  return [t('chat-stale-button'), t('chat-stranger'), t('chat-error'), t('chat-group-button-refused'), t('chat-group-outside-scope')].includes(reply.text);
}

export function buttons({ services, log, token }: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('callback_query:data', async (ctx) => {
    const data = ctx.callbackQuery.data;
    // A late answer ("query is too old") must not stop the reply itself.
    const answer = (opts?: { text: string; show_alert: boolean }) =>
      ctx.answerCallbackQuery(opts).then(() => undefined, (e: unknown) => log.info({ ...logged(e, token) }, 'telegram callback answer failed'));
    const asker = askerOf(ctx);
    if (!asker || !ctx.chat) {
      await answer();
      return;
    }
    const reply = await handleButton(services, asker, data, services.clock.now());
    if (isNotice(reply)) {
      await answer({ text: reply.text, show_alert: true });
      return;
    }
    const message = ctx.callbackQuery.message;
    if (editsInPlace(data) && message && !reply.image && reply.text.length <= MAX_TEXT) {
      try {
        await ctx.api.editMessageText(ctx.chat.id, message.message_id, reply.text, {
          reply_markup: inlineKeyboard(reply.buttons) ?? { inline_keyboard: [] },
          link_preview_options: { is_disabled: true },
        });
        await answer();
        return;
      } catch (e) {
        if (isNotModified(e)) {
          await answer();
          return;
        }
        // Too old, deleted, or a photo: show the reply as a new message instead.
        log.info({ ...logged(e, token) }, 'telegram edit failed; sending anew');
      }
    }
    await answer();
    await replyTo(ctx.api, ctx.chat.id, reply, { log, token });
  });
  return composer;
}
