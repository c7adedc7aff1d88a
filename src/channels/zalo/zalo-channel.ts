// The Zalo channel: sends to users and groups through one personal account, carefully. Every
// send (outbox or reply) goes through the account's gate (spacing, hourly budget, cool-down after
// Zalo's rate limit); content already sent recently gets a readable variation (variation.ts);
// buttons become numbered choices remembered for the chat; zca-js failures become ChannelErrors.
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/translate.ts';
import type { Logger } from '../../log.ts';
import { splitText } from '../../core/split-text.ts';
import { renderPlain } from '../plain.ts';
import { ChannelError, ImageNotSent, type Channel, type Limits } from '../../core/channel.ts';
import { formatZaloAddress, splitZaloAddress, type GroupIds, type ZaloAddress } from './address.ts';
import type { ZaloApi } from './api.ts';
import { ChoiceMemory } from './choices.ts';
import { sleep, systemClock, type Clock } from '../../core/clock.ts';
import { classify, RATE_LIMIT_RETRY_MS, toChannelError, type ZaloFailure } from './errors.ts';
import { SendGate } from './gate.ts';
import { pngSize } from './png.ts';
import { contentKey, distinctText, RecentContent } from './variation.ts';
import { zca } from './zca.ts';
import { MAX_TEXT } from '../../core/channel.ts';
import type { Message } from '../../core/message.ts';

/** Longest text of one message (limits.ts says why 1,800). */
export const ZALO_MAX_TEXT = MAX_TEXT.zalo;
/** A guess at a safe hourly volume for one personal account (zca-js#336: ~100 strangers/hour got blocked). */
const ZALO_MAX_PER_HOUR = 200;
const CAPTION_MAX = 1000;
/** After this many different recipients refused in a row, suspect Zalo or zca-js, not the recipients. */
const UNREACHABLE_STREAK = 3;

export interface ZaloChannelOptions {
  api: Pick<ZaloApi, 'sendMessage'>;
  log: Logger;
  /** ZALO_MIN_INTERVAL_MS: at least this long between two sends of the account. */
  minIntervalMs: number;
  clock?: Clock;
  maxPerHour?: number;
  /** An outbox send that would wait longer than this for its slot is refused as rate_limited. */
  maxWaitMs?: number;
  /** A reply that would wait longer than this is dropped. */
  replyMaxWaitMs?: number;
  /** Who an address is (an official's name, a group's title), for the variation line. */
  nameOf?: (address: ZaloAddress) => Promise<string | null | undefined>;
  /** Which bare ids are groups (ChatGroup rows); without it a bare id is a user. */
  groups?: GroupIds;
  choices?: ChoiceMemory;
}

type Mode = 'outbox' | 'reply';

export class ZaloChannel implements Channel {
  readonly name = 'zalo' as const;
  readonly maxText = ZALO_MAX_TEXT;
  readonly limits: Limits;
  readonly choices: ChoiceMemory;
  readonly #o: Required<Omit<ZaloChannelOptions, 'nameOf' | 'choices' | 'groups'>> & Pick<ZaloChannelOptions, 'nameOf' | 'groups'>;
  readonly #gate: SendGate;
  readonly #recent: RecentContent;
  readonly #refused = new Set<string>();
  #sessionBroken = false;

  constructor(options: ZaloChannelOptions) {
    const clock = options.clock ?? systemClock;
    this.#o = { clock, maxPerHour: ZALO_MAX_PER_HOUR, maxWaitMs: 15_000, replyMaxWaitMs: 120_000, ...options };
    this.#gate = new SendGate({ clock, minIntervalMs: options.minIntervalMs, maxPerHour: this.#o.maxPerHour });
    this.#recent = new RecentContent(clock);
    this.choices = options.choices ?? new ChoiceMemory(clock);
    this.limits = {
      overall: { count: 1, windowMs: Math.max(1, options.minIntervalMs) },
      perChat: { count: 6, windowMs: 60_000 },
      perGroup: { count: 4, windowMs: 60_000 },
    };
  }

