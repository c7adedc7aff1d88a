// One call to an HTTP API that answers JSON, with a deadline: Node's own fetch and
// AbortSignal.timeout (combined with the caller's signal), no SDK. The answer is given back
// whatever its status (APIs put their error codes in the body); when no answer comes at all the
// call throws NoAnswer, whose message names the cause (ECONNREFUSED, timeout…) but never the
// URL, so that a token in the path cannot reach a log line through it.

export interface JsonRequest {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Sent as is: the caller sets the matching content-type. */
  body?: string;
  /** Whole call, answer body included. */
  timeoutMs: number;
  /** The caller's own cancellation (shutdown). */
  signal?: AbortSignal;
  /** Another fetch (tests). */
  fetch?: typeof fetch;
}

export interface JsonAnswer {
  status: number;
  headers: Headers;
  /** The parsed body, or undefined when it was not JSON. */
  json: unknown;
  /** The body's first 300 characters, for errors from answers that are not JSON (a proxy's page). */
  text: string;
}

/** No answer came: the connection failed, the deadline passed or the caller cancelled. */
export class NoAnswer extends Error {
  override readonly name = 'NoAnswer';
  constructor(
    /** "timeout", "aborted", or the system error code (ECONNREFUSED, ENOTFOUND, ECONNRESET…). */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function fetchJson(r: JsonRequest): Promise<JsonAnswer> {
  const deadline = AbortSignal.timeout(r.timeoutMs);
  const signal = r.signal ? AbortSignal.any([r.signal, deadline]) : deadline;
  try {
    const res = await (r.fetch ?? fetch)(r.url, { method: r.method, headers: r.headers ?? {}, ...(r.body === undefined ? {} : { body: r.body }), signal });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: parse(text), text: text.slice(0, 300) };
  } catch (e) {
    throw noAnswer(e, deadline, r.timeoutMs);
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function noAnswer(e: unknown, deadline: AbortSignal, timeoutMs: number): NoAnswer {
  if (deadline.aborted) return new NoAnswer('timeout', `no answer within ${timeoutMs} ms`);
  const err = e as { name?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  if (err.name === 'AbortError') return new NoAnswer('aborted', 'cancelled by the caller');
  const code = typeof err.cause?.code === 'string' ? err.cause.code : typeof err.name === 'string' ? err.name : 'network';
  const detail = typeof err.cause?.message === 'string' ? err.cause.message : typeof err.message === 'string' ? err.message : String(e);
  return new NoAnswer(code, `${code}: ${detail}`.slice(0, 300));
}
