// A typed client of the Zalo Bot Platform HTTP API (no SDK: none is maintained): every method is
// POST <apiRoot>/bot<TOKEN>/<method> with a JSON body, answered {ok, result} or {ok:false,
// error_code, description}. Methods and shapes as documented at bot.zaloplatforms.com/docs
// (getMe, getUpdates, setWebhook, deleteWebhook, getWebhookInfo, sendMessage, sendPhoto,
// sendChatAction). getUpdates long-polls and returns ONE update, or null when the poll ended
// idle (408). Texts and captions are 1–2000 characters (counted in UTF-16 units, the stricter
// count); a photo is a URL the platform downloads itself. Every failure is a ZaloBotError that
// never holds the token (see errors.ts); the token itself is a private field, so that logging the
// client object shows nothing of it.
import { z } from 'zod';
import { fetchJson, NoAnswer, type JsonAnswer } from '../../util/fetch-json.ts';
import { scrub, ZaloBotError } from './errors.ts';
import { parseUpdate, type ZaloUpdate } from './updates.ts';

export const DEFAULT_API_ROOT = 'https://bot-api.zaloplatforms.com';
export const MAX_TEXT = 2000;

export interface ZaloBotClientOptions {
  token: string;
  /** Default DEFAULT_API_ROOT; tests and relays point it elsewhere. */
  apiRoot?: string;
  /** Deadline of one call (getUpdates: its poll time plus this). Default 30 s. */
  timeoutMs?: number;
  /** Deadline of sendPhoto, during which the platform downloads the photo. Default 60 s. */
  photoTimeoutMs?: number;
  fetch?: typeof fetch;
}

const botInfo = z.looseObject({ id: z.string(), account_name: z.string(), account_type: z.string().optional(), can_join_groups: z.boolean().optional() });
const webhookInfo = z.looseObject({ url: z.string(), updated_at: z.number().optional() });
const sent = z.looseObject({ message_id: z.string(), date: z.number().optional() });

export type ZaloBotInfo = z.infer<typeof botInfo>;
/** url is "" when no webhook is set. */
export type ZaloWebhookInfo = z.infer<typeof webhookInfo>;
export type ZaloSentMessage = z.infer<typeof sent>;
export type ZaloChatAction = 'typing' | 'upload_photo';

export class ZaloBotClient {
  readonly #token: string;
  readonly #root: string;
  readonly #timeoutMs: number;
  readonly #photoTimeoutMs: number;
  readonly #fetch: typeof fetch | undefined;

  constructor(o: ZaloBotClientOptions) {
    this.#token = o.token;
    this.#root = (o.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, '');
    this.#timeoutMs = o.timeoutMs ?? 30_000;
    this.#photoTimeoutMs = o.photoTimeoutMs ?? 60_000;
    this.#fetch = o.fetch;
  }

  /** Checks the token: the bot's id and account name. */
  getMe(): Promise<ZaloBotInfo> {
    return this.#call('getMe', undefined, botInfo);
  }

  /**
   * Waits up to `timeoutSeconds` for the next update. Null when none came (the platform's 408).
   * Polling fails while a webhook is set.
   */
  async getUpdates(o: { timeoutSeconds: number; signal?: AbortSignal }): Promise<ZaloUpdate | null> {
    let result: unknown;
    try {
      const deadline = { timeoutMs: o.timeoutSeconds * 1000 + this.#timeoutMs, signal: o.signal };
      result = await this.#call('getUpdates', { timeout: String(o.timeoutSeconds) }, z.unknown(), deadline);
    } catch (e) {
      if (e instanceof ZaloBotError && e.source === 'api' && e.errorCode === 408) return null;
      throw e;
    }
    if (result === undefined || result === null) return null;
    const update = parseUpdate(result);
    if (!update) throw this.#unexpected('getUpdates', result);
    return update;
  }

  /** Sends each update to `url` with the header X-Bot-Api-Secret-Token: `secretToken` (8–256 characters). */
  async setWebhook(o: { url: string; secretToken: string }): Promise<ZaloWebhookInfo> {
    const n = o.secretToken.length;
    if (n < 8 || n > 256) this.#refuse('setWebhook', `secret_token must be 8–256 characters, got ${n}`);
    if (!isHttpUrl(o.url)) this.#refuse('setWebhook', 'url must be an absolute http(s) URL');
    return this.#call('setWebhook', { url: o.url, secret_token: o.secretToken }, webhookInfo);
  }

  deleteWebhook(): Promise<ZaloWebhookInfo> {
    return this.#call('deleteWebhook', undefined, webhookInfo);
  }

  getWebhookInfo(): Promise<ZaloWebhookInfo> {
    return this.#call('getWebhookInfo', undefined, webhookInfo);
  }

  async sendMessage(o: { chatId: string; text: string }): Promise<ZaloSentMessage> {
    this.#checkChat('sendMessage', o.chatId);
    this.#checkText('sendMessage', 'text', o.text);
    return this.#call('sendMessage', { chat_id: o.chatId, text: o.text }, sent);
  }

  /** `photo` is a URL the platform downloads; an empty caption is left out. */
  async sendPhoto(o: { chatId: string; photo: string; caption?: string }): Promise<ZaloSentMessage> {
    this.#checkChat('sendPhoto', o.chatId);
    if (!isHttpUrl(o.photo)) this.#refuse('sendPhoto', 'photo must be an absolute http(s) URL');
    const caption = o.caption === '' ? undefined : o.caption;
    if (caption !== undefined) this.#checkText('sendPhoto', 'caption', caption);
    const params = { chat_id: o.chatId, photo: o.photo, ...(caption === undefined ? {} : { caption }) };
    return this.#call('sendPhoto', params, sent, { timeoutMs: this.#photoTimeoutMs });
  }

  async sendChatAction(o: { chatId: string; action: ZaloChatAction }): Promise<void> {
    this.#checkChat('sendChatAction', o.chatId);
    await this.#call('sendChatAction', { chat_id: o.chatId, action: o.action }, z.unknown());
  }

  #checkChat(method: string, chatId: string): void {
    if (chatId.trim() === '') this.#refuse(method, 'chat_id is empty');
  }

