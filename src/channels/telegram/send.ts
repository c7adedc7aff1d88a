// One message (text, buttons, image) to one chat through a Bot API client: the outbox channel
// and the bot's replies both send this way. A photo carries the caption (≤ 1024 characters) or
// the text when it fits; whatever does not fit follows as text messages of ≤ 4096 characters,
// the buttons under the last one. Nothing here retries: the caller decides.
import { InputFile, type Api } from 'grammy';
import type { OutgoingMessage } from '../channel.ts';
import { splitText } from '../../outbox/split.ts';
import { inlineKeyboard } from './keyboard.ts';
import { MAX_TEXT as CHANNEL_MAX_TEXT } from '../limits.ts';

export const MAX_TEXT = CHANNEL_MAX_TEXT.telegram;
export const MAX_CAPTION = 1024;

export interface SendOptions {
  /** Waits until a request may leave (the channel's SendGuard); returns what to call when answered. */
  admit?: () => Promise<() => void>;
  onDroppedButton?: (data: string) => void;
}

type Part = { photo: Buffer; caption?: string } | { text: string };

/** The Bot API calls one message becomes. */
export function partsOf(message: OutgoingMessage): Part[] {
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

/** Sends the parts in order; the first failure is thrown as grammY raised it. */
export async function sendTo(api: Api, chatId: string | number, message: OutgoingMessage, opts: SendOptions = {}): Promise<void> {
  const parts = partsOf(message);
  const keyboard = inlineKeyboard(message.buttons, opts.onDroppedButton);
  for (const [i, part] of parts.entries()) {
    const markup = i === parts.length - 1 && keyboard ? { reply_markup: keyboard } : {};
    const answered = await opts.admit?.();
    try {
      if ('photo' in part) {
        await api.sendPhoto(chatId, new InputFile(part.photo, 'bieu-do.png'), { ...(part.caption !== undefined ? { caption: part.caption } : {}), ...markup });
      } else {
        await api.sendMessage(chatId, part.text, { ...markup, link_preview_options: { is_disabled: true } });
      }
    } finally {
      answered?.();
    }
  }
}
