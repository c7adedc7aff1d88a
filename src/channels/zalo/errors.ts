// What a zca-js failure means for the dispatcher. zca-js throws ZaloApiError with Zalo's own
// error_code (or null for HTTP and validation failures). Codes seen in zca-js's issue tracker:
//   221  "Vượt quá số request cho phép" (too many requests; RFS-ADRENO/zca-js#114)
//   122  the recipient blocks messages from strangers (#307)
//   114  "Tham số không hợp lệ": sending to a user with no friendship, group or earlier chat (#379)
//   123  "Không thể nhận tin nhắn từ bạn": rate limit or duplicate messages (#94, #229, #336)
//   600, 102  the session cookie is missing, expired or replaced by a newer login (#211, #35)
//   -69  "Retry limit" (#290)
import { ChannelError } from '../../core/channel.ts';
import { zca } from './zca.ts';

export const RATE_LIMIT_RETRY_MS = 30 * 60_000;
const HTTP_429_RETRY_MS = 60_000;

export type ZaloFailure =
  | { kind: 'rate_limited'; retryAfterMs: number; reason: string }
  | { kind: 'unreachable' | 'rejected'; reason: string }
  | { kind: 'transient'; reason: string; session?: true };

const UNREACHABLE = new Set([114, 122]);
const SESSION = new Set([102, 600]);

function zaloError(e: unknown): { code: number | null; message: string } | null {
  if (e instanceof zca.ZaloApiError) return { code: typeof e.code === 'number' ? e.code : null, message: e.message };
  // A second copy of zca-js (another install) would fail instanceof; its errors are named so.
  if (e instanceof Error && e.name === 'ZcaApiError') {
    const code = (e as { code?: unknown }).code;
    return { code: typeof code === 'number' ? code : null, message: e.message };
  }
  return null;
}

/** Classifies a failure of api.sendMessage. */
export function classify(e: unknown): ZaloFailure {
  const z = zaloError(e);
  if (!z) return { kind: 'transient', reason: e instanceof Error ? e.message : String(e) };
  const reason = `zalo ${z.code ?? '-'}: ${z.message}`.slice(0, 300);
  if (z.code === 221) return { kind: 'rate_limited', retryAfterMs: RATE_LIMIT_RETRY_MS, reason };
  if (z.code !== null && UNREACHABLE.has(z.code)) return { kind: 'unreachable', reason };
  if (z.code !== null && SESSION.has(z.code)) return { kind: 'transient', reason, session: true };
  if (z.code !== null) return { kind: 'transient', reason };
  const status = /status code (\d{3})/.exec(z.message)?.[1];
  if (status === '429') return { kind: 'rate_limited', retryAfterMs: HTTP_429_RETRY_MS, reason };
  if (status !== undefined || /parse response/i.test(z.message)) return { kind: 'transient', reason };
  // No code and no HTTP status: zca-js refused the message itself (empty, too many files, too large).
  return { kind: 'rejected', reason };
}

export function toChannelError(f: ZaloFailure): ChannelError {
  return f.kind === 'rate_limited' ? new ChannelError('rate_limited', f.reason, f.retryAfterMs) : new ChannelError(f.kind, f.reason);
}
