// What a failed Bot API call means, for the dispatcher and for the logs. grammY throws
// GrammyError when Telegram answered with an error, HttpError when no answer came (network,
// timeout, a proxy's HTML page). An HttpError's cause can carry the request URL, which holds the
// bot token: only the method, the code and Telegram's description are ever kept, and every text
// passes through scrub().
import { GrammyError, HttpError } from 'grammy';
import { ChannelError, type ChannelErrorKind } from '../channel.ts';

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
    const message = safe(`${e.method}: ${code ?? '?'} ${e.description ?? ''}`.trim());
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
    const cause = e.error as { code?: unknown; name?: unknown } | undefined;
    const code = typeof cause?.code === 'string' ? cause.code : typeof cause?.name === 'string' ? cause.name : 'network';
    return { kind: 'transient', code, message: safe(`${e.message} (${code})`) };
  }
  if (e instanceof ChannelError) return { kind: e.kind, code: null, message: safe(e.message), ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}) };
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { kind: 'transient', code: null, message: safe(message) };
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
