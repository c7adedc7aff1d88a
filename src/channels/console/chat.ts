// The console chat of demo mode: type commands as a demo official and read the replies, with no
// token and no network. "#doi <mã cán bộ>" changes who is speaking; a number presses a button.
import { createInterface } from 'node:readline';
import { handleButton, handleMessage } from '../../commands/router.ts';
import type { Asker } from '../../commands/types.ts';
import { t } from '../../i18n/translate.ts';
import { renderPlain } from '../plain.ts';
import type { Button, Message } from '../../core/message.ts';
import type { Services } from '../../core/services.ts';

export interface ConsoleChat {
  close(): void;
}

export async function defaultPersona(services: Services): Promise<string | null> {
  const { db } = services.database;
  const chair = await db.official.findFirst({ where: { role: 'commune_chair', active: true }, orderBy: { code: 'asc' } });
  return (chair ?? (await db.official.findFirst({ where: { active: true }, orderBy: { code: 'asc' } })))?.code ?? null;
}

export function startConsoleChat(opts: { services: Services; input: NodeJS.ReadableStream; print: (text: string) => void; persona: string }): ConsoleChat {
  const { services, print } = opts;
  const now = () => services.clock.now();
  let persona = opts.persona;
  let choices: Button[] = [];
  const asker = (): Asker => ({ channel: 'console', externalId: persona, chat: { kind: 'private' } });
  const show = (reply: Message) => {
    const plain = renderPlain(reply);
    choices = plain.choices;
    print(plain.text);
  };

  const rl = createInterface({ input: opts.input, terminal: false });
  // Lines are answered one after another, in the order typed.
  let queue = Promise.resolve();
  rl.on('line', (line) => {
    queue = queue.then(async () => {
      const text = line.trim();
      if (text === '') return;
      const switchTo = /^#doi\s+(\S+)$/i.exec(text);
      if (switchTo) {
        const official = await services.database.db.official.findUnique({ where: { code: switchTo[1]! } });
        if (!official) return print(t('console-unknown-official', { code: switchTo[1]! }));
        persona = official.code;
        return print(t('console-persona', { code: official.code, name: official.fullName, title: official.title }));
      }
      const choice = /^\d+$/.test(text) ? choices[Number(text) - 1] : undefined;
      if (choice) return show(await handleButton(services, asker(), choice.data, now()));
      for (const reply of await handleMessage(services, asker(), text, now())) show(reply);
    }).catch((e: unknown) => services.log.error({ err: e }, 'console chat failed'));
  });
  return { close: () => rl.close() };
}
