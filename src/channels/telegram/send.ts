// One message (text, buttons, image) to one chat through a Bot API client: the outbox channel
// and the bot's replies both send this way. A photo carries the caption (≤ 1024 characters) or
// the text when it fits; whatever does not fit follows as text messages of ≤ 4096 characters,
// the buttons under the last one. Text and image are not all-or-nothing: when the photo fails
// (any error) the text is sent without it and the image's failure is returned, so the caller can
// send the image again on its own (the outbox) or say it is missing (a reply). Nothing here
// retries: the caller decides.
import { InputFile, type Api } from 'grammy';
import { splitText } from '../../core/split-text.ts';
import { t } from '../../i18n/translate.ts';
import type { Logger } from '../../log.ts';
import { logged } from './errors.ts';
import { inlineKeyboard } from './keyboard.ts';
import { MAX_TEXT as CHANNEL_MAX_TEXT } from '../../core/channel.ts';
import type { Message } from '../../core/message.ts';

export const MAX_TEXT = CHANNEL_MAX_TEXT.telegram;
const MAX_CAPTION = 1024;

export interface SendOptions {
  /** Waits until a request may leave (the channel's SendGuard); returns what to call when answered. */
  admit?: () => Promise<() => void>;
  onDroppedButton?: (data: string) => void;
  /** Appended to the text when it goes without its image. */
  noteWithoutImage?: string;
}

/** A send that delivered the text but not the image: why the image failed (as grammY raised it). */
export interface SendResult {
  imageError?: unknown;
}

type Part = { photo: Buffer; caption?: string } | { text: string };

/** The Bot API calls one message becomes. */
function partsOf(message: Message): Part[] {
  const parts: Part[] = [];
  let rest = message.text;
  if (message.image) {
    const own = message.image.caption;
    const caption = own ?? message.text;
    if (caption.length <= MAX_CAPTION) {
      parts.push(caption === '' ? { photo: message.image.png } : { photo: message.image.png, caption });
      rest = own !== undefined ? message.text : '';
    } else {
      parts.push({ photo: message.image.png });
      rest = own !== undefined ? [own, message.text].filter((s) => s !== '').join('\n\n') : message.text;
    }
  }
  if (rest !== '' || parts.length === 0) for (const text of splitText(rest, MAX_TEXT)) parts.push({ text });
  return parts;
}

/**
 * Sends the parts in order. If the photo (always the first part) fails, the text goes alone and
 * the photo's error is returned; any other failure is thrown as grammY raised it.
 */
export async function sendTo(api: Api, chatId: string | number, message: Message, opts: SendOptions = {}): Promise<SendResult> {
  const keyboard = inlineKeyboard(message.buttons, opts.onDroppedButton);
  /** `final`: the last of these parts ends the message (the buttons go under it). */
  const send = async (parts: Part[], final = true) => {
    for (const [i, part] of parts.entries()) {
      const markup = final && i === parts.length - 1 && keyboard ? { reply_markup: keyboard } : {};
      const answered = await opts.admit?.();
      try {
        if ('photo' in part) {
          const caption = part.caption !== undefined ? { caption: part.caption } : {};
          await api.sendPhoto(chatId, new InputFile(part.photo, 'bieu-do.png'), { ...caption, ...markup });
        } else {
          await api.sendMessage(chatId, part.text, { ...markup, link_preview_options: { is_disabled: true } });
        }
      } finally {
        answered?.();
      }
    }
  };
  const parts = partsOf(message);
  const [first, ...rest] = parts;
  if (!first || !('photo' in first)) {
    await send(parts);
    return {};
  }
  try {
    await send([first], rest.length === 0);
  } catch (imageError) {
    const text = [message.text, opts.noteWithoutImage ?? ''].filter((s) => s !== '').join('\n\n');
    if (text !== '') await send(partsOf({ text }));
    return { imageError };
  }
  await send(rest);
  return {};
}

/**
 * A reply to a person: as sendTo, and when the image could not go, the text says so and the
 * failure is logged (a person waits: the image is not retried).
 */
export async function replyTo(api: Api, chatId: string | number, reply: Message, o: { log: Logger; token: string }): Promise<void> {
  const { imageError } = await sendTo(api, chatId, reply, {
    noteWithoutImage: t('telegram-chart-not-sent'),
    onDroppedButton: (data) => o.log.warn({ bytes: Buffer.byteLength(data) }, 'button data over 64 bytes dropped'),
  });
  if (imageError !== undefined) o.log.warn({ ...logged(imageError, o.token) }, 'telegram chart not sent');
}
