// Messages and button presses in, replies out: parse → identify → authorise → answer.
// A failure inside a command becomes a polite reply and a log line, never a crash.
// Group chats are authorised here, once for every channel (the rules: group.ts).
import { t } from '../i18n/translate.ts';
import { requestContext } from './context.ts';
import { refuseButton, refuseCommand } from './group.ts';
import { dangky, start, trogiup } from './handlers/account.ts';
import { baocao, baocaoButton } from './handlers/baocao.ts';
import { hoso } from './handlers/hoso.ts';
import { listButton, listCommand } from './handlers/lists.ts';
import { tiendo, tiendoButton } from './handlers/tiendo.ts';
import { ackButton, apologyButton, moreButton, snoozeButton, xacnhan } from './handlers/xacnhan.ts';
import { xephang, xephangButton } from './handlers/xephang.ts';
import { parseCommand, type CommandName } from './parse/command.ts';
import type { Asker, OfficialContext, RequestContext } from './types.ts';
import type { Message } from '../core/message.ts';
import type { Services } from '../core/services.ts';

type Open = (ctx: RequestContext, rest: string) => Promise<Message>;
type ForOfficials = (ctx: OfficialContext, rest: string) => Promise<Message>;
type ButtonHandler = (ctx: OfficialContext, args: string[]) => Promise<Message | null>;

type OpenName = 'start' | 'dangky' | 'trogiup';

/** Commands anyone may use, registered or not. */
const OPEN: Record<OpenName, Open> = { start, dangky, trogiup };

/** Commands for registered officials, answered within their scope: every other command (the compiler checks it). */
const OFFICIAL: Record<Exclude<CommandName, OpenName>, ForOfficials> = {
  tiendo,
  quahan: listCommand('overdue'),
  sapden: listCommand('due_soon'),
  hoso,
  xephang,
  xacnhan,
  baocao,
};

/** Button data is "<prefix>:<arg>:<arg>…" (a Map: a prefix such as "constructor" finds nothing). */
const BUTTONS = new Map<string, ButtonHandler>([
  ['td', tiendoButton],
  ['qh', listButton('overdue')],
  ['sd', listButton('due_soon')],
  ['xh', xephangButton],
  ['ack', ackButton],
  ['xl', apologyButton],
  ['hen', moreButton],
  ['sn', snoozeButton],
  ['bc', baocaoButton],
]);

const isOpen = (name: CommandName): name is OpenName => Object.hasOwn(OPEN, name);

export interface MessageOptions {
  /** The bot's @username, so commands addressed to other bots in a group are ignored. */
  botUsername?: string;
}

export async function handleMessage(services: Services, asker: Asker, text: string, now: Date, opts: MessageOptions = {}): Promise<Message[]> {
  const parsed = parseCommand(text, { allowBare: asker.chat.kind === 'private' || asker.channel === 'zalo', ...opts });
  // Chatter in a group is not for us (nothing is loaded for it); in a private chat, say how to ask.
  if (!parsed && asker.chat.kind === 'group') return [];
  try {
    const ctx = await requestContext(services, asker, now);
    if (!parsed) return [{ text: ctx.viewer ? t('chat-not-understood') : t('chat-stranger') }];
    const name = parsed.name;
    if (isOpen(name)) return [await OPEN[name](ctx, parsed.rest)];
    if (!ctx.viewer) return [{ text: t('chat-stranger') }];
    const refused = ctx.group && refuseCommand(ctx.group, parsed.name);
    if (refused) return [refused];
    if (!ctx.scope) return [{ text: t('chat-group-outside-scope') }];
    return [await OFFICIAL[name](ctx as OfficialContext, parsed.rest)];
  } catch (e) {
    services.log.error({ err: e, command: parsed?.name, channel: asker.channel }, 'command failed');
    return [{ text: t('chat-error') }];
  }
}

export async function handleButton(services: Services, asker: Asker, data: string, now: Date): Promise<Message> {
  try {
    const [prefix = '', ...args] = data.split(':');
    const handler = BUTTONS.get(prefix);
    const ctx = await requestContext(services, asker, now);
    if (!ctx.viewer) return { text: t('chat-stranger') };
    if (!handler) return { text: t('chat-stale-button') };
    const refused = ctx.group && refuseButton(ctx.group, prefix);
    if (refused) return refused;
    if (!ctx.scope) return { text: t('chat-group-outside-scope') };
    return (await handler(ctx as OfficialContext, args)) ?? { text: t('chat-stale-button') };
  } catch (e) {
    services.log.error({ err: e, data, channel: asker.channel }, 'button failed');
    return { text: t('chat-error') };
  }
}
