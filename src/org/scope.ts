// Who may see what: an official sees their own unit's subtree and the subtrees of the units
// they supervise; in a group bound to a unit, only the part of that inside the unit's subtree.
// Everything a chat command shows is filtered through this, except the peer rankings (/xephang,
// the rank line of /tiendo): the names, on-time rates and volumes of the units of the same kind
// under the same parent are public to every linked official and to groups.
import type { Db } from '../db/client.ts';
import type { ChannelName, Role } from './codes.ts';
import type { UnitNode, UnitTree } from './tree.ts';

export interface Viewer {
  id: number;
  code: string;
  fullName: string;
  title: string;
  role: Role;
  unitId: number;
  supervisedUnitIds: number[];
}

export interface Scope {
  /** Every unit the official may see. */
  unitIds: Set<number>;
  /** Where their questions are about by default: the highest unit they answer for or supervise. */
  home: UnitNode;
  /** The visible units, for name matching. */
  units: UnitNode[];
}

export function scopeOf(viewer: Viewer, tree: UnitTree): Scope {
  const roots = [viewer.unitId, ...viewer.supervisedUnitIds].map((id) => tree.byId.get(id)).filter((u): u is UnitNode => u !== undefined);
  const unitIds = new Set<number>();
  for (const r of roots) for (const u of tree.subtree(r.id)) unitIds.add(u.id);
  const depth = (u: UnitNode) => tree.ancestors(u.id).length;
  const home = roots.reduce((best, u) => (depth(u) < depth(best) ? u : best), roots[0]!);
  return { unitIds, home, units: [...unitIds].map((id) => tree.byId.get(id)!) };
}

/** The part of a scope inside the subtrees of `roots` (a group's units); null when none of it is. */
export function narrowScope(scope: Scope, roots: readonly number[], tree: UnitTree): Scope | null {
  const inside = new Set(roots.flatMap((id) => tree.subtree(id).map((u) => u.id)));
  const units = scope.units.filter((u) => inside.has(u.id));
  if (units.length === 0) return null;
  const depth = (u: UnitNode) => tree.ancestors(u.id).length;
  const home = units.reduce((best, u) => (depth(u) < depth(best) ? u : best));
  return { unitIds: new Set(units.map((u) => u.id)), home, units };
}

/** The active official behind an active chat account, or null for a stranger. */
export async function viewerByChat(db: Db, channel: ChannelName, externalId: string): Promise<Viewer | null> {
  const identity = await db.chatIdentity.findUnique({
    where: { channel_externalId: { channel, externalId } },
    include: { official: { include: { supervises: { select: { unitId: true } } } } },
  });
  if (!identity?.active || !identity.official.active) return null;
  return viewerOf(identity.official);
}

export async function viewerByCode(db: Db, code: string): Promise<Viewer | null> {
  const official = await db.official.findUnique({ where: { code }, include: { supervises: { select: { unitId: true } } } });
  return official?.active ? viewerOf(official) : null;
}

function viewerOf(o: { id: number; code: string; fullName: string; title: string; role: string; unitId: number; supervises: { unitId: number }[] }): Viewer {
  return { id: o.id, code: o.code, fullName: o.fullName, title: o.title, role: o.role as Role, unitId: o.unitId, supervisedUnitIds: o.supervises.map((s) => s.unitId) };
}
