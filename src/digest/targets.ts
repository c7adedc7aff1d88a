// The broadcast targets of the area digest, configured by the reform office: an official, or a
// Telegram/Zalo group, each with the unit whose area it receives (the root when none). Adding a
// group that dunghan does not know registers it (or turns a paused one back on), and removing its
// last target undoes exactly that, so add and remove are symmetrical; a group configured on its
// own (`dunghan telegram groups add`, or the bot added to it) is left as it is. Every change is
// audited, the registration in the same audit row as the target.
import type { Db } from '../db/client.ts';

export type GroupChannel = 'telegram' | 'zalo';
const GROUP_CHANNELS: readonly GroupChannel[] = ['telegram', 'zalo'];

export type TargetRecipient =
  | { kind: 'official'; code: string }
  | { kind: 'group'; channel: GroupChannel; externalId: string; title?: string };

export interface TargetRow {
  id: number;
  recipient: { kind: 'official'; code: string; name: string; active: boolean } | { kind: 'group'; channel: string; externalId: string; title: string; active: boolean } | null;
  /** The unit code, or null for the root. */
  unit: string | null;
}

/** What a target change did to the group itself. */
export interface GroupChange {
  channel: GroupChannel;
  externalId: string;
  title: string;
  /** The unit the group is bound to (its commands answer for that subtree), null when unbound. */
  unit: string | null;
  detailAllowed: boolean;
  /**
   * registered: new, registered by this add; reactivated: paused, turned on by this add;
   * unregistered: its last target removed, and the add had registered it, so it is gone again;
   * kept: its last target removed, and it stays registered because it was configured on its own.
   */
  change: 'registered' | 'reactivated' | 'unregistered' | 'kept';
}

export type TargetError = { status: 'unknown_official' } | { status: 'unknown_unit' };

export type AddResult = { status: 'added' | 'exists'; unit: string | null; group: GroupChange | null } | TargetError;
/** `units`: the units whose targets were removed (null = the root). */
export type RemoveResult = { status: 'removed'; units: (string | null)[]; group: GroupChange | null } | { status: 'not_found' } | TargetError;

/** "telegram:-1001234" → channel and chat id; null when malformed. */
export function parseGroup(text: string): { channel: GroupChannel; externalId: string } | null {
  const i = text.indexOf(':');
  const channel = text.slice(0, i) as GroupChannel;
  const externalId = text.slice(i + 1).trim();
  return i > 0 && GROUP_CHANNELS.includes(channel) && externalId !== '' ? { channel, externalId } : null;
}

type UnitRef = { id: number; code: string } | null;

/** The unit a code names; the root is stored as null (the default), so `--unit <root>` and no `--unit` are the same target. */
async function unitOf(db: Db, code: string): Promise<UnitRef | 'unknown'> {
  const unit = await db.unit.findUnique({ where: { code }, select: { id: true, code: true, parentId: true } });
  if (!unit) return 'unknown';
  return unit.parentId === null ? null : { id: unit.id, code: unit.code };
}

const describe = (r: TargetRecipient): string => (r.kind === 'official' ? `official:${r.code}` : `group:${r.channel}:${r.externalId}`);

async function unitCodes(db: Db, ids: (number | null)[]): Promise<Map<number, string>> {
  const known = ids.filter((id): id is number => id !== null);
  if (known.length === 0) return new Map();
  return new Map((await db.unit.findMany({ where: { id: { in: known } }, select: { id: true, code: true } })).map((u) => [u.id, u.code]));
}

export async function addTarget(db: Db, r: TargetRecipient, unitCode: string | null, actor: string, now: Date): Promise<AddResult> {
  const unit = unitCode === null ? null : await unitOf(db, unitCode);
  if (unit === 'unknown') return { status: 'unknown_unit' };
  let where: { officialId: number } | { groupId: number };
  let group: GroupChange | null = null;
  if (r.kind === 'official') {
    const o = await db.official.findUnique({ where: { code: r.code }, select: { id: true } });
    if (!o) return { status: 'unknown_official' };
    where = { officialId: o.id };
  } else {
    const key = { channel_externalId: { channel: r.channel, externalId: r.externalId } };
    let row = await db.chatGroup.findUnique({ where: key });
    let change: GroupChange['change'] | null = null;
    if (!row) {
      const data = { channel: r.channel, externalId: r.externalId, title: r.title ?? r.externalId, unitId: unit?.id ?? null, createdAt: now };
      row = await db.chatGroup.create({ data });
      change = 'registered';
    } else if (!row.active || (r.title && r.title !== row.title)) {
      change = row.active ? null : 'reactivated';
      row = await db.chatGroup.update({ where: { id: row.id }, data: { active: true, ...(r.title ? { title: r.title } : {}) } });
    }
    where = { groupId: row.id };
    if (change) {
      const bound = row.unitId === null ? null : ((await unitCodes(db, [row.unitId])).get(row.unitId) ?? null);
      group = { channel: r.channel, externalId: r.externalId, title: row.title, unit: bound, detailAllowed: row.detailAllowed, change };
    }
  }
  const target = { ...where, unitId: unit?.id ?? null };
  const unitOut = unit?.code ?? null;
  if (await db.digestTarget.findFirst({ where: target })) return { status: 'exists', unit: unitOut, group };
  await db.digestTarget.create({ data: { ...target, createdAt: now, createdBy: actor } });
  const detail = JSON.stringify({ unit: unitOut, ...(group ? { group: group.change } : {}) });
  await db.auditLog.create({ data: { at: now, actor, action: 'digest.target.add', target: describe(r), detail } });
  return { status: 'added', unit: unitOut, group };
}

