// The console channel of demo mode: prints what would be sent, to whom.
import { t } from '../../i18n/translate.ts';
import type { Channel } from '../../core/channel.ts';
import { renderPlain } from '../plain.ts';
import { MAX_TEXT } from '../../core/channel.ts';
import type { Message } from '../../core/message.ts';

const GENEROUS = { count: 1_000, windowMs: 1_000 };

export function consoleChannel(print: (text: string) => void): Channel {
  return {
    name: 'console',
    maxText: MAX_TEXT.console,
    limits: { perChat: GENEROUS, perGroup: GENEROUS, overall: GENEROUS },
    isGroup: () => false,
    async send(address: string, message: Message) {
      const image = message.image ? `\n${t('console-image', { bytes: String(message.image.png.length) })}` : '';
      print(`${t('console-outgoing', { address })}\n${renderPlain(message).text}${image}`);
    },
  };
}
