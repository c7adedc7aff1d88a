// What a failed ZNS or OAuth call means. The business API answers HTTP 200 with {error: <negative
// code>, message}; the codes used here are from ZNS's error table (zalo.cloud/zns/guidelines/
// handle-error-code, "Cách xử lý mã lỗi"): -100 unknown error (retry later), -108 phone number
// invalid, -118 Zalo account not existed, -124 access token invalid; -220 "access_token is expired
// or removed" is the Official Account API's. Refusals by the person (inactive account, ZNS turned
// off, an old Zalo version) and spent quotas are recognised by their message, whatever the code.
// The OAuth endpoint answers {error, error_description} (or error_name/error_reason): a refused
// refresh is never retried with the same token (single use): a person must grant access again.
//
// Secrets (app secret, access and refresh tokens) travel in headers and form bodies, never in a
// URL; an error still passes every text through scrub() and keeps no request and no cause.

export type ZnsErrorKind =
  /** The OA's quota (daily, or the template's) is spent: try again after it resets. */
  | 'rate_limited'
  /** Try again later: no answer, a timeout, 5xx, Zalo's unknown error. */
  | 'transient'
  /** This phone number will not get ZNS: not on Zalo, invalid, or the person refuses them. */
  | 'unreachable'
  /** This message is refused as built (template, parameters, tracking id): do not retry it. */
  | 'rejected'
  /** The access token is invalid or expired: refresh it, then retry. */
  | 'access_token'
  /** The refresh was refused (token used, expired or revoked; wrong app id or secret): a person must authorise the app again. */
  | 'reauthorize';

export type ZnsCall = 'oauth' | 'send' | 'quota' | 'template';

export type ZnsErrorSource = 'api' | 'network' | 'client';

export class ZnsError extends Error {
  override readonly name = 'ZnsError';
  readonly kind: ZnsErrorKind;

  constructor(
    readonly call: ZnsCall,
    readonly source: ZnsErrorSource,
    /** Zalo's error code (negative), the HTTP status of an answer that is not Zalo's, the network cause, or null when refused locally. */
    readonly errorCode: number | string | null,
    /** Zalo's message, scrubbed. */
    readonly description: string,
    /** For a local refusal: which kind it is (a bad phone number is unreachable, the rest rejected). */
    localKind: ZnsErrorKind = 'rejected',
  ) {
    super(`zns ${call}: ${[errorCode, description].filter((x) => x !== null && x !== '').join(' ')}`.slice(0, 400));
    this.kind = source === 'client' ? localKind : kindOf(call, source, errorCode, description);
  }
}

const ACCESS_TOKEN_CODES = new Set([-124, -220]);
const UNREACHABLE_CODES = new Set([-108, -118]);
/** Messages that say the person will not receive ZNS (ZNS table: "User is inactive, or reject the message…", "Account can not receive…"). */
const UNREACHABLE = /not exist|inactive|reject|refuse|can ?not receive|cannot receive|không tồn tại|từ chối/i;
const QUOTA = /quota|limit exceeded|hạn mức/i;

function kindOf(call: ZnsCall, source: ZnsErrorSource, code: number | string | null, description: string): ZnsErrorKind {
  if (source === 'network') return code === 429 ? 'rate_limited' : code === 401 && call !== 'oauth' ? 'access_token' : 'transient';
  if (call === 'oauth') return 'reauthorize';
  if (typeof code === 'number' && ACCESS_TOKEN_CODES.has(code)) return 'access_token';
  if (/access.?token/i.test(description) && /invalid|expired|removed/i.test(description)) return 'access_token';
  if (typeof code === 'number' && UNREACHABLE_CODES.has(code)) return 'unreachable';
  if (QUOTA.test(description)) return 'rate_limited';
  if (UNREACHABLE.test(description)) return 'unreachable';
  if (code === -100) return 'transient';
  return 'rejected';
}

/** Removes each secret from a text (empty and very short ones are left: they would match anything). */
export function scrub(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length >= 8).reduce((out, s) => out.split(s).join('***').split(encodeURIComponent(s)).join('***'), text);
}
