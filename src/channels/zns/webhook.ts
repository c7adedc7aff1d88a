// The OA webhook's side of ZNS: is an event really from Zalo, and is it a delivery report?
// Documented (developers.zalo.me, OA webhook, "Xác thực"): the header X-ZEvent-Signature is
// "mac=" + hex sha256(app_id + raw body + timestamp + OA secret key), where timestamp is the
// body's own `timestamp` field and the key is the OA's secret, not the app's. The comparison is
// constant-time; the "mac=" prefix and the hex case are not insisted on. A delivery is the event
// user_received_message: {app_id, timestamp, sender:{id: OA}, recipient:{id: phone 84…},
// message:{msg_id, tracking_id, delivery_time}}; tracking_id is the one we sent (ZNS only).
// No freshness window: Zalo retries a webhook for hours, and marking a row delivered twice is harmless.
import { createHash, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-zevent-signature';

export type SignatureProblem =
  /** No X-ZEvent-Signature header. */
  | 'missing'
  /** The body is not a JSON object with a timestamp. */
  | 'body'
  /** The body names another app. */
  | 'app_id'
  /** The signature does not match (forged, altered body or timestamp, wrong key). */
  | 'mismatch';

export type SignatureCheck = { ok: true; event: Record<string, unknown> } | { ok: false; problem: SignatureProblem };

export interface SignedEvent {
  appId: string;
  oaSecretKey: string;
  /** The body exactly as received: the signature covers its bytes. */
  rawBody: string | Buffer;
  /** The X-ZEvent-Signature header. */
  signature: string | string[] | undefined;
}

export function verifyEventSignature(o: SignedEvent): SignatureCheck {
  const header = Array.isArray(o.signature) ? o.signature[0] : o.signature;
  if (header === undefined || header.trim() === '') return { ok: false, problem: 'missing' };
  const raw = typeof o.rawBody === 'string' ? o.rawBody : o.rawBody.toString('utf8');
  let event: unknown;
  try {
    event = JSON.parse(raw);
  } catch {
    return { ok: false, problem: 'body' };
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return { ok: false, problem: 'body' };
  const e = event as Record<string, unknown>;
  const timestamp = typeof e.timestamp === 'string' || typeof e.timestamp === 'number' ? String(e.timestamp) : '';
  if (timestamp === '') return { ok: false, problem: 'body' };
  if (e.app_id !== undefined && String(e.app_id) !== o.appId) return { ok: false, problem: 'app_id' };
  const bytes = typeof o.rawBody === 'string' ? Buffer.from(o.rawBody, 'utf8') : o.rawBody;
  const expected = createHash('sha256').update(o.appId, 'utf8').update(bytes).update(timestamp + o.oaSecretKey, 'utf8').digest();
  const given = header.trim().replace(/^mac=/i, '');
  if (!/^[0-9a-f]{64}$/i.test(given)) return { ok: false, problem: 'mismatch' };
  return timingSafeEqual(Buffer.from(given, 'hex'), expected) ? { ok: true, event: e } : { ok: false, problem: 'mismatch' };
}

export interface ZnsDelivery {
  /** Zalo's id of the message (msg_id of the send). */
  msgId: string;
  /** Ours, as sent; null for a delivery of a message sent without one (an OA chat message). */
  trackingId: string | null;
  /** When the phone got it, if said. */
  deliveredAt: Date | null;
}

/** The delivery report in a verified event, or null for any other event. */
export function deliveryOf(event: Record<string, unknown>): ZnsDelivery | null {
  if (event.event_name !== 'user_received_message') return null;
  const m = typeof event.message === 'object' && event.message !== null ? (event.message as Record<string, unknown>) : {};
  if (typeof m.msg_id !== 'string' || m.msg_id === '') return null;
  const at = Number(m.delivery_time);
  return {
    msgId: m.msg_id,
    trackingId: typeof m.tracking_id === 'string' && m.tracking_id !== '' ? m.tracking_id : null,
    deliveredAt: m.delivery_time !== undefined && Number.isFinite(at) && at > 0 ? new Date(at) : null,
  };
}
