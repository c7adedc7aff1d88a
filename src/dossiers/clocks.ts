// Dossiers with what their deadline needs, loaded in two queries (dossiers, then their
// supplement requests through the same filter): a relation include would send one bound
// parameter per dossier and fail past SQLite's limit on large sets.
import type { Db, Prisma } from '../db/client.ts';
import type { Supplement } from './deadline.ts';

export interface ClockRow {
  id: number;
  code: string;
  unitId: number;
  procedureId: number;
  receivedAt: Date;
  dueAt: Date;
  finishedAt: Date | null;
  rescheduledDueAt: Date | null;
  rescheduleCount: number;
  supplements: Supplement[];
}

export async function loadClocks(db: Db, where: Prisma.DossierWhereInput): Promise<ClockRow[]> {
  const [rows, supplements] = await Promise.all([
    db.dossier.findMany({
      where,
      select: { id: true, code: true, unitId: true, procedureId: true, receivedAt: true, dueAt: true, finishedAt: true, rescheduledDueAt: true, rescheduleCount: true },
    }),
    supplementsOf(db, where),
  ]);
  return rows.map((r) => ({ ...r, supplements: supplements.get(r.id) ?? [] }));
}

/** The supplement requests of the dossiers matching `where`, in order, by dossier id. */
export async function supplementsOf(db: Db, where: Prisma.DossierWhereInput): Promise<Map<number, Supplement[]>> {
  const rows = await db.supplementRequest.findMany({
    where: { dossier: where },
    select: { dossierId: true, requestedAt: true, suppliedAt: true },
    orderBy: [{ dossierId: 'asc' }, { seq: 'asc' }],
  });
  const byDossier = new Map<number, Supplement[]>();
  for (const s of rows) {
    const list = byDossier.get(s.dossierId) ?? [];
    list.push({ requestedAt: s.requestedAt, suppliedAt: s.suppliedAt });
    byDossier.set(s.dossierId, list);
  }
  return byDossier;
}
