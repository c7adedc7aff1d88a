// A message waiting in the outbox. The outbox is the single source of truth for "was this
// already sent to this recipient": its dedupKey is unique, so planning the same message twice
// (after a restart, or on two instances) writes it once.
import type { StoredMessage } from '../core/message.ts';
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
  payload: StoredMessage;
  /** Not before this instant (the next working window). */
  notBefore: Date;
}
