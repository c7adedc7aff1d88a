// A fake zca-js session implementing the adapter's ZaloApi interface: records what is sent,
// fails on demand, and lets a test play the listener's events. Nothing here touches the network.
import { EventEmitter } from 'node:events';
import { CookieJar } from 'tough-cookie';
import type { ZaloApi, ZaloListener, ZaloListenerEvents, ZaloMessage } from '../../../src/channels/zalo/api.ts';
import { zca, type Zca } from '../../../src/channels/zalo/zca.ts';

export const OWN_ID = '1000000000000000001';

export interface Sent {
  at: number;
  threadId: string;
  type: Zca.ThreadType | undefined;
  msg: string;
  /** Attachments as sent (buffer, file name, metadata). */
  attachments: Exclude<Zca.AttachmentSource, string>[];
}

export class FakeListener extends EventEmitter<ZaloListenerEvents> implements ZaloListener {
  running = false;
  starts: { retryOnClose?: boolean }[] = [];
  stops = 0;

  start(options: { retryOnClose?: boolean } = {}): void {
    if (this.running) throw new zca.ZaloApiError('Already started');
    this.running = true;
    this.starts.push(options);
  }

  stop(): void {
    this.running = false;
    this.stops++;
  }

  connect(): void {
    this.emit('connected');
  }

  close(code: Zca.CloseReason, reason = ''): void {
    this.running = false;
    this.emit('disconnected', code, reason);
    this.emit('closed', code, reason);
  }
}

type Outcome = { error: unknown } | { empty: true } | { ok: true };

export class FakeZalo implements ZaloApi {
  readonly listener = new FakeListener();
  readonly sent: Sent[] = [];
  readonly #outcomes: Outcome[] = [];
  #msgId = 1;

  constructor(readonly now: () => number = () => Date.now()) {}

  /** The next send(s) fail with this error (one per call). */
  failNext(...errors: unknown[]): void {
    for (const error of errors) this.#outcomes.push({ error });
  }

  /** The next send succeeds (to script a failure after it). */
  succeedNext(): void {
    this.#outcomes.push({ ok: true });
  }

  /** The next send resolves with an empty result (Zalo's silent limit). */
  emptyNext(): void {
    this.#outcomes.push({ empty: true });
  }

  sendMessage: ZaloApi['sendMessage'] = async (message, threadId, type) => {
    const content = typeof message === 'string' ? { msg: message } : message;
    const attachments = [content.attachments ?? []].flat().filter((a): a is Exclude<Zca.AttachmentSource, string> => typeof a !== 'string');
    const outcome = this.#outcomes.shift();
    if (outcome && 'error' in outcome) throw outcome.error;
    if (outcome && 'empty' in outcome) return { message: null, attachment: [] };
    this.sent.push({ at: this.now(), threadId, type, msg: content.msg, attachments });
    return attachments.length > 0 ? { message: null, attachment: [{ msgId: this.#msgId++ }] } : { message: { msgId: this.#msgId++ }, attachment: [] };
  };

  getOwnId: ZaloApi['getOwnId'] = () => OWN_ID;

  readonly jar = new CookieJar();
  getCookie: ZaloApi['getCookie'] = () => this.jar;
}

const base = (from: string, to: string, content: Zca.TMessage['content']): Zca.TMessage => ({
  actionId: '1', msgId: String(Math.floor(Math.random() * 1e9)), cliMsgId: '1', msgType: typeof content === 'string' ? 'webchat' : 'chat.photo',
  uidFrom: from, idTo: to, dName: 'Nguyễn Văn Test', ts: '0', status: 1, content, notify: '1', ttl: 0, userId: '0', uin: '0',
  topOut: '0', topOutTimeOut: '0', topOutImprTimeOut: '0', propertyExt: undefined,
  paramsExt: { countUnread: 0, containType: 0, platformType: 0 }, cmd: 501, st: 3, at: 5, realMsgId: '0', quote: undefined,
});

/** A private message from a user to the account, as zca-js's listener would emit it. */
export function userMessage(from: string, content: Zca.TMessage['content'], dName?: string): ZaloMessage {
  return new zca.UserMessage(OWN_ID, { ...base(from, '0', content), ...(dName ? { dName } : {}) });
}

/** A message in a group, optionally mentioning users ({ uid, pos, len } over the text). */
export function groupMessage(groupId: string, from: string, content: Zca.TMessage['content'], mentions?: Zca.TMention[]): ZaloMessage {
  return new zca.GroupMessage(OWN_ID, { ...base(from, groupId, content), mentions });
}

export const zaloError = (message: string, code?: number) => new zca.ZaloApiError(message, code);
