// A message as plain text, for the channels without buttons (the console, Zalo): buttons become
// numbered choices the person answers by typing the number.
import { t } from '../i18n/translate.ts';
import type { Button, Message } from '../core/message.ts';

export function renderPlain(message: Message, firstNumber = 1): { text: string; choices: Button[] } {
  const choices = (message.buttons ?? []).flat();
  if (choices.length === 0) return { text: message.text, choices };
  const lines = choices.map((b, i) => `  ${firstNumber + i}. ${b.text}`);
  return { text: [message.text, '', t('plain-choices'), ...lines].join('\n'), choices };
}
