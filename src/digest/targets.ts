// The broadcast targets of the area digest, configured by the reform office: an official, or a
// Telegram/Zalo group (registered here if new), each with the unit whose area it receives (the
// root when none). Every change is audited.
import type { Db } from '../db/client.ts';

export type GroupChannel = 'telegram' | 'zalo';
export const GROUP_CHANNELS: readonly GroupChannel[] = ['telegram', 'zalo'];

export type TargetRecipient =
  | { kind: 'official'; code: string }
  | { kind: 'group'; channel: GroupChannel; externalId: string; title?: string };

export interface TargetRow {
  id: number;
  recipient: { kind: 'official'; code: string; name: string; active: boolean } | { kind: 'group'; channel: string; externalId: string; title: string; active: boolean } | null;
  /** The unit code, or null for the root. */
  unit: string | null;
}

/** "telegram:-1001234" → channel and chat id; null when malformed. */
export function parseGroup(text: string): { channel: GroupChannel; externalId: string } | null {
  const i = text.indexOf(':');
  const channel = text.slice(0, i) as GroupChannel;
  const externalId = text.slice(i + 1).trim();
  return i > 0 && GROUP_CHANNELS.includes(channel) && externalId !== '' ? { channel, externalId } : null;
}

export type TargetError = 'unknown_official' | 'unknown_unit';

type Resolved = { error: TargetError } | { unitId: number | null; where: { officialId: number } | { groupId: number } | null };

async function resolve(db: Db, r: TargetRecipient, unitCode: string | null, create: boolean, now: Date): Promise<Resolved> {
  const unit = unitCode === null ? null : await db.unit.findUnique({ where: { code: unitCode }, select: { id: true } });
  if (unitCode !== null && !unit) return { error: 'unknown_unit' };
  if (r.kind === 'official') {
    const o = await db.official.findUnique({ where: { code: r.code }, select: { id: true } });
    return o ? { unitId: unit?.id ?? null, where: { officialId: o.id } } : { error: 'unknown_official' };
  }
  let group = await db.chatGroup.findUnique({ where: { channel_externalId: { channel: r.channel, externalId: r.externalId } } });
  if (!group && !create) return { unitId: unit?.id ?? null, where: null };
  if (!group) {
    group = await db.chatGroup.create({ data: { channel: r.channel, externalId: r.externalId, title: r.title ?? r.externalId, unitId: unit?.id ?? null, createdAt: now } });
  } else if (create && r.title && r.title !== group.title) {
    group = await db.chatGroup.update({ where: { id: group.id }, data: { title: r.title } });
  }
  return { unitId: unit?.id ?? null, where: { groupId: group.id } };
}

const describe = (r: TargetRecipient): string => (r.kind === 'official' ? `official:${r.code}` : `group:${r.channel}:${r.externalId}`);

export async function addTarget(db: Db, r: TargetRecipient, unitCode: string | null, actor: string, now: Date): Promise<'added' | 'exists' | TargetError> {
  const res = await resolve(db, r, unitCode, true, now);
  if ('error' in res) return res.error;
  const where = { ...res.where!, unitId: res.unitId };
  if (await db.digestTarget.findFirst({ where })) return 'exists';
  await db.digestTarget.create({ data: { ...where, createdAt: now, createdBy: actor } });
  await db.auditLog.create({ data: { at: now, actor, action: 'digest.target.add', target: describe(r), detail: JSON.stringify({ unit: unitCode }) } });
  return 'added';
}

export async function removeTarget(db: Db, r: TargetRecipient, unitCode: string | null, actor: string, now: Date): Promise<'removed' | 'not_found' | TargetError> {
  const res = await resolve(db, r, unitCode, false, now);
  if ('error' in res) return res.error;
  if (!res.where) return 'not_found';
  const { count } = await db.digestTarget.deleteMany({ where: { ...res.where, unitId: res.unitId } });
  if (count === 0) return 'not_found';
  await db.auditLog.create({ data: { at: now, actor, action: 'digest.target.remove', target: describe(r), detail: JSON.stringify({ unit: unitCode }) } });
  return 'removed';
}

export async function listTargets(db: Db): Promise<TargetRow[]> {
  const rows = await db.digestTarget.findMany({ include: { group: true }, orderBy: { id: 'asc' } });
  const officials = new Map((await db.official.findMany({
    where: { id: { in: rows.flatMap((r) => (r.officialId === null ? [] : [r.officialId])) } },
    select: { id: true, code: true, fullName: true, active: true },
  })).map((o) => [o.id, o]));
  const units = new Map((await db.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.id, u.code]));
  return rows.map((r) => {
    const o = r.officialId === null ? undefined : officials.get(r.officialId);
    const recipient: TargetRow['recipient'] = o
      ? { kind: 'official', code: o.code, name: o.fullName, active: o.active }
      : r.group ? { kind: 'group', channel: r.group.channel, externalId: r.group.externalId, title: r.group.title, active: r.group.active } : null;
    return { id: r.id, recipient, unit: r.unitId === null ? null : (units.get(r.unitId) ?? null) };
  });
}
