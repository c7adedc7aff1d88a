// Zalo's OAuth v4 and ZNS for tests: one node:http server on 127.0.0.1 serving both roots
// (oauthRoot, apiRoot), and helpers that play Zalo's OA webhook. Documented behaviour: the refresh
// (form app_id, grant_type=refresh_token, refresh_token; header secret_key) returns a new access
// token AND a new refresh token, and the refresh token used is dead from then on (single use);
// access tokens expire (25 h by default); a template send needs a valid access_token header, a
// known approved template and its required parameters, and counts against a daily quota; the
// quota and template info endpoints; the delivery event user_received_message with the
// tracking_id, signed X-ZEvent-Signature: mac=sha256(app_id + body + timestamp + OA secret key).
// Assumed (marked where used): the OAuth error codes, the quota error's code, a phone accepted
// only as 84… (Zalo takes 0… too; dunghan always sends 84…), old access tokens staying valid
// until they expire. The signature is computed here on its own, never with the product's code.
// It is part of the tests, not of the product.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface ZnsTemplate {
  name?: string;
  /** ENABLE is approved; anything else cannot be sent. */
  status?: 'ENABLE' | 'PENDING_REVIEW' | 'REJECT' | 'DISABLE';
  params: { name: string; require?: boolean; maxLength?: number }[];
}

export interface ZnsEmulatorOptions {
  appId: string;
  appSecret: string;
  oaSecretKey: string;
  /** The refresh token the OA was authorised with. */
  refreshToken: string;
  oaId?: string;
  /** Default 25 h (Zalo's 90000 s). */
  accessTokenTtlMs?: number;
  /** Default 90 days. */
  refreshTokenTtlMs?: number;
  templates?: Record<string, ZnsTemplate>;
  /** ZNS per day (Asia/Ho_Chi_Minh day). Default 500. */
  dailyQuota?: number;
  now?: () => number;
}

export interface ZnsSend {
  msgId: string;
  phone: string;
  templateId: string;
  templateData: Record<string, unknown>;
  trackingId: string | undefined;
  accessToken: string;
  at: number;
}

export interface ZnsRefresh {
  refreshToken: string;
  ok: boolean;
}

/** An answer for the next call of a path (e.g. "/message/template"), or a dropped connection, or silence. */
export type ZnsFailure = { status?: number; body: unknown } | 'reset' | 'hang';

type Answer = { status: number; body: unknown };

export type DeliveryHow = 'signed' | 'bad-signature' | 'wrong-timestamp' | 'unsigned';

const DAY = 86_400_000;
const VN = 7 * 3_600_000;

export class ZnsEmulator {
  readonly sends: ZnsSend[] = [];
  readonly refreshes: ZnsRefresh[] = [];
  oauthRoot = '';
  apiRoot = '';

  readonly #o: Required<Omit<ZnsEmulatorOptions, 'templates'>> & { templates: Record<string, ZnsTemplate> };
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  readonly #refreshTokens = new Map<string, { expiresAt: number; used: boolean }>();
  readonly #accessTokens = new Map<string, number>();
  readonly #noZalo = new Set<string>();
  readonly #failures = new Map<string, ZnsFailure[]>();
  #day = { day: -1, used: 0 };

