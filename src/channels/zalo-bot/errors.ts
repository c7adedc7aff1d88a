// What a failed Zalo Bot Platform call means. The platform answers {ok:false, error_code,
// description}; its error table (bot.zapps.me/docs/error-code, "Bảng mã lỗi", updated 6/8/2025)
// lists only 400 bad request, 401 token expired or invalid, 403 "Internal server error" (sic),
// 404 not found, 408 request timeout (an idle getUpdates) and 429 quota exceeded. It documents
// no code for a user who blocked or left the bot, nor for an unknown chat: those are recognised
// by their description (in English or Vietnamese), whatever the code, and a bare 403 stays a
// server error as documented. A 429 may carry a retry time (parameters.retry_after in seconds,
// as Telegram does, or a Retry-After header): it is kept only when given.
//
// The bot token is in every request URL. An error keeps only the method, the code and the
// answer's own words, all passed through scrub(); it holds no URL, no request and no cause.

/** The same kinds as the outbox's channel errors, so that the channel adapter maps them one to one. */
export type ZaloBotErrorKind =
  /** Slow down: the quota is spent (429). */
  | 'rate_limited'
  /** Try again later: 5xx, the documented 403, no answer, a timeout, a wrong token or API root. */
  | 'transient'
  /** This chat will not take messages: the user blocked or left the bot, the chat is unknown. */
  | 'unreachable'
  /** The message itself is refused (malformed, too long): do not retry it. */
  | 'rejected';

/** Where the failure was seen. */
export type ZaloBotErrorSource =
  /** The platform answered with an error. */
  | 'api'
  /** No answer, or an answer that is not the platform's (a proxy's page). */
  | 'network'
  /** Refused before sending (text too long, bad photo URL…). */
  | 'client';

export class ZaloBotError extends Error {
  override readonly name = 'ZaloBotError';
  readonly kind: ZaloBotErrorKind;

  constructor(
    readonly method: string,
    readonly source: ZaloBotErrorSource,
    /** The answer's error_code (else its HTTP status), or the network cause ("timeout", "ECONNREFUSED"…); null when refused locally. */
    readonly errorCode: number | string | null,
    /** The answer's description, scrubbed. */
    readonly description: string,
    /** Only for a 429 that said how long to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(`${method}: ${[errorCode, description].filter((x) => x !== null && x !== '').join(' ')}`.slice(0, 400));
    this.kind = kindOf(source, errorCode, description);
  }
}

/** Descriptions that say the chat is closed to the bot (assumed wording: nothing is documented). */
const UNREACHABLE = new RegExp(
  [
    'block', 'chặn', 'unfollow', 'bỏ quan tâm', 'left the (bot|chat|group)', 'rời (khỏi|nhóm)', 'kicked', 'removed from',
    'not (a )?(member|follower|friend)', '(chat|user|recipient|người dùng)( id)? (is )?(not found|not exist|does not exist|invalid|không tồn tại)',
  ].join('|'),
  'i',
);

function kindOf(source: ZaloBotErrorSource, code: number | string | null, description: string): ZaloBotErrorKind {
  if (source === 'client') return 'rejected';
  if (source === 'network' || typeof code !== 'number') return 'transient';
  if (code === 429) return 'rate_limited';
  if (code >= 400 && code < 500 && UNREACHABLE.test(description)) return 'unreachable';
  // 401/404: a wrong token or API root is the service's fault, not the recipient's; 403 is documented
  // as an internal server error; 408 "took too long"; 409: another poller, or polling vs webhook.
  if (code >= 500 || [401, 403, 404, 408, 409].includes(code)) return 'transient';
  return code >= 400 ? 'rejected' : 'transient';
}

/** A failure reduced to what is safe to log, store and show. */
export interface ZaloBotFailure {
  kind: ZaloBotErrorKind;
  code: number | string | null;
  message: string;
  retryAfterMs?: number;
}

/** Classifies anything a client call threw; a foreign error is transient and keeps no more than its scrubbed message. */
export function classifyZaloBotError(e: unknown, token: string): ZaloBotFailure {
  if (e instanceof ZaloBotError) {
    return { kind: e.kind, code: e.errorCode, message: scrub(e.message, token), ...(e.retryAfterMs === undefined ? {} : { retryAfterMs: e.retryAfterMs }) };
  }
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { kind: 'transient', code: null, message: scrub(message, token).slice(0, 400) };
}

/** Removes the token from a text: whole, URL-encoded, or its secret half alone. */
export function scrub(text: string, token: string): string {
  if (token === '') return text;
  const secret = token.slice(token.indexOf(':') + 1);
  const parts = [token, encodeURIComponent(token), ...(secret.length >= 8 ? [secret, encodeURIComponent(secret)] : [])];
  return parts.reduce((out, p) => out.split(p).join('***'), text);
}
