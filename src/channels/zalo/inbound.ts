// Messages to the Zalo account → the command layer → replies. Private chats always; group chats
// only in configured groups (an active ChatGroup row); what a group may see is the command layer's.
// A bare number presses one of the numbered choices last shown in that chat. Each chat is answered
// in order; one person is answered at most a few times a minute (so a flood does not make the
// account look like a spammer). Nothing here throws: a failure is logged and the next message goes on.
import { parseCommand } from '../../commands/parse/command.ts';
import { handleButton, handleMessage } from '../../commands/router.ts';
import type { Asker } from '../../commands/types.ts';
import { t } from '../../i18n/translate.ts';
import { ChannelError } from '../../core/channel.ts';
import type { ZaloAddress } from './address.ts';
import type { ZaloMessage } from './api.ts';
import type { ChoiceMemory } from './choices.ts';
import type { ZaloGroup } from './groups.ts';
import { zca } from './zca.ts';
import type { Message } from '../../core/message.ts';
import type { Services } from '../../core/services.ts';

export interface InboundOptions {
  services: Services;
  channel: { reply(target: ZaloAddress, reply: Message, choicesKey: string): Promise<void>; readonly choices: ChoiceMemory };
  groups: { get(id: string): Promise<ZaloGroup | null> };
  /** The account's own Zalo id (its messages are ignored; mentions of it are removed). */
  ownId: string;
  /** Messages per person per minute that get an answer. */
  perSenderPerMinute?: number;
}

const MAX_TEXT = 1000;

export class Inbound {
  readonly #o: Required<InboundOptions>;
  readonly #chains = new Map<string, Promise<void>>();
  readonly #answered = new Map<string, number[]>();
  readonly #throttled = new Set<string>();

  constructor(options: InboundOptions) {
    this.#o = { perSenderPerMinute: 8, ...options };
  }

  /** Queues a message behind the earlier ones of its chat. */
  handle(message: ZaloMessage): void {
    const chat = `${message.type}:${message.threadId}`;
    const arrivedAt = this.#o.services.clock.monotonic();
    const previous = this.#chains.get(chat) ?? Promise.resolve();
    const failed = (e: unknown) => this.#o.services.log.error({ err: e }, 'zalo: incoming message failed');
    const next = previous.then(() => this.#process(message, arrivedAt)).catch(failed);
    this.#chains.set(chat, next);
    void next.then(() => {
      if (this.#chains.get(chat) === next) this.#chains.delete(chat);
    });
  }

  /** Resolves once every queued message has been answered (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.#chains.size > 0) await Promise.all(this.#chains.values());
  }

  async #process(message: ZaloMessage, arrivedAt: number): Promise<void> {
    const { services, ownId } = this.#o;
    const { log } = services;
    if (message.isSelf) return;
    const data = message.data;
    const sender = String(data.uidFrom ?? '');
    if (sender === '' || sender === ownId) return;

    let chat: Asker['chat'] = { kind: 'private' };
    let target: ZaloAddress = { kind: 'user', id: String(message.threadId) };
    const isGroup = message.type === zca.ThreadType.Group;
    if (isGroup) {
      const group = await this.#o.groups.get(String(message.threadId));
      if (!group?.active) return;
      chat = { kind: 'group', id: group.externalId };
      target = { kind: 'group', id: group.externalId };
    }
    const choiceKeys = isGroup ? [`g:${target.id}:${sender}`, `g:${target.id}`] : [`u:${sender}`];
    const answer = async (reply: Message) => {
      try {
        await this.#o.channel.reply(target, reply, choiceKeys[0]!);
      } catch (e) {
        if (e instanceof ChannelError) log.warn({ kind: e.kind, reason: e.message }, 'zalo: reply not sent');
        else throw e;
      }
    };

    if (typeof data.content !== 'string') {
      // A sticker, photo or file: only text is read (said once in a private chat, never in a group).
      if (!isGroup && this.#allow(sender, arrivedAt)) await answer({ text: t('zalo-text-only') });
      return;
    }
    const text = (isGroup ? withoutMentionsOf(data.content, 'mentions' in data ? data.mentions : undefined, ownId) : data.content).trim().slice(0, MAX_TEXT);
    if (text === '') return;
    const number = /^\d{1,2}$/.test(text) ? Number(text) : 0;
    const choice = number > 0 ? this.#o.channel.choices.pick(choiceKeys, number) : null;
    // Group chatter is not for us: skip it before loading anything (and before counting it).
    if (isGroup && !choice && !parseCommand(text, { allowBare: true })) return;
    if (!this.#allow(sender, arrivedAt)) return;
    log.debug({ chat: chat.kind }, 'zalo: message received');

    const asker: Asker = { channel: 'zalo', externalId: sender, chat, ...(data.dName ? { displayName: data.dName } : {}) };
    const now = services.clock.now();
    if (choice) return answer(await handleButton(services, asker, choice.data, now));
    for (const reply of await handleMessage(services, asker, text, now)) await answer(reply);
  }

  /** Whether this person may get another answer this minute (by arrival; a sliding window, bounded memory). */
  #allow(sender: string, now: number): boolean {
    const times = (this.#answered.get(sender) ?? []).filter((at) => at > now - 60_000);
    this.#answered.delete(sender);
    this.#answered.set(sender, times);
    if (this.#answered.size > 5000) {
      const oldest = this.#answered.keys().next().value!;
      this.#answered.delete(oldest);
      this.#throttled.delete(oldest);
    }
    if (times.length >= this.#o.perSenderPerMinute) {
      if (!this.#throttled.has(sender)) this.#o.services.log.warn('zalo: one person is writing too fast; not answering them for a minute');
      this.#throttled.add(sender);
      return false;
    }
    this.#throttled.delete(sender);
    times.push(now);
    return true;
  }
}

/** The text without "@<account name>" mentions of the account (group messages). */
function withoutMentionsOf(text: string, mentions: readonly { uid: string; pos: number; len: number }[] | undefined, uid: string): string {
  const own = (mentions ?? []).filter((m) => String(m.uid) === uid && m.pos >= 0 && m.len > 0).sort((a, b) => b.pos - a.pos);
  let out = text;
  for (const m of own) out = out.slice(0, m.pos) + out.slice(m.pos + m.len);
  return out;
}
