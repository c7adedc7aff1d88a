// What a failed Bot API call means, for the dispatcher and for the logs. grammY throws
// GrammyError when Telegram answered with an error, HttpError when no answer came (network,
// timeout, a proxy's HTML page). An HttpError's cause can carry the request URL, which holds the
// bot token: only the method, the code and the answer's own description are ever kept, and every
// text passes through scrub(). An error answer not shaped like the Bot API's (a proxy's or an
// emulator's JSON) keeps its own words through describeFailures(), never "?".
import { GrammyError, HttpError, type Transformer } from 'grammy';
import { ChannelError, type ChannelErrorKind } from '../../core/channel.ts';

/** A failure reduced to what is safe to log, store and show. */
export interface Failure {
  kind: ChannelErrorKind;
  /** Telegram's error_code, or the HTTP/network cause. */
  code: number | string | null;
  message: string;
  retryAfterMs?: number;
}

/** 400 descriptions that mean the chat itself is gone or closed to the bot. */
const UNREACHABLE_400 = /chat not found|user not found|peer_id_invalid|group chat was (upgraded|deactivated)|bot was kicked|not a member|have no rights to send|not enough rights to send|chat_write_forbidden|chat_restricted/i;

/** Removes the token (alone or inside a /bot<token>/ URL) from a text. */
export function scrub(text: string, token: string): string {
  if (token === '') return text;
  let out = text.split(token).join('***');
  // The numeric bot id before the colon is public, but the secret half alone must not leak either.
  const secret = token.slice(token.indexOf(':') + 1);
  if (secret.length >= 20) out = out.split(secret).join('***');
  return out;
}

export function classify(e: unknown, token: string): Failure {
  const safe = (s: string) => scrub(s, token).slice(0, 300);
  if (e instanceof GrammyError) {
    const code = typeof e.error_code === 'number' ? e.error_code : null;
    const message = safe(`${e.method}: ${[code, e.description].filter((x) => x !== null && x !== undefined && x !== '').join(' ') || 'error'}`);
    if (code === 429) {
      const after = e.parameters?.retry_after;
      return { kind: 'rate_limited', code, message, retryAfterMs: (typeof after === 'number' && after > 0 ? after : 1) * 1000 };
    }
    if (code === 403) return { kind: 'unreachable', code, message };
    if (code === 400 && UNREACHABLE_400.test(e.description ?? '')) return { kind: 'unreachable', code, message };
    // 401/404: a wrong token or API root is the service's fault, not the recipient's: retry later.
    if (code === null || code >= 500 || code === 401 || code === 404) return { kind: 'transient', code, message };
    return { kind: 'rejected', code, message };
  }
  if (e instanceof HttpError) {
    const cause = e.error as { code?: unknown; name?: unknown; message?: unknown } | undefined;
    if (typeof cause?.code === 'string') return { kind: 'transient', code: cause.code, message: safe(`${e.message} (${cause.code})`) };
    // No errno: an answer that was not JSON, a timeout. What went wrong is in the cause's message.
    const code = typeof cause?.name === 'string' ? cause.name : 'network';
    const detail = typeof cause?.message === 'string' && cause.message !== '' ? `${code}: ${cause.message}` : code;
    return { kind: 'transient', code, message: safe(`${e.message} (${detail.replace(/\s+/g, ' ')})`) };
  }
  if (e instanceof ChannelError) return { kind: e.kind, code: null, message: safe(e.message), ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}) };
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { kind: 'transient', code: null, message: safe(message) };
}

/**
 * Gives an error answer without Telegram's `description` (the JSON of a proxy or an emulator, e.g.
 * {"message": "API method 'sendPhoto' is not supported."}) the words it did carry, so that the
 * GrammyError grammY makes of it says what happened. Answers that are not an object at all become
 * an error answer too.
 */
export function describeFailures(): Transformer {
  return async (prev, method, payload, signal) => {
    const answer: unknown = await prev(method, payload, signal);
    if (typeof answer === 'object' && answer !== null && (answer as { ok?: unknown }).ok === true) return answer as Awaited<ReturnType<typeof prev>>;
    const body = (typeof answer === 'object' && answer !== null ? answer : {}) as Record<string, unknown>;
    if (typeof body.description === 'string' && body.description.trim() !== '') return answer as Awaited<ReturnType<typeof prev>>;
    const description = ownWords(body) ?? `unexpected answer ${JSON.stringify(answer) ?? String(answer)}`.slice(0, 300);
    return { ...body, ok: false, description } as unknown as Awaited<ReturnType<typeof prev>>;
  };
}

/** The first text an error body offers: message, error (or error.message), detail, title. */
function ownWords(body: Record<string, unknown>): string | null {
  const nested = typeof body.error === 'object' && body.error !== null ? (body.error as Record<string, unknown>).message : undefined;
  for (const v of [body.message, body.error, nested, body.detail, body.title]) if (typeof v === 'string' && v.trim() !== '') return v.trim().slice(0, 300);
  return null;
}

export function toChannelError(f: Failure): ChannelError {
  return new ChannelError(f.kind, f.message, f.retryAfterMs);
}

/** For log lines: never the raw error (its cause may hold the URL with the token). */
export function logged(e: unknown, token: string): { kind: ChannelErrorKind; code: number | string | null; error: string } {
  const f = classify(e, token);
  return { kind: f.kind, code: f.code, error: f.message };
}

/** Telegram refused an edit because nothing changed (the same page pressed twice). */
export function isNotModified(e: unknown): boolean {
  return e instanceof GrammyError && e.error_code === 400 && /message is not modified/i.test(e.description);
}