  private constructor(o: ZnsEmulatorOptions) {
    this.#o = {
      oaId: '2846209153012345678',
      accessTokenTtlMs: 90_000_000,
      refreshTokenTtlMs: 90 * DAY,
      dailyQuota: 500,
      now: Date.now,
      ...o,
      templates: o.templates ?? {},
    };
    this.#refreshTokens.set(o.refreshToken, { expiresAt: this.#o.now() + this.#o.refreshTokenTtlMs, used: false });
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#server.on('connection', (s) => {
      this.#sockets.add(s);
      s.on('close', () => this.#sockets.delete(s));
    });
  }

  static async start(o: ZnsEmulatorOptions): Promise<ZnsEmulator> {
    const e = new ZnsEmulator(o);
    await new Promise<void>((resolve) => e.#server.listen(0, '127.0.0.1', resolve));
    const address = e.#server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    e.oauthRoot = `${base}/oauth`;
    e.apiRoot = `${base}/openapi`;
    return e;
  }

  /** The refresh tokens still usable (normally exactly one: the last issued). */
  get liveRefreshTokens(): string[] {
    const now = this.#o.now();
    return [...this.#refreshTokens].filter(([, t]) => !t.used && t.expiresAt > now).map(([k]) => k);
  }

  /** ZNS left today. */
  get remainingQuota(): number {
    this.#rollDay();
    return Math.max(0, this.#o.dailyQuota - this.#day.used);
  }

  /** A phone number (84…) with no Zalo account: sends to it fail with -118. */
  noZalo(phone: string): void {
    this.#noZalo.add(phone);
  }

  /** The next call(s) of a path ("/v4/oa/access_token", "/message/template", …) answer this way. */
  failNext(path: string, ...failures: ZnsFailure[]): void {
    this.#failures.set(path, [...(this.#failures.get(path) ?? []), ...failures]);
  }

  /**
   * Plays Zalo reporting that a sent ZNS reached the phone: POSTs user_received_message to the OA
   * webhook `url`, signed as documented, or with the signature computed with another key
   * ("bad-signature") or over another timestamp than the body's ("wrong-timestamp"), or without it.
   */
  async deliver(url: string, msgId: string, how: DeliveryHow = 'signed'): Promise<{ status: number; body: string }> {
    const send = this.sends.find((s) => s.msgId === msgId);
    if (!send) throw new Error(`no ZNS sent with msg_id ${msgId}`);
    const now = this.#o.now();
    const timestamp = String(now);
    const event = {
      app_id: this.#o.appId,
      sender: { id: this.#o.oaId },
      recipient: { id: send.phone },
      event_name: 'user_received_message',
      message: { msg_id: send.msgId, delivery_time: String(now), ...(send.trackingId === undefined ? {} : { tracking_id: send.trackingId }) },
      timestamp,
    };
    const raw = JSON.stringify(event);
    const key = how === 'bad-signature' ? `${this.#o.oaSecretKey}-not` : this.#o.oaSecretKey;
    const signedAt = how === 'wrong-timestamp' ? String(now + 1_000) : timestamp;
    const mac = createHash('sha256').update(`${this.#o.appId}${raw}${signedAt}${key}`, 'utf8').digest('hex');
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(how === 'unsigned' ? {} : { 'x-zevent-signature': `mac=${mac}` }) },
      body: raw,
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, body: await res.text() };
  }

  async close(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://emulator');
    const route = url.pathname.replace(/^\/(oauth|openapi)/, '');
    const failure = this.#failures.get(route)?.shift();
    if (failure === 'hang') return;
    if (failure === 'reset') {
      req.socket.destroy();
      return;
    }
    const answer: Answer = failure ? { status: failure.status ?? 200, body: failure.body } : this.#route(req, url, raw);
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer.body));
  }

  #route(req: IncomingMessage, url: URL, raw: string): Answer {
    const key = `${req.method} ${url.pathname}`;
    if (key === 'POST /oauth/v4/oa/access_token') return this.#refresh(req, raw);
    if (!url.pathname.startsWith('/openapi/')) return { status: 404, body: { error: 404, message: 'Not found' } };
    const token = typeof req.headers.access_token === 'string' ? req.headers.access_token : '';
    const expiresAt = this.#accessTokens.get(token);
    if (expiresAt === undefined || expiresAt <= this.#o.now()) return zalo(-124, 'Access token invalid');
    switch (key) {
      case 'POST /openapi/message/template':
        return this.#send(raw, token);
      case 'GET /openapi/message/quota':
        return ok({ dailyQuota: String(this.#o.dailyQuota), remainingQuota: String(this.remainingQuota) });
      case 'GET /openapi/template/info': {
        const id = url.searchParams.get('template_id') ?? '';
        const t = this.#o.templates[id];
        if (!t) return zalo(-109, 'Template ID invalid');
        const listParams = t.params.map((p) => ({
          name: p.name,
          require: p.require ?? true,
          type: 'STRING',
          maxLength: p.maxLength ?? 30,
          minLength: 0,
          acceptNull: false,
        }));
        const status = t.status ?? 'ENABLE';
        return ok({ templateId: Number(id), templateName: t.name ?? `Mẫu ${id}`, status, listParams, timeout: 7200, templateTag: 'ACCOUNT_UPDATE' });
      }
      default:
        return zalo(-106, 'Method unsupported');
    }
  }

  #refresh(req: IncomingMessage, raw: string): Answer {
    const form = new URLSearchParams(raw);
    const refreshToken = form.get('refresh_token') ?? '';
    // Assumed codes: Zalo's OAuth errors are negative numbers with a description.
    if (req.headers.secret_key !== this.#o.appSecret || form.get('app_id') !== this.#o.appId) {
      this.refreshes.push({ refreshToken, ok: false });
      return { status: 200, body: { error: -14002, error_name: 'Invalid app', error_description: 'Invalid app_id or secret_key' } };
    }
    if (form.get('grant_type') !== 'refresh_token') return { status: 200, body: { error: -14004, error_description: 'Unsupported grant_type' } };
    const held = this.#refreshTokens.get(refreshToken);
    if (!held || held.used || held.expiresAt <= this.#o.now()) {
      this.refreshes.push({ refreshToken, ok: false });
      const description = 'Refresh token is invalid, expired or already used';
      return { status: 200, body: { error: -14014, error_name: 'Invalid parameter', error_reason: 'Invalid refresh token', error_description: description } };
    }
    held.used = true;
    const now = this.#o.now();
    const access = `at_${randomBytes(24).toString('base64url')}`;
    const next = `rt_${randomBytes(24).toString('base64url')}`;
    this.#accessTokens.set(access, now + this.#o.accessTokenTtlMs);
    this.#refreshTokens.set(next, { expiresAt: now + this.#o.refreshTokenTtlMs, used: false });
    this.refreshes.push({ refreshToken, ok: true });
    return { status: 200, body: { access_token: access, refresh_token: next, expires_in: String(Math.round(this.#o.accessTokenTtlMs / 1000)) } };
  }

  #send(raw: string, accessToken: string): Answer {
    let b: Record<string, unknown>;
    try {
      b = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return zalo(-122, 'Body format invalid');
    }
    const phone = typeof b.phone === 'string' ? b.phone : '';
    if (!/^84[35789]\d{8}$/.test(phone)) return zalo(-108, 'Phone number invalid');
    const templateId = String(b.template_id ?? '');
    const t = this.#o.templates[templateId];
    if (!t || (t.status ?? 'ENABLE') !== 'ENABLE') return zalo(-109, 'Template ID invalid');
    const data = typeof b.template_data === 'object' && b.template_data !== null ? (b.template_data as Record<string, unknown>) : {};
    if (Object.keys(data).length === 0 && t.params.length > 0) return zalo(-111, 'Template data empty');
    for (const p of t.params) {
      const v = data[p.name];
      if ((p.require ?? true) && (typeof v !== 'string' || v.trim() === '')) return zalo(-112, `Template data invalid: ${p.name} is required`);
      if (typeof v === 'string' && v.length > (p.maxLength ?? 30)) return zalo(-112, `Template data invalid: ${p.name} is longer than ${p.maxLength ?? 30}`);
    }
    if (this.remainingQuota <= 0) return zalo(-115, 'Out of quota'); // code assumed; the message is the table's
    if (this.#noZalo.has(phone)) return zalo(-118, 'Zalo account not existed');
    this.#day.used++;
    const now = this.#o.now();
    const send: ZnsSend = {
      msgId: randomBytes(16).toString('hex'),
      phone,
      templateId,
      templateData: data,
      trackingId: typeof b.tracking_id === 'string' ? b.tracking_id : undefined,
      accessToken,
      at: now,
    };
    this.sends.push(send);
    return ok({ msg_id: send.msgId, sent_time: String(now), quota: { dailyQuota: String(this.#o.dailyQuota), remainingQuota: String(this.remainingQuota) } });
  }

  #rollDay(): void {
    const day = Math.floor((this.#o.now() + VN) / DAY);
    if (day !== this.#day.day) this.#day = { day, used: 0 };
  }
}

const ok = (data: unknown): Answer => ({ status: 200, body: { error: 0, message: 'Success', data } });
const zalo = (error: number, message: string): Answer => ({ status: 200, body: { error, message } });
