// The unit tree in memory (a province has a few hundred units at most): subtrees, children,
// ancestors, and roll-ups of per-unit numbers.
import type { Db } from '../db/client.ts';
import type { UnitKind } from './codes.ts';

export interface UnitNode {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  worksSaturday: boolean;
  active: boolean;
}

export class UnitTree {
  readonly byId = new Map<number, UnitNode>();
  readonly byCode = new Map<string, UnitNode>();
  readonly #children = new Map<number | null, UnitNode[]>();

  constructor(units: readonly UnitNode[]) {
    for (const u of units) {
      this.byId.set(u.id, u);
      this.byCode.set(u.code, u);
    }
    for (const u of units) {
      const parent = u.parentId !== null && this.byId.has(u.parentId) ? u.parentId : null;
      const list = this.#children.get(parent) ?? [];
      list.push(u);
      this.#children.set(parent, list);
    }
    for (const list of this.#children.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  roots(): UnitNode[] {
    return this.#children.get(null) ?? [];
  }

  children(id: number): UnitNode[] {
    return this.#children.get(id) ?? [];
  }

  /** The unit and everything below it. */
  subtree(id: number): UnitNode[] {
    const out: UnitNode[] = [];
    const walk = (u: UnitNode | undefined) => {
      if (!u) return;
      out.push(u);
      for (const c of this.children(u.id)) walk(c);
    };
    walk(this.byId.get(id));
    return out;
  }

  /** From the unit's parent up to the root. */
  ancestors(id: number): UnitNode[] {
    const out: UnitNode[] = [];
    let u = this.byId.get(id);
    while (u && u.parentId !== null) {
      u = this.byId.get(u.parentId);
      if (u) out.push(u);
    }
    return out;
  }

  /** Sums per-unit values over each unit's subtree. */
  rollup<T>(perUnit: ReadonlyMap<number, T>, zero: () => T, add: (into: T, x: T) => void): Map<number, T> {
    const totals = new Map<number, T>();
    const visit = (u: UnitNode): T => {
      const sum = zero();
      const own = perUnit.get(u.id);
      if (own) add(sum, own);
      for (const c of this.children(u.id)) add(sum, visit(c));
      totals.set(u.id, sum);
      return sum;
    };
    for (const r of this.roots()) visit(r);
    return totals;
  }
}

export async function loadUnitTree(db: Db): Promise<UnitTree> {
  const units = await db.unit.findMany({ select: { id: true, code: true, name: true, kind: true, parentId: true, worksSaturday: true, active: true } });
  return new UnitTree(units.map((u) => ({ ...u, kind: u.kind as UnitKind })));
}
