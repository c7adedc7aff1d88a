// A typed client of Zalo's OAuth v4 (for an Official Account) and of ZNS, the template messages to
// a phone number. No SDK (none is maintained); each call is one fetch with a deadline.
//   refresh:  POST <oauthRoot>/v4/oa/access_token, form app_id, grant_type=refresh_token,
//             refresh_token, header secret_key → {access_token, refresh_token, expires_in}
//             (expires_in in seconds, sent as a string). Documented: the refresh token is single
//             use — the one returned replaces it, and must be stored before anything else.
//   send:     POST <apiRoot>/message/template, header access_token, JSON {phone: "84…",
//             template_id, template_data, tracking_id} → {error: 0, message, data: {msg_id,
//             sent_time, quota?: {dailyQuota, remainingQuota}}}
//   quota:    GET <apiRoot>/message/quota → data {dailyQuota, remainingQuota}
//   template: GET <apiRoot>/template/info?template_id=… → data {templateId, templateName,
//             status, listParams: [{name, require, type, maxLength, minLength, acceptNull}], …}
// Shapes from developers.zalo.me and zalo.cloud/zns (checked 2026-12 through open-source clients
// calling these endpoints). Numbers may come as strings and are read as numbers. Assumed: the
// tracking id is at most 48 characters. Every failure is a ZnsError (errors.ts) whose texts hold
// none of the secrets; the secrets are private fields.
import { z } from 'zod';
import { fetchJson, NoAnswer, type JsonAnswer, type JsonRequest } from '../../util/fetch-json.ts';
import { scrub, ZnsError, type ZnsCall } from './errors.ts';
import { normalizePhone } from './phone.ts';

export const DEFAULT_OAUTH_ROOT = 'https://oauth.zaloapp.com';
export const DEFAULT_API_ROOT = 'https://business.openapi.zalo.me';
export const MAX_TRACKING_ID = 48;

export interface ZnsClientOptions {
  appId: string;
  appSecret: string;
  oauthRoot?: string;
  apiRoot?: string;
  /** Deadline of one call. Default 30 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const count = z.coerce.number().int().nonnegative();
const tokens = z.looseObject({ access_token: z.string().min(1), refresh_token: z.string().min(1), expires_in: count });
const quota = z.looseObject({ dailyQuota: count, remainingQuota: count });
const sent = z.looseObject({ msg_id: z.string().min(1), sent_time: z.coerce.number().optional(), quota: quota.optional() });
const param = z.looseObject({ name: z.string(), require: z.boolean().optional(), type: z.string().optional(), maxLength: count.optional() });
const template = z.looseObject({
  templateId: z.coerce.string(),
  templateName: z.string().optional(),
  status: z.string(),
  listParams: z.array(param).default([]),
});

export interface ZnsTokens {
  accessToken: string;
  /** The next refresh token: the one used is dead from now on. */
  refreshToken: string;
  expiresInSeconds: number;
}
export type ZnsQuota = z.infer<typeof quota>;
export interface ZnsSent {
  msgId: string;
  /** Epoch ms, when Zalo gives it. */
  sentTime?: number;
  quota?: ZnsQuota;
}
export type ZnsTemplateInfo = z.infer<typeof template>;

export interface ZnsMessage {
  /** Any accepted form (see phone.ts); sent as 84…. */
  phone: string;
  templateId: string;
  /** The template's parameters by name. */
  templateData: Record<string, string>;
  /** Ours (the outbox row id): comes back in the delivery event. */
  trackingId: string;
}

export class ZnsClient {
  readonly #appId: string;
  readonly #appSecret: string;
  readonly #oauthRoot: string;
  readonly #apiRoot: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch | undefined;

  constructor(o: ZnsClientOptions) {
    this.#appId = o.appId;
    this.#appSecret = o.appSecret;
    this.#oauthRoot = (o.oauthRoot ?? DEFAULT_OAUTH_ROOT).replace(/\/+$/, '');
    this.#apiRoot = (o.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, '');
    this.#timeoutMs = o.timeoutMs ?? 30_000;
    this.#fetch = o.fetch;
  }

  /**
   * Trades a refresh token for a new access token AND a new refresh token. The old refresh token is
   * spent even when the answer is lost on the way back: callers store the new one before using it.
   */
  async refreshAccessToken(refreshToken: string): Promise<ZnsTokens> {
    const secrets = [refreshToken];
    const form = new URLSearchParams({ app_id: this.#appId, grant_type: 'refresh_token', refresh_token: refreshToken });
    const answer = await this.#fetchJson('oauth', secrets, {
      url: `${this.#oauthRoot}/v4/oa/access_token`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: this.#appSecret },
      body: form.toString(),
    });
    const body = this.#object('oauth', secrets, answer);
    // A server in trouble is no verdict on the refresh token: only a 2xx–4xx answer refuses it.
    if (answer.status >= 500) throw this.#error('oauth', 'network', answer.status, `HTTP ${answer.status}: ${answer.text.replace(/\s+/g, ' ')}`, secrets);
    const code = body.error;
    if (code !== undefined && code !== 0 && code !== '0') {
      const words = [body.error_description, body.error_reason, body.message, body.error_name].find((w) => typeof w === 'string' && w.trim() !== '');
      throw this.#error('oauth', 'api', typeof code === 'number' ? code : String(code), typeof words === 'string' ? words : 'refused', secrets);
    }
    const t = tokens.safeParse(body);
    if (!t.success) throw this.#error('oauth', 'network', 'unexpected', 'an answer without access_token, refresh_token and expires_in', secrets);
    return { accessToken: t.data.access_token, refreshToken: t.data.refresh_token, expiresInSeconds: t.data.expires_in };
  }

