// Who wrote, from where, in the command layer's terms: the Telegram USER id (the same person in
// any chat) and the chat: private, or a group by its id (what a group may see is decided by the
// command layer, from its ChatGroup row).
import type { Context } from 'grammy';
import type { Asker } from '../../commands/types.ts';
import type { Db } from '../../db/client.ts';

export const isGroupType = (type: string | undefined): boolean => type === 'group' || type === 'supergroup';

export function askerOf(ctx: Context): Asker | null {
  const from = ctx.from;
  const chat = ctx.chat;
  if (!from || from.is_bot || !chat) return null;
  const base = { channel: 'telegram' as const, externalId: String(from.id), displayName: displayName(from) };
  if (chat.type === 'private') return { ...base, chat: { kind: 'private' } };
  if (!isGroupType(chat.type)) return null;
  return { ...base, chat: { kind: 'group', id: String(chat.id) } };
}

/** Whether a Telegram user is linked to an active official. */
export async function isLinked(db: Db, userId: number): Promise<boolean> {
  const identity = await db.chatIdentity.findUnique({
    where: { channel_externalId: { channel: 'telegram', externalId: String(userId) } },
    select: { active: true, official: { select: { active: true } } },
  });
  return identity?.active === true && identity.official.active;
}

function displayName(u: { first_name: string; last_name?: string; username?: string }): string {
  return [u.first_name, u.last_name].filter(Boolean).join(' ') || (u.username ?? '');
}
