// Who receives which digest: each unit head and commune chair their unit's digest; leaders and
// the reform office the digest of the area they oversee; and the targets the reform office
// configured (officials or chat groups) the digest of a chosen area (the root by default).
import type { Db } from '../db/client.ts';
import type { ChannelName, Role } from '../org/codes.ts';
import { AREA_ROLES, HEAD_ROLES, hasRole } from '../org/roles.ts';
import { scopeOf } from '../org/scope.ts';
import type { UnitNode, UnitTree } from '../org/tree.ts';
import { addressesOf, type Address } from '../outbox/routing.ts';
import type { DigestKind } from './data.ts';

export interface DigestRecipient {
  kind: DigestKind;
  /** The area, or the head's own unit. */
  unit: UnitNode;
  /** "o:<official code>" or "g:<channel>:<chat id>": the recipient part of the dedup key. */
  who: string;
  officialId: number | null;
  /** Where the message goes; null for an official with no linked chat account. */
  address: Address | null;
}

export const recipientKey = (r: Pick<DigestRecipient, 'kind' | 'unit' | 'who'>): string => `${r.kind}:${r.unit.code}:${r.who}`;

export async function digestRecipients(db: Db, tree: UnitTree): Promise<DigestRecipient[]> {
  const root = tree.roots()[0];
  if (!root) return [];
  const officials = await db.official.findMany({
    where: { active: true, role: { in: [...HEAD_ROLES, ...AREA_ROLES] } },
    include: { supervises: { select: { unitId: true } } },
    orderBy: { code: 'asc' },
  });
  const targets = await db.digestTarget.findMany({ include: { group: true }, orderBy: { id: 'asc' } });
  const targetOfficials = await db.official.findMany({
    where: { active: true, id: { in: targets.flatMap((x) => (x.officialId === null ? [] : [x.officialId])) } },
    select: { id: true, code: true },
  });
  const codeOf = new Map(targetOfficials.map((o) => [o.id, o.code]));

  const out = new Map<string, Omit<DigestRecipient, 'address'>>();
  const add = (r: Omit<DigestRecipient, 'address'>) => {
    if (!out.has(recipientKey(r))) out.set(recipientKey(r), r);
  };
  for (const o of officials) {
    const unit = tree.byId.get(o.unitId);
    if (!unit) continue;
    if (hasRole(HEAD_ROLES, o.role)) {
      add({ kind: 'unit', unit, who: `o:${o.code}`, officialId: o.id });
    } else {
      const viewer = { id: o.id, code: o.code, fullName: o.fullName, title: o.title, role: o.role as Role, unitId: o.unitId, supervisedUnitIds: o.supervises.map((s) => s.unitId) };
      add({ kind: 'area', unit: scopeOf(viewer, tree).home, who: `o:${o.code}`, officialId: o.id });
    }
  }
  for (const x of targets) {
    if (x.officialId !== null) {
      const code = codeOf.get(x.officialId);
      if (code) add({ kind: 'area', unit: tree.byId.get(x.unitId ?? -1) ?? root, who: `o:${code}`, officialId: x.officialId });
    } else if (x.group?.active) {
      const unit = tree.byId.get(x.unitId ?? x.group.unitId ?? -1) ?? root;
      add({ kind: 'area', unit, who: `g:${x.group.channel}:${x.group.externalId}`, officialId: null });
    }
  }

  const list = [...out.values()];
  const addresses = await addressesOf(db, list.flatMap((r) => (r.officialId === null ? [] : [r.officialId])));
  return list.map((r) => {
    if (r.officialId !== null) return { ...r, address: addresses.get(r.officialId)?.[0] ?? null };
    const [, channel = '', ...rest] = r.who.split(':');
    return { ...r, address: { channel: channel as ChannelName, address: rest.join(':') } };
  });
}
