// Reply buttons as a Telegram inline keyboard. Telegram refuses a whole message whose callback
// data exceeds 64 bytes, so such a button is dropped (and reported) rather than losing the text.
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Button } from '../../core/message.ts';

const MAX_CALLBACK_BYTES = 64;

export function inlineKeyboard(rows: Button[][] | undefined, onDropped?: (data: string) => void): InlineKeyboardMarkup | undefined {
  if (!rows) return undefined;
  const keyboard = rows
    .map((row) => row.filter((b) => {
      const fits = b.data !== '' && Buffer.byteLength(b.data, 'utf8') <= MAX_CALLBACK_BYTES;
      if (!fits) onDropped?.(b.data);
      return fits;
    }).map((b) => ({ text: b.text, callback_data: b.data })))
    .filter((row) => row.length > 0);
  return keyboard.length > 0 ? { inline_keyboard: keyboard } : undefined;
}
