// Replies as plain text for a terminal (and, later, for channels without buttons): buttons
// become numbered choices the person answers by typing the number.
import { t } from '../i18n/translate.ts';
import type { Button, Message } from '../core/message.ts';

export function renderPlain(reply: Message, firstNumber = 1): { text: string; choices: Button[] } {
  const choices = (reply.buttons ?? []).flat();
  if (choices.length === 0) return { text: reply.text, choices };
  const lines = choices.map((b, i) => `  ${firstNumber + i}. ${b.text}`);
  return { text: [reply.text, '', t('plain-choices'), ...lines].join('\n'), choices };
}
