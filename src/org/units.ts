// The unit tree. Each unit stores its materialised path ("/1/7/12/"), so a subtree is one
// indexed prefix query on either engine, whatever the depth.
import type { Tx } from '../db/client.ts';
import type { UnitKind } from './codes.ts';

export interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  agencyCode?: string | null;
  worksSaturday?: boolean;
}

export async function insertUnit(tx: Tx, u: NewUnit): Promise<{ id: number; path: string }> {
  const parent = u.parentCode ? await tx.unit.findUnique({ where: { code: u.parentCode }, select: { id: true, path: true, depth: true } }) : null;
  if (u.parentCode && !parent) throw new Error(`unit ${u.code}: parent ${u.parentCode} does not exist`);
  const created = await tx.unit.create({
    data: {
      code: u.code,
      name: u.name,
      kind: u.kind,
      parentId: parent?.id ?? null,
      path: '',
      depth: parent ? parent.depth + 1 : 0,
      agencyCode: u.agencyCode ?? null,
      worksSaturday: u.worksSaturday ?? false,
    },
  });
  const path = `${parent?.path ?? '/'}${created.id}/`;
  await tx.unit.update({ where: { id: created.id }, data: { path } });
  return { id: created.id, path };
}
