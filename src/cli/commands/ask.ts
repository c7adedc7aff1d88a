// dunghan ask --as <mã cán bộ> "<tin nhắn>" [--button <data>] [--at ISO]: one chat message (or one
// button press) as an official, through the same command layer as Telegram and Zalo; prints the
// reply, as of --at (default: now).
import { renderPlain } from '../../channels/plain.ts';
import { handleButton, handleMessage } from '../../commands/router.ts';
import type { Asker } from '../../commands/types.ts';
import { t } from '../../i18n/translate.ts';
import { parse, parseInstant } from '../args.ts';
import { CliError, UsageError, withDatabase, type CliCommand } from '../context.ts';
import type { Message } from '../../core/message.ts';

export const askCommand: CliCommand = {
  name: 'ask',
  summary: 'cli-ask-summary',
  usage: 'cli-ask-usage',
  async run(ctx) {
    const options = { as: { type: 'string' }, button: { type: 'string' }, at: { type: 'string' }, json: { type: 'boolean' } } as const;
    const { values, positionals } = parse(ctx.args, options, t('cli-ask-usage'));
    const text = positionals.join(' ').trim();
    if (!values.as || (text === '') === (values.button === undefined)) throw new UsageError(t('cli-ask-usage'));
    const now = values.at ? parseInstant(values.at, '--at') : ctx.clock.now();
    return withDatabase(ctx, async (services) => {
      const { database } = services;
      const official = await database.db.official.findUnique({ where: { code: values.as! } });
      if (!official) throw new CliError(t('console-unknown-official', { code: values.as! }));
      const asker: Asker = { channel: 'console', externalId: official.code, chat: { kind: 'private' } };
      const replies: Message[] = values.button ? [await handleButton(services, asker, values.button, now)] : await handleMessage(services, asker, text, now);
      if (values.json) ctx.out(JSON.stringify(replies.map((r) => ({ text: r.text, buttons: r.buttons ?? [] }))));
      else ctx.out(replies.map((r) => renderPlain(r).text).join('\n\n'));
      return 0;
    });
  },
};