  #checkText(method: string, field: string, text: string): void {
    if (text.length < 1 || text.length > MAX_TEXT) this.#refuse(method, `${field} must be 1–${MAX_TEXT} characters, got ${text.length}`);
  }

  #refuse(method: string, why: string): never {
    throw new ZaloBotError(method, 'client', null, why);
  }

  async #call<T>(
    method: string,
    params: Record<string, string> | undefined,
    result: z.ZodType<T>,
    o: { timeoutMs?: number; signal?: AbortSignal | undefined } = {},
  ): Promise<T> {
    let answer: JsonAnswer;
    try {
      answer = await fetchJson({
        url: `${this.#root}/bot${this.#token}/${method}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params ?? {}),
        timeoutMs: o.timeoutMs ?? this.#timeoutMs,
        ...(o.signal ? { signal: o.signal } : {}),
        ...(this.#fetch ? { fetch: this.#fetch } : {}),
      });
    } catch (e) {
      const code = e instanceof NoAnswer ? e.code : 'network';
      throw new ZaloBotError(method, 'network', code, this.#scrub(e instanceof Error ? e.message : String(e)));
    }
    type Body = { ok?: unknown; result?: unknown; error_code?: unknown; description?: unknown; parameters?: { retry_after?: unknown } };
    const body = answer.json as Body | undefined;
    if (typeof body !== 'object' || body === null || typeof body.ok !== 'boolean') {
      const what = answer.text.trim() === '' ? 'an empty answer' : `an answer that is not the Bot API's: ${answer.text.replace(/\s+/g, ' ')}`;
      throw new ZaloBotError(method, 'network', answer.status, this.#scrub(`HTTP ${answer.status}, ${what}`));
    }
    if (!body.ok) {
      const code = typeof body.error_code === 'number' ? body.error_code : answer.status;
      const description = typeof body.description === 'string' && body.description.trim() !== '' ? body.description : `HTTP ${answer.status}`;
      const wait = code === 429 ? retryAfterMs(body.parameters?.retry_after, answer.headers) : undefined;
      throw new ZaloBotError(method, 'api', code, this.#scrub(description).slice(0, 300), wait);
    }
    const parsed = result.safeParse(body.result);
    if (!parsed.success) throw this.#unexpected(method, body.result);
    return parsed.data;
  }

  /** An ok answer whose result is not what the method returns: not the platform we know (a relay's bug), so transient. */
  #unexpected(method: string, result: unknown): ZaloBotError {
    return new ZaloBotError(method, 'network', 'unexpected', this.#scrub(`unexpected result ${JSON.stringify(result) ?? 'undefined'}`).slice(0, 300));
  }

  #scrub(text: string): string {
    return scrub(text, this.#token);
  }
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** parameters.retry_after (seconds), else a Retry-After header in seconds; undefined when neither is given. */
function retryAfterMs(param: unknown, headers: Headers): number | undefined {
  const header = headers.get('retry-after');
  const seconds = typeof param === 'number' ? param : header !== null && /^\d+(\.\d+)?$/.test(header.trim()) ? Number(header) : undefined;
  return seconds !== undefined && seconds >= 0 ? Math.round(seconds * 1000) : undefined;
}