  /** Sends one template message; the phone number is normalised first (a bad one fails as unreachable, before any call). */
  async sendTemplate(accessToken: string, m: ZnsMessage): Promise<ZnsSent> {
    const secrets = [accessToken];
    const phone = normalizePhone(m.phone);
    if (!phone.ok) throw new ZnsError('send', 'client', null, `phone number refused: ${phone.problem}`, 'unreachable');
    if (m.trackingId === '' || m.trackingId.length > MAX_TRACKING_ID) {
      throw new ZnsError('send', 'client', null, `tracking_id must be 1–${MAX_TRACKING_ID} characters, got ${m.trackingId.length}`);
    }
    const payload = { phone: phone.phone, template_id: m.templateId, template_data: m.templateData, tracking_id: m.trackingId };
    const data = await this.#api('send', secrets, 'POST', '/message/template', accessToken, JSON.stringify(payload), sent);
    return { msgId: data.msg_id, ...(data.sent_time === undefined ? {} : { sentTime: data.sent_time }), ...(data.quota ? { quota: data.quota } : {}) };
  }

  /** How many ZNS the OA may still send today. */
  getQuota(accessToken: string): Promise<ZnsQuota> {
    return this.#api('quota', [accessToken], 'GET', '/message/quota', accessToken, undefined, quota);
  }

  /** A template's status and parameters (to check the configuration at start). */
  getTemplateInfo(accessToken: string, templateId: string): Promise<ZnsTemplateInfo> {
    return this.#api('template', [accessToken], 'GET', `/template/info?template_id=${encodeURIComponent(templateId)}`, accessToken, undefined, template);
  }

  async #api<T>(
    call: ZnsCall,
    secrets: string[],
    method: 'GET' | 'POST',
    path: string,
    accessToken: string,
    body: string | undefined,
    data: z.ZodType<T>,
  ): Promise<T> {
    const headers: Record<string, string> = { access_token: accessToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
    const answer = await this.#fetchJson(call, secrets, { url: `${this.#apiRoot}${path}`, method, headers, ...(body === undefined ? {} : { body }) });
    const b = this.#object(call, secrets, answer);
    const code = typeof b.error === 'number' ? b.error : typeof b.error === 'string' && /^-?\d+$/.test(b.error) ? Number(b.error) : null;
    if (code === null) throw this.#error(call, 'network', answer.status, `an answer without an error code: ${answer.text.replace(/\s+/g, ' ')}`, secrets);
    if (code !== 0) throw this.#error(call, 'api', code, typeof b.message === 'string' && b.message !== '' ? b.message : `error ${code}`, secrets);
    const parsed = data.safeParse(b.data);
    if (!parsed.success) throw this.#error(call, 'network', 'unexpected', `unexpected data ${JSON.stringify(b.data) ?? 'undefined'}`, secrets);
    return parsed.data;
  }

  async #fetchJson(call: ZnsCall, secrets: string[], r: Pick<JsonRequest, 'url' | 'method' | 'headers' | 'body'>): Promise<JsonAnswer> {
    try {
      return await fetchJson({ ...r, timeoutMs: this.#timeoutMs, ...(this.#fetch ? { fetch: this.#fetch } : {}) });
    } catch (e) {
      throw this.#error(call, 'network', e instanceof NoAnswer ? e.code : 'network', e instanceof Error ? e.message : String(e), secrets);
    }
  }

  /** The answer as an object, or a failure naming what came instead (a proxy's page, an empty body). */
  #object(call: ZnsCall, secrets: string[], answer: JsonAnswer): Record<string, unknown> {
    if (typeof answer.json === 'object' && answer.json !== null && !Array.isArray(answer.json)) return answer.json as Record<string, unknown>;
    const what = answer.text.trim() === '' ? 'an empty answer' : `an answer that is not JSON: ${answer.text.replace(/\s+/g, ' ')}`;
    throw this.#error(call, 'network', answer.status, `HTTP ${answer.status}, ${what}`, secrets);
  }

  #error(call: ZnsCall, source: 'api' | 'network', code: number | string, text: string, secrets: string[]): ZnsError {
    return new ZnsError(call, source, code, scrub(text, [this.#appSecret, ...secrets]).slice(0, 300));
  }
}
