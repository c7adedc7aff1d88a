// Where a message to an official goes: their preferred channel first, the other linked channel
// as the fallback. Only active chat identities count.
import type { Db } from '../db/client.ts';
import type { ChannelName } from '../org/codes.ts';

export interface Address {
  channel: ChannelName;
  address: string;
}

/** For each official, their active chat addresses, preferred first (Telegram before Zalo otherwise). */
export async function addressesOf(db: Db, officialIds: readonly number[]): Promise<Map<number, Address[]>> {
  if (officialIds.length === 0) return new Map();
  const officials = await db.official.findMany({
    where: { id: { in: [...new Set(officialIds)] }, active: true },
    select: { id: true, preferredChannel: true, identities: { where: { active: true }, select: { channel: true, externalId: true } } },
  });
  const out = new Map<number, Address[]>();
  for (const o of officials) {
    const rank = (c: string) => (c === o.preferredChannel ? 0 : c === 'telegram' ? 1 : c === 'zalo' ? 2 : 3);
    const list = o.identities
      .map((i) => ({ channel: i.channel as ChannelName, address: i.externalId }))
      .sort((a, b) => rank(a.channel) - rank(b.channel));
    if (list.length > 0) out.set(o.id, list);
  }
  return out;
}
