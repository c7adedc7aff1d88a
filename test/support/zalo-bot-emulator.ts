// A Zalo Bot Platform for tests: a node:http server on 127.0.0.1 answering POST /bot<TOKEN>/<method>
// as bot.zaloplatforms.com/docs describes it, and an API for the test to play the users (a private
// or group message, an image) and read what the bot sent. Documented behaviour: the token check
// (401), getUpdates returning ONE update or 408 after `timeout` seconds, setWebhook {url,
// secret_token 8–256} then each update POSTed there with X-Bot-Api-Secret-Token, polling and
// webhook excluding each other, sendMessage text and sendPhoto caption 1–2000 characters,
// sendPhoto by URL (fetched here: the bytes or the failure are recorded), sendChatAction typing|
// upload_photo, 429 "Quota exceeded". Assumed (the docs say nothing; each is an option or marked):
// a second poller or polling under a webhook gets 409 as on Telegram; a user who blocked the bot
// gets 403 "Forbidden: the user has blocked the bot"; a chat that never wrote gets 400 "chat not
// found"; a photo that cannot be downloaded gets 400; texts are counted in UTF-16 units.
// It is part of the tests, not of the product.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface ZaloBotEmulatorOptions {
  token: string;
  bot?: { id?: string; account_name?: string; account_type?: string; can_join_groups?: boolean };
  /** Accept a plain-http webhook on 127.0.0.1, ::1 or localhost (default true; the platform wants https). */
  allowLoopbackHttp?: boolean;
  /** Sends (sendMessage, sendPhoto, sendChatAction) accepted per fixed window before 429. Default: no limit. */
  quota?: { count: number; windowMs: number; retryAfterSeconds?: number };
  /** Error answers with HTTP 200 instead of the error code as status (both are seen in clients' code). */
  errorsWithHttp200?: boolean;
  /** Webhook bodies {ok:true, result: update} as the docs show (default), or the update alone as observed. */
  webhookBody?: 'wrapped' | 'flat';
  /** Sending to a chat that never wrote to the bot is refused (default true). */
  strictChats?: boolean;
  /** Deadline of a photo download. Default 5 s. */
  photoTimeoutMs?: number;
  /** The clock of the quota window and of message dates. Default Date.now. */
  now?: () => number;
}

export interface EmulatedUpdate {
  event_name: string;
  message: {
    message_id: string;
    date: number;
    from: { id: string; display_name: string; is_bot: boolean };
    chat: { id: string; chat_type: 'PRIVATE' | 'GROUP' };
    text?: string;
    photo?: string;
    caption?: string;
  };
}

/** A send the platform accepted. */
export interface EmulatedSend {
  method: 'sendMessage' | 'sendPhoto' | 'sendChatAction';
  chatId: string;
  messageId: string;
  at: number;
  text?: string;
  photo?: string;
  caption?: string;
  action?: string;
  /** The downloaded photo (sendPhoto). */
  bytes?: Buffer;
}

export type PhotoFetch = { url: string; ok: true; status: number; contentType: string; bytes: Buffer } | { url: string; ok: false; error: string };

export interface WebhookDelivery {
  url: string;
  secretToken: string;
  update: EmulatedUpdate;
  status?: number;
  error?: string;
}

export interface EmulatedCall {
  method: string;
  params: Record<string, unknown>;
  status: number;
  answer: unknown;
}

/** A test's answer for the next call of a method: an error body, a dropped connection, or silence. */
export type Failure = { status: number; errorCode?: number; description: string; parameters?: Record<string, unknown> } | 'reset' | 'hang';

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

export class ZaloBotEmulator {
  readonly calls: EmulatedCall[] = [];
  readonly sent: EmulatedSend[] = [];
  readonly photoFetches: PhotoFetch[] = [];
  readonly deliveries: WebhookDelivery[] = [];
  apiRoot = '';

  readonly #o: Required<Omit<ZaloBotEmulatorOptions, 'bot' | 'quota'>> & Pick<ZaloBotEmulatorOptions, 'quota'>;
  readonly #bot: Record<string, unknown>;
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  readonly #queue: EmulatedUpdate[] = [];
  readonly #knownChats = new Set<string>();
  readonly #blocked = new Set<string>();
  readonly #failures = new Map<string, Failure[]>();
  #poller: ((u: EmulatedUpdate | null) => void) | null = null;
  #webhook: { url: string; secretToken: string; updatedAt: number } | null = null;
  #window = { start: 0, used: 0 };

