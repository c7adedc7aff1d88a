// Units and procedures as a source names them. DonViXuLy is matched against the unit's agency
// code (mã định danh), then its short code, then its name (folded, if only one unit has it);
// MaTTHC against the procedure code. With --create-missing, unknown ones are created: units
// under the root of the tree (kind "other"), procedures with an unknown time limit.
import type { Db, Tx } from '../db/client.ts';
import { fold } from '../i18n/fold.ts';
import { shortCode } from '../org/codes.ts';
import { insertUnit } from '../org/units.ts';

export interface UnitRef {
  id: number;
  code: string;
  worksSaturday: boolean;
}

export interface ProcedureRef {
  id: number;
  code: string;
  limitValue: number;
  limitUnit: string;
}

/** The limit unit of a procedure created by an import: its legal time is not known. */
export const UNKNOWN_LIMIT = 'unknown';

export class Catalog {
  readonly #units = new Map<string, UnitRef>();
  readonly #unitCodes = new Set<string>();
  readonly #unitsByName = new Map<string, UnitRef | null>();
  readonly #procedures = new Map<string, ProcedureRef>();
  /** What saveDossiers needs to know about units (SaveContext.units). */
  readonly unitCalendars = new Map<number, { code: string; worksSaturday: boolean }>();
  #rootCode: string | null = null;

  static async load(db: Db | Tx): Promise<Catalog> {
    const c = new Catalog();
    const [units, procedures] = await Promise.all([
      db.unit.findMany({ select: { id: true, code: true, agencyCode: true, name: true, worksSaturday: true, parentId: true }, orderBy: { id: 'asc' } }),
      db.procedure.findMany({ select: { id: true, code: true, limitValue: true, limitUnit: true } }),
    ]);
    for (const u of units) c.#addUnit(u);
    c.#rootCode = units.find((u) => u.parentId === null)?.code ?? null;
    for (const p of procedures) c.#procedures.set(p.code, p);
    return c;
  }

  #addUnit(u: { id: number; code: string; agencyCode: string | null; name: string; worksSaturday: boolean }): UnitRef {
    const ref = { id: u.id, code: u.code, worksSaturday: u.worksSaturday };
    this.#unitCodes.add(u.code);
    if (u.agencyCode) this.#units.set(`a:${u.agencyCode}`, ref);
    this.#units.set(`c:${u.code}`, ref);
    const name = fold(u.name);
    this.#unitsByName.set(name, this.#unitsByName.has(name) ? null : ref);
    this.unitCalendars.set(u.id, { code: u.code, worksSaturday: u.worksSaturday });
    return ref;
  }

  unit(key: string): UnitRef | undefined {
    return this.#units.get(`a:${key}`) ?? this.#units.get(`c:${key}`) ?? this.#unitsByName.get(fold(key)) ?? undefined;
  }

  procedure(code: string): ProcedureRef | undefined {
    return this.#procedures.get(code);
  }

  /** Creates a unit for DonViXuLy: a code-like value becomes its code and agency code, anything else its name. */
  async createUnit(tx: Tx, key: string): Promise<UnitRef> {
    const codeLike = shortCode.safeParse(key).success;
    let code = codeLike ? key : fold(key).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 36) || 'don-vi';
    for (let n = 2; this.#unitCodes.has(code); n++) code = `${code.slice(0, 36)}-${n}`;
    const { id } = await insertUnit(tx, { code, name: key, kind: 'other', parentCode: this.#rootCode, agencyCode: codeLike ? key : null });
    return this.#addUnit({ id, code, agencyCode: codeLike ? key : null, name: key, worksSaturday: false });
  }

  async createProcedure(tx: Tx, p: { code: string; name: string | null; fieldCode: string | null; fieldName: string | null }): Promise<ProcedureRef> {
    const created = await tx.procedure.create({
      data: { code: p.code, name: p.name ?? p.code, fieldCode: p.fieldCode ?? '', fieldName: p.fieldName ?? '', limitValue: 0, limitUnit: UNKNOWN_LIMIT },
      select: { id: true, code: true, limitValue: true, limitUnit: true },
    });
    this.#procedures.set(created.code, created);
    return created;
  }
}