  isGroup(address: string): boolean {
    const a = splitZaloAddress(address);
    return a !== null && (a.kind === 'group' || (a.kind === null && (this.#o.groups?.known(a.id) ?? false)));
  }

  /** The ChatIdentity / ChatGroup externalId an address stands for. */
  externalIdOf(address: string): string {
    return splitZaloAddress(address)?.id ?? address;
  }

  /** For the dispatcher: one message, paced; throws ChannelError. */
  async send(address: string, message: Message): Promise<void> {
    const target = await this.resolve(address);
    await this.#deliver(target, message, 'outbox', formatZaloAddress(target));
  }

  /**
   * An answer to someone who wrote: split to fit, paced like everything else. `choicesKey` is where
   * its numbered choices are remembered (in a group: the group and the person who asked).
   */
  async reply(target: ZaloAddress, reply: Message, choicesKey: string): Promise<void> {
    await this.#deliver(target, reply, 'reply', choicesKey);
  }

  /** A user or a group: "u:"/"g:" say so; a bare id is a group if a Zalo ChatGroup has it. */
  async resolve(address: string): Promise<ZaloAddress> {
    const a = splitZaloAddress(address);
    if (!a) throw new ChannelError('unreachable', 'not a Zalo address (<id>, u:<id> or g:<id>)');
    if (a.kind) return { kind: a.kind, id: a.id };
    let group = false;
    try {
      group = (await this.#o.groups?.check(a.id)) ?? false;
    } catch (e) {
      throw new ChannelError('transient', `zalo: cannot tell whether ${a.id} is a group: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { kind: group ? 'group' : 'user', id: a.id };
  }

  async #deliver(target: ZaloAddress, message: Message, mode: Mode, choicesKey: string): Promise<void> {
    const plain = renderPlain(message);
    const image = message.image;
    if (plain.text.trim() === '' && !image) throw new ChannelError('rejected', 'empty message');
    if (image && !pngSize(image.png)) throw new ChannelError('rejected', 'the image is not a PNG');
    const textSent = plain.text.trim() !== '';
    if (textSent) {
      for (const part of splitText(plain.text, this.maxText)) await this.#sendText(target, part, mode);
      // Remembered once delivered: the next bare number from this chat presses one of them.
      this.choices.set(choicesKey, plain.choices);
    }
    if (!image) return;
    try {
      await this.#sendImage(target, image.png, (image.caption ?? '').slice(0, CAPTION_MAX), mode);
    } catch (e) {
      // The text went: the outbox sends the image again on its own (never the text twice).
      throw textSent && mode === 'outbox' && e instanceof ChannelError ? new ImageNotSent(e) : e;
    }
  }

  async #sendText(target: ZaloAddress, text: string, mode: Mode): Promise<void> {
    const final = await this.#distinct(target, text, (s) => contentKey('text', s));
    await this.#paced(target, mode, () => this.#o.api.sendMessage({ msg: final }, target.id, threadType(target)), (r) => Boolean(r.message));
    this.#recent.add(contentKey('text', final));
  }

  async #sendImage(target: ZaloAddress, png: Buffer, caption: string, mode: Mode): Promise<void> {
    const size = pngSize(png)!;
    const final = await this.#distinct(target, caption, (s) => contentKey('image', png, s));
    const attachment = { data: png, filename: 'bieu-do.png' as const, metadata: { totalSize: png.length, width: size.width, height: size.height } };
    await this.#paced(target, mode, () => this.#o.api.sendMessage({ msg: final, attachments: [attachment] }, target.id, threadType(target)), (r) => r.attachment.length > 0);
    this.#recent.add(contentKey('image', png, final));
  }

  /** The text as is, or with a line naming the recipient and the time if it was sent recently. */
  async #distinct(target: ZaloAddress, text: string, keyOf: (s: string) => string): Promise<string> {
    if (!this.#recent.has(keyOf(text))) return text;
    const name = (await this.#nameOf(target))?.slice(0, 60);
    const time = formatDateTime(this.#o.clock.now());
    return distinctText(text, this.#recent, keyOf, (n) =>
      n === 1 ? (name ? t('zalo-sent-to', { name, time }) : t('zalo-sent-at', { time })) : t('zalo-sent-at-n', { time, n }),
    );
  }

  async #nameOf(target: ZaloAddress): Promise<string | null | undefined> {
    try {
      return await this.#o.nameOf?.(target);
    } catch (e) {
      this.#o.log.debug({ err: e }, 'zalo: recipient name lookup failed');
      return null;
    }
  }

  async #paced<R>(target: ZaloAddress, mode: Mode, call: () => Promise<R>, accepted: (r: R) => boolean): Promise<void> {
    const wait = this.#gate.reserve(mode === 'outbox' ? this.#o.maxWaitMs : this.#o.replyMaxWaitMs);
    await sleep(this.#o.clock, wait);
    let result: R;
    try {
      result = await call();
    } catch (e) {
      throw toChannelError(this.#failed(target, classify(e)));
    }
    if (!accepted(result)) {
      // zca-js#146: past some volume Zalo answers with an empty result instead of an error.
      throw toChannelError(this.#failed(target, { kind: 'rate_limited', retryAfterMs: RATE_LIMIT_RETRY_MS, reason: 'zalo: empty send result' }));
    }
    this.#refused.clear();
    if (this.#sessionBroken) this.#o.log.info('zalo: sending works again');
    this.#sessionBroken = false;
  }

  /** Logs a failure (once where it repeats) and adjusts it to what it means for the account. */
  #failed(target: ZaloAddress, f: ZaloFailure): ZaloFailure {
    const { log } = this.#o;
    if (f.kind === 'rate_limited') {
      if (this.#gate.coolingFor() === 0) log.warn({ reason: f.reason, pauseMs: f.retryAfterMs }, 'zalo: rate limited by Zalo; pausing all sends of the account');
      this.#gate.coolDown(f.retryAfterMs);
      return f;
    }
    if (f.kind === 'transient' && f.session) {
      if (!this.#sessionBroken) log.error({ reason: f.reason }, 'zalo: the session is no longer valid (logged in elsewhere or expired); run "dunghan zalo login" and restart');
      this.#sessionBroken = true;
      return f;
    }
    if (f.kind === 'unreachable') {
      this.#refused.add(formatZaloAddress(target));
      if (this.#refused.size >= UNREACHABLE_STREAK) {
        if (this.#refused.size === UNREACHABLE_STREAK) log.error({ reason: f.reason }, 'zalo: several recipients refused in a row; suspecting Zalo or zca-js, not deactivating them');
        return { kind: 'transient', reason: f.reason };
      }
    }
    log.warn({ kind: f.kind, reason: f.reason }, 'zalo: send failed');
    return f;
  }
}

const threadType = (target: ZaloAddress) => (target.kind === 'group' ? zca.ThreadType.Group : zca.ThreadType.User);