  private constructor(o: ZaloBotEmulatorOptions) {
    this.#o = {
      token: o.token,
      allowLoopbackHttp: o.allowLoopbackHttp ?? true,
      errorsWithHttp200: o.errorsWithHttp200 ?? false,
      webhookBody: o.webhookBody ?? 'wrapped',
      strictChats: o.strictChats ?? true,
      photoTimeoutMs: o.photoTimeoutMs ?? 5_000,
      now: o.now ?? Date.now,
      quota: o.quota,
    };
    this.#bot = { id: '1459232241454765289', account_name: 'bot.DungHan', account_type: 'BASIC', can_join_groups: false, ...o.bot };
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#server.on('connection', (s) => {
      this.#sockets.add(s);
      s.on('close', () => this.#sockets.delete(s));
    });
  }

  static async start(o: ZaloBotEmulatorOptions): Promise<ZaloBotEmulator> {
    const e = new ZaloBotEmulator(o);
    await new Promise<void>((resolve) => e.#server.listen(0, '127.0.0.1', resolve));
    const address = e.#server.address();
    e.apiRoot = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return e;
  }

  /** A user writes to the bot, privately or in a group: queued for getUpdates, or POSTed to the webhook (awaited). */
  async userWrites(o: { userId: string; displayName?: string; text?: string; photo?: string; caption?: string; groupId?: string }): Promise<EmulatedUpdate> {
    const chat = o.groupId === undefined ? { id: o.userId, chat_type: 'PRIVATE' as const } : { id: o.groupId, chat_type: 'GROUP' as const };
    const update: EmulatedUpdate = {
      event_name: o.photo === undefined ? 'message.text.received' : 'message.image.received',
      message: {
        message_id: randomBytes(10).toString('hex'),
        date: this.#o.now(),
        from: { id: o.userId, display_name: o.displayName ?? 'Người dùng', is_bot: false },
        chat,
        ...(o.text === undefined ? {} : { text: o.text }),
        ...(o.photo === undefined ? {} : { photo: o.photo }),
        ...(o.caption === undefined ? {} : { caption: o.caption }),
      },
    };
    this.#knownChats.add(chat.id);
    this.#blocked.delete(o.userId);
    await this.#dispatch(update);
    return update;
  }

  /** The user blocked (or left) the bot: sends to this chat are refused. */
  block(chatId: string): void {
    this.#blocked.add(chatId);
  }

  /** Lets a test send to a chat without a message from it first. */
  knowChat(chatId: string): void {
    this.#knownChats.add(chatId);
  }

  /** The next call(s) of `method` fail this way, in order. */
  failNext(method: string, ...failures: Failure[]): void {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), ...failures]);
  }

  /** What the bot sent to a chat, in order. */
  sentTo(chatId: string): EmulatedSend[] {
    return this.sent.filter((s) => s.chatId === chatId);
  }

  /** Whether a getUpdates call is waiting for an update. */
  get polling(): boolean {
    return this.#poller !== null;
  }

  /** Updates waiting for getUpdates. */
  get pending(): number {
    return this.#queue.length;
  }

  get webhook(): { url: string; secretToken: string } | null {
    return this.#webhook && { url: this.#webhook.url, secretToken: this.#webhook.secretToken };
  }

  async close(): Promise<void> {
    this.#poller?.(null);
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #dispatch(update: EmulatedUpdate): Promise<void> {
    if (this.#webhook) return this.#deliver(update, this.#webhook);
    if (this.#poller) this.#poller(update);
    else this.#queue.push(update);
  }

  async #deliver(update: EmulatedUpdate, hook: { url: string; secretToken: string }): Promise<void> {
    const delivery: WebhookDelivery = { url: hook.url, secretToken: hook.secretToken, update };
    this.deliveries.push(delivery);
    const body = this.#o.webhookBody === 'wrapped' ? { ok: true, result: update } : update;
    try {
      const res = await fetch(hook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': hook.secretToken },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer();
      delivery.status = res.status;
    } catch (e) {
      delivery.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await read(req);
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    if (!m || (req.method !== 'POST' && req.method !== 'GET')) {
      this.#answer(res, { status: 404, body: { ok: false, error_code: 404, description: `Not Found: ${req.method} ${req.url}` } });
      return;
    }
    const method = m[2]!;
    let params: Record<string, unknown> = {};
    try {
      const parsed: unknown = raw.length ? JSON.parse(raw.toString('utf8')) : {};
      if (typeof parsed === 'object' && parsed !== null) params = parsed as Record<string, unknown>;
    } catch {
      this.#reply(res, method, params, error(400, 'Bad request: body is not JSON'));
      return;
    }
    if (decodeURIComponent(m[1]!) !== this.#o.token) {
      this.#reply(res, method, params, error(401, 'Unauthorized'));
      return;
    }
    const failure = this.#failures.get(method)?.shift();
    if (failure === 'hang') return;
    if (failure === 'reset') {
      req.socket.destroy();
      return;
    }
    if (failure) {
      const answer = error(failure.errorCode ?? failure.status, failure.description, failure.parameters);
      this.#reply(res, method, params, { ...answer, status: failure.status });
      return;
    }
    this.#reply(res, method, params, await this.#perform(method, params, res));
  }

  async #perform(method: string, p: Record<string, unknown>, res: ServerResponse): Promise<Answer | null> {
    switch (method) {
      case 'getMe':
        return ok(this.#bot);
      case 'getUpdates':
        return this.#getUpdates(p, res);
      case 'setWebhook':
        return this.#setWebhook(p);
      case 'deleteWebhook':
        this.#webhook = null;
        return ok({ url: '', updated_at: this.#o.now() });
      case 'getWebhookInfo':
        return ok({ url: this.#webhook?.url ?? '', updated_at: this.#webhook?.updatedAt ?? 0 });
      case 'sendMessage':
      case 'sendPhoto':
      case 'sendChatAction':
        return this.#send(method, p);
      default:
        return error(404, `Not found: API ${method}`);
    }
  }

  async #getUpdates(p: Record<string, unknown>, res: ServerResponse): Promise<Answer | null> {
    if (this.#webhook) return error(409, 'Conflict: getUpdates is not available while a webhook is set');
    if (this.#poller) return error(409, 'Conflict: another getUpdates request is running');
    const queued = this.#queue.shift();
    if (queued) return ok(queued);
    const seconds = Number(p.timeout ?? 30);
    const update = await new Promise<EmulatedUpdate | null>((resolve) => {
      const timer = setTimeout(() => done(null), (Number.isFinite(seconds) && seconds >= 0 ? seconds : 30) * 1000);
      const gone = () => done(null);
      const done = (u: EmulatedUpdate | null) => {
        clearTimeout(timer);
        res.off('close', gone);
        this.#poller = null;
        resolve(u);
      };
      res.on('close', gone); // the client gave up: free the slot, keep nothing
      this.#poller = done;
    });
    if (res.writableEnded || res.destroyed) {
      if (update) this.#queue.unshift(update);
      return null;
    }
    return update ? ok(update) : error(408, 'Request timeout');
  }

  #setWebhook(p: Record<string, unknown>): Answer {
    if (this.#poller) return error(409, 'Conflict: getUpdates is in progress');
    const url = typeof p.url === 'string' ? p.url : '';
    const secret = typeof p.secret_token === 'string' ? p.secret_token : '';
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return error(400, 'Bad request: url is invalid');
    }
    const loopbackHttp = u.protocol === 'http:' && this.#o.allowLoopbackHttp && LOOPBACK.has(u.hostname);
    if (u.protocol !== 'https:' && !loopbackHttp) return error(400, 'Bad request: url must use https');
    if (secret.length < 8 || secret.length > 256) return error(400, 'Bad request: secret_token must be 8-256 characters');
    const hook = { url, secretToken: secret, updatedAt: this.#o.now() };
    this.#webhook = hook;
    for (const update of this.#queue.splice(0)) void this.#deliver(update, hook);
    return ok({ url, updated_at: hook.updatedAt });
  }

  async #send(method: EmulatedSend['method'], p: Record<string, unknown>): Promise<Answer> {
    const q = this.#o.quota;
    const now = this.#o.now();
    if (q) {
      if (now - this.#window.start >= q.windowMs) this.#window = { start: now, used: 0 };
      if (this.#window.used >= q.count) {
        const wait = q.retryAfterSeconds;
        if (wait === undefined) return error(429, 'Quota exceeded');
        return { ...error(429, 'Quota exceeded', { retry_after: wait }), headers: { 'retry-after': String(wait) } };
      }
    }
    const chatId = typeof p.chat_id === 'string' ? p.chat_id : '';
    if (chatId === '') return error(400, 'Bad request: chat_id is required');
    const send: EmulatedSend = { method, chatId, messageId: randomBytes(10).toString('hex'), at: now };
    if (method === 'sendMessage') {
      const bad = badText(p.text, true);
      if (bad) return error(400, `Bad request: text ${bad}`);
      send.text = p.text as string;
    } else if (method === 'sendPhoto') {
      if (typeof p.photo !== 'string' || p.photo === '') return error(400, 'Bad request: photo is required');
      const bad = badText(p.caption, false);
      if (bad) return error(400, `Bad request: caption ${bad}`);
      send.photo = p.photo;
      if (typeof p.caption === 'string') send.caption = p.caption;
    } else {
      if (p.action !== 'typing' && p.action !== 'upload_photo') return error(400, 'Bad request: action must be typing or upload_photo');
      send.action = p.action;
    }
    if (this.#blocked.has(chatId)) return error(403, 'Forbidden: the user has blocked the bot');
    if (this.#o.strictChats && !this.#knownChats.has(chatId)) return error(400, 'Bad request: chat not found');
    if (send.photo !== undefined) {
      const fetched = await this.#fetchPhoto(send.photo);
      if (!fetched.ok) return error(400, `Bad request: could not download the photo (${fetched.error})`);
      send.bytes = fetched.bytes;
    }
    if (q) this.#window.used++;
    this.sent.push(send);
    return method === 'sendChatAction' ? { status: 200, body: { ok: true } } : ok({ message_id: send.messageId, date: now });
  }

  async #fetchPhoto(url: string): Promise<PhotoFetch> {
    let f: PhotoFetch;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.#o.photoTimeoutMs) });
      const bytes = Buffer.from(await res.arrayBuffer());
      const contentType = res.headers.get('content-type') ?? '';
      if (!res.ok) f = { url, ok: false, error: `HTTP ${res.status}` };
      else if (!contentType.startsWith('image/')) f = { url, ok: false, error: `not an image: ${contentType || 'no content-type'}` };
      else f = { url, ok: true, status: res.status, contentType, bytes };
    } catch (e) {
      const cause = (e as { cause?: { code?: unknown } }).cause?.code;
      f = { url, ok: false, error: typeof cause === 'string' ? cause : e instanceof Error ? e.name : String(e) };
    }
    this.photoFetches.push(f);
    return f;
  }

  #reply(res: ServerResponse, method: string, params: Record<string, unknown>, answer: Answer | null): void {
    if (!answer) return;
    this.calls.push({ method, params, status: answer.status, answer: answer.body });
    this.#answer(res, answer);
  }

  #answer(res: ServerResponse, a: Answer): void {
    if (res.writableEnded || res.destroyed) return;
    const status = this.#o.errorsWithHttp200 ? 200 : a.status;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...a.headers }).end(JSON.stringify(a.body));
  }
}

const ok = (result: unknown): Answer => ({ status: 200, body: { ok: true, result } });
const error = (code: number, description: string, parameters?: Record<string, unknown>): Answer => ({
  status: code,
  body: { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) },
});

/** Why a text is refused (1–2000 UTF-16 units), or null. An absent optional text is fine. */
function badText(v: unknown, required: boolean): string | null {
  if (v === undefined && !required) return null;
  if (typeof v !== 'string') return 'is required';
  return v.length >= 1 && v.length <= 2000 ? null : `must be 1-2000 characters, got ${v.length}`;
}

async function read(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
