// Messages to the admins about the service itself (undeliverable messages, stale data). Each
// notice has a key: the same notice is sent once, whatever the number of retries or instances.
import type { Database } from '../db/client.ts';
import { t, type Args } from '../i18n/translate.ts';
import type { Role } from '../org/codes.ts';
import { ADMIN_ROLES } from '../org/roles.ts';
import { enqueue } from './enqueue.ts';
import { addressesOf } from './routing.ts';

export async function notifyAdmins(
  database: Database,
  notice: { key: string; id: string; args: Args },
  now: Date,
  roles: readonly Role[] = ADMIN_ROLES,
): Promise<number> {
  const { db, target } = database;
  const officials = await db.official.findMany({ where: { role: { in: [...roles] }, active: true }, select: { id: true, code: true } });
  const addresses = await addressesOf(db, officials.map((o) => o.id));
  const text = t(notice.id, notice.args);
  const messages = officials.flatMap((o) => {
    const first = addresses.get(o.id)?.[0];
    return first ? [{ dedupKey: `admin:${notice.key}:${o.code}`, officialId: o.id, channel: first.channel, address: first.address, kind: 'admin', payload: { text }, notBefore: now }] : [];
  });
  return (await enqueue(db, target.engine, messages, now)).length;
}