/**
 * Removes the recipient's target for `unitCode` (null = the root), or every target of the
 * recipient when `unitCode` is undefined (no `--unit`: nothing needs repeating).
 */
export async function removeTarget(db: Db, r: TargetRecipient, unitCode: string | null | undefined, actor: string, now: Date): Promise<RemoveResult> {
  const unit = unitCode === undefined || unitCode === null ? null : await unitOf(db, unitCode);
  if (unit === 'unknown') return { status: 'unknown_unit' };
  let where: { officialId: number } | { groupId: number };
  let groupRow: { id: number; title: string; unitId: number | null; detailAllowed: boolean } | null = null;
  if (r.kind === 'official') {
    const o = await db.official.findUnique({ where: { code: r.code }, select: { id: true } });
    if (!o) return { status: 'unknown_official' };
    where = { officialId: o.id };
  } else {
    groupRow = await db.chatGroup.findUnique({ where: { channel_externalId: { channel: r.channel, externalId: r.externalId } } });
    if (!groupRow) return { status: 'not_found' };
    where = { groupId: groupRow.id };
  }
  const forUnit = unitCode === undefined ? {} : { unitId: unit?.id ?? null };
  const rows = await db.digestTarget.findMany({ where: { ...where, ...forUnit }, select: { id: true, unitId: true } });
  if (rows.length === 0) return { status: 'not_found' };
  await db.digestTarget.deleteMany({ where: { id: { in: rows.map((x) => x.id) } } });
  const codes = await unitCodes(db, rows.map((x) => x.unitId));
  const units = rows.map((x) => (x.unitId === null ? null : (codes.get(x.unitId) ?? null)));

  let group: GroupChange | null = null;
  if (r.kind === 'group' && groupRow && (await db.digestTarget.count({ where: { groupId: groupRow.id } })) === 0) {
    const undo = await registeredByAdd(db, r);
    const bound = groupRow.unitId === null ? null : ((await unitCodes(db, [groupRow.unitId])).get(groupRow.unitId) ?? null);
    const base = { channel: r.channel, externalId: r.externalId, title: groupRow.title, unit: bound, detailAllowed: groupRow.detailAllowed };
    if (undo === 'registered') {
      await db.chatGroup.delete({ where: { id: groupRow.id } });
      group = { ...base, change: 'unregistered' };
    } else if (undo === 'reactivated') {
      await db.chatGroup.update({ where: { id: groupRow.id }, data: { active: false } });
      group = { ...base, change: 'unregistered' };
    } else if ((await db.chatGroup.findUniqueOrThrow({ where: { id: groupRow.id } })).active) {
      group = { ...base, change: 'kept' };
    }
  }
  const detail = JSON.stringify({ units, ...(group?.change === 'unregistered' ? { group: 'unregistered' } : {}) });
  await db.auditLog.create({ data: { at: now, actor, action: 'digest.target.remove', target: describe(r), detail } });
  return { status: 'removed', units, group };
}

/**
 * Whether the group's current registration came from `digest targets add` (and how), judged by
 * the audit log: the latest add that registered or reactivated it, unless the group was configured
 * on its own (joined, `telegram groups add`, migrated) or unregistered since.
 */
async function registeredByAdd(db: Db, r: Extract<TargetRecipient, { kind: 'group' }>): Promise<'registered' | 'reactivated' | null> {
  const rows = await db.auditLog.findMany({
    where: {
      OR: [
        { action: { in: ['digest.target.add', 'digest.target.remove'] }, target: describe(r), detail: { contains: '"group":' } },
        ...(r.channel === 'telegram' ? [{ action: { startsWith: 'telegram.group.' }, target: r.externalId }] : []),
      ],
    },
    orderBy: { id: 'desc' },
    take: 1,
    select: { action: true, detail: true },
  });
  const last = rows[0];
  if (!last || last.action !== 'digest.target.add') return null;
  const change = (JSON.parse(last.detail ?? '{}') as { group?: string }).group;
  return change === 'registered' || change === 'reactivated' ? change : null;
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
