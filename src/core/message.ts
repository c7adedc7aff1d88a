// The one shape of a message, whoever makes or sends it: a command's reply, a reminder, a digest,
// what a channel sends. The outbox stores the same shape with its image kept once, by SHA-256.
/** A button under a message: `data` comes back when it is pressed (commands/router.ts). */
export interface Button {
  text: string;
  data: string;
}

export interface Message {
  /** May be empty when only the image is left to send. */
  text: string;
  /** Rows of buttons (channels without buttons show them as numbered choices: channels/plain.ts). */
  buttons?: Button[][];
  image?: { png: Buffer; caption?: string };
}

/** A message as the outbox stores it (Outbox.payload, JSON): the image by its Attachment.sha256. */
export interface StoredMessage extends Omit<Message, 'image'> {
  image?: { sha256: string; caption?: string };
  /** The text (and buttons) went; only the image is left to send (set by the dispatcher). */
  textSent?: true;
}
