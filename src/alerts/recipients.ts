// Who hears about a dossier: the head of the handling unit (trưởng phòng, giám đốc sở) or, for a
// commune, its chair; the deputies in charge of the procedure's field above it; and, when it
// escalates, the head of the unit above, or the leaders who supervise the unit.
import type { Db } from '../db/client.ts';
import { DEPUTY_ROLES, HEAD_ROLES, SUPERVISOR_ROLES, hasRole } from '../org/roles.ts';
import type { UnitTree } from '../org/tree.ts';
import { addTo } from '../util/multimap.ts';

export interface Person {
  id: number;
  code: string;
  fullName: string;
  title: string;
  role: string;
  unitId: number;
}

export class Recipients {
  readonly #byUnit = new Map<number, Person[]>();
  readonly #supervisors = new Map<number, Person[]>();
  readonly #fields = new Map<number, Set<string>>();

  constructor(
    readonly tree: UnitTree,
    officials: readonly (Person & { supervises: number[]; fields: string[] })[],
  ) {
    for (const o of officials) {
      addTo(this.#byUnit, o.unitId, o);
      for (const u of o.supervises) addTo(this.#supervisors, u, o);
      this.#fields.set(o.id, new Set(o.fields));
    }
  }

  readonly #memo = new Map<string, Person[]>();

  /** Lookups are asked once per dossier: remembered per unit (and field). */
  #cached(key: string, compute: () => Person[]): Person[] {
    let v = this.#memo.get(key);
    if (!v) this.#memo.set(key, (v = compute()));
    return v;
  }

  /** The head(s) of a unit. */
  heads(unitId: number): Person[] {
    return this.#cached(`h:${unitId}`, () => (this.#byUnit.get(unitId) ?? []).filter((o) => hasRole(HEAD_ROLES, o.role)));
  }

  /** Deputies in charge of a field in the unit or a unit above it. */
  deputies(unitId: number, fieldCode: string): Person[] {
    return this.#cached(`d:${unitId}:${fieldCode}`, () =>
      [unitId, ...this.tree.ancestors(unitId).map((u) => u.id)]
        .flatMap((id) => this.#byUnit.get(id) ?? [])
        .filter((o) => hasRole(DEPUTY_ROLES, o.role) && this.#fields.get(o.id)?.has(fieldCode)));
  }

  /**
   * Whom an escalation goes to: the heads of the nearest unit above that has one (a commune chair
   * for the commune's offices); for a unit with no head above (a commune, a department), the
   * officials who supervise it or the nearest unit above it.
   */
  escalation(unitId: number): Person[] {
    return this.#cached(`e:${unitId}`, () => this.#escalation(unitId));
  }

  #escalation(unitId: number): Person[] {
    const unit = this.tree.byId.get(unitId);
    const above = this.tree.ancestors(unitId);
    const parent = above[0];
    if (unit && parent && parent.parentId !== null) {
      const heads = this.heads(parent.id);
      if (heads.length > 0) return heads;
    }
    for (const u of [unitId, ...above.map((a) => a.id)]) {
      const supervisors = this.#supervisors.get(u)?.filter((o) => hasRole(SUPERVISOR_ROLES, o.role)) ?? [];
      if (supervisors.length > 0) return supervisors;
    }
    return [];
  }
}

export async function loadRecipients(db: Db, tree: UnitTree): Promise<Recipients> {
  const officials = await db.official.findMany({
    where: { active: true },
    select: { id: true, code: true, fullName: true, title: true, role: true, unitId: true, supervises: { select: { unitId: true } }, fields: { select: { fieldCode: true } } },
  });
  return new Recipients(tree, officials.map((o) => ({ ...o, supervises: o.supervises.map((s) => s.unitId), fields: o.fields.map((f) => f.fieldCode) })));
}
