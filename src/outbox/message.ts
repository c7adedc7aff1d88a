// A message waiting in the outbox. The outbox is the single source of truth for "was this
// already sent to this recipient": its dedupKey is unique, so planning the same message twice
// (after a restart, or on two instances) writes it once.
import type { Button } from '../commands/types.ts';
import type { ChannelName } from '../org/codes.ts';

export interface OutboxMessage {
  /** Unique per message and recipient, e.g. "overdue:<dossier code>:<official code>:<cycle>". */
  dedupKey: string;
  officialId: number | null;
  channel: ChannelName;
  /** The chat address on that channel (chat id, thread id). */
  address: string;
  /** due_soon | due_today | overdue | escalation | digest | admin | … */
  kind: string;
  payload: OutboxPayload;
  /** Not before this instant (the next working window). */
  notBefore: Date;
}

/** What is stored in Outbox.payload (JSON): text, buttons, and the attachment of an image. */
export interface OutboxPayload {
  text: string;
  buttons?: Button[][];
  /** Attachment.sha256 of a PNG stored once in the Attachment table. */
  image?: { sha256: string; caption?: string };
  /** The text (and buttons) went; only the image is left to send (set by the dispatcher). */
  textSent?: true;
}
