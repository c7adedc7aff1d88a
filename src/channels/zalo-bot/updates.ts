// What the Zalo Bot Platform delivers, by getUpdates or by webhook: one event with the message
// that caused it. Shapes from bot.zaloplatforms.com/docs (getUpdates, Webhook, checked
// 2026-12 through open-source clients and copies of the docs): event_name, message.from
// {id, display_name, is_bot}, message.chat {id, chat_type PRIVATE|GROUP}, text, message_id,
// date (ms). Documented vs assumed: the docs show the webhook body wrapped as {ok, result},
// clients in the field receive it flat; both are accepted. An image's URL is `photo` in the docs
// and `photo_url` in one client: both are kept. Anything else in an update is kept unchecked.
import { z } from 'zod';

export type ZaloEventName = 'message.text.received' | 'message.image.received' | 'message.sticker.received' | 'message.unsupported.received';

export type ZaloChatType = 'PRIVATE' | 'GROUP';

const user = z.looseObject({ id: z.string().min(1), display_name: z.string().optional(), is_bot: z.boolean().optional() });
const chat = z.looseObject({ id: z.string().min(1), chat_type: z.enum(['PRIVATE', 'GROUP']) });
const message = z.looseObject({
  message_id: z.string().min(1),
  date: z.number(),
  from: user,
  chat,
  text: z.string().optional(),
  photo: z.string().optional(),
  photo_url: z.string().optional(),
  caption: z.string().optional(),
  sticker: z.string().optional(),
});
const update = z.looseObject({ event_name: z.string().min(1), message });

export type ZaloUser = z.infer<typeof user>;
export type ZaloChat = z.infer<typeof chat>;
export type ZaloIncomingMessage = z.infer<typeof message>;
/** One event; `event_name` is one of ZaloEventName for the events known today. */
export type ZaloUpdate = z.infer<typeof update> & { event_name: ZaloEventName | (string & {}) };

/**
 * The update in a getUpdates result or a webhook body (flat, or wrapped in {ok, result}); null
 * when the body is not an update (so that the webhook can answer 400 and go on).
 */
export function parseUpdate(body: unknown): ZaloUpdate | null {
  const wrapped = typeof body === 'object' && body !== null && 'result' in body && !('event_name' in body);
  const parsed = update.safeParse(wrapped ? (body as { result: unknown }).result : body);
  return parsed.success ? parsed.data : null;
}

/** The image URL of a message.image.received event. */
export function photoOf(m: ZaloIncomingMessage): string | undefined {
  return m.photo ?? m.photo_url;
}
