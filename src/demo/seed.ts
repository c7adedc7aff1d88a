// Writes generated demo data into the database in one transaction: either all of it or none.
import type { Period } from '../calendar/hours.ts';
import { loadCalendar } from '../calendar/load.ts';
import { bulkInsert } from '../db/bulk.ts';
import type { Database, Db } from '../db/client.ts';
import { insertUnit } from '../org/units.ts';
import { generateDemo, type DemoData } from './generate.ts';

export const DEMO_SOURCE = 'demo';

/** True when the database holds dossiers that did not come from the demo generator. */
export async function hasRealData(db: Db): Promise<boolean> {
  return (await db.dossier.count({ where: { source: { not: DEMO_SOURCE } } })) > 0;
}

/** Empties every table except the migrations record and calendar overrides. */
export async function clearData(db: Db): Promise<void> {
  await db.$transaction([
    db.dossierEvent.deleteMany(),
    db.supplementRequest.deleteMany(),
    db.dossier.deleteMany(),
    db.procedure.deleteMany(),
    db.outbox.deleteMany(),
    db.invite.deleteMany(),
    db.chatIdentity.deleteMany(),
    db.fieldAssignment.deleteMany(),
    db.supervision.deleteMany(),
    db.official.deleteMany(),
    db.unit.updateMany({ data: { parentId: null } }),
    db.unit.deleteMany(),
    db.ingestRun.deleteMany(),
  ]);
}

export async function writeDemo({ db, target }: Database, data: DemoData, now: Date): Promise<void> {
  const engine = target.engine;
  await db.$transaction(
    async (tx) => {
      const unitId = new Map<string, number>();
      for (const u of data.units) {
        const { id } = await insertUnit(tx, { code: u.code, name: u.name, kind: u.kind, parentCode: u.parent, agencyCode: u.agencyCode });
        unitId.set(u.code, id);
      }
      for (const o of data.officials) {
        await tx.official.create({
          data: {
            code: o.code,
            fullName: o.fullName,
            title: o.title,
            role: o.role,
            unitId: unitId.get(o.unit)!,
            supervises: { create: o.supervises.map((code) => ({ unitId: unitId.get(code)! })) },
            fields: { create: o.fields.map((fieldCode) => ({ fieldCode })) },
          },
        });
      }
      await tx.procedure.createMany({
        data: data.procedures.map((p) => ({ code: p.code, name: p.name, fieldCode: p.fieldCode, fieldName: p.fieldName, limitValue: p.limitValue, limitUnit: p.limitUnit })),
      });
      const procId = new Map((await tx.procedure.findMany({ select: { id: true, code: true } })).map((p) => [p.code, p.id]));

      const dossiers = data.dossiers.map((d) => ({
        code: d.code,
        procedureId: procId.get(d.procedureCode)!,
        unitId: unitId.get(d.unitCode)!,
        channel: d.channel,
        submittedAt: d.submittedAt,
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
        dueAtOrigin: 'source',
        status: d.status,
        finishedAt: d.finishedAt,
        returnedAt: d.returnedAt,
        rescheduleCount: 0,
        supplementCount: d.supplements.length,
        waitingSince: d.supplements.find((s) => !s.suppliedAt)?.requestedAt ?? null,
        digitized: d.digitized,
        paidOnline: d.paidOnline,
        feeAmount: d.feeAmount,
        satisfaction: d.satisfaction,
        applicantName: d.applicantName,
        applicantIdNumber: d.applicantIdNumber,
        source: DEMO_SOURCE,
        lastSyncedAt: now,
        createdAt: now,
        updatedAt: now,
      }));
      const ids = new Map(
        (await bulkInsert<{ id: number | bigint; code: string }>(tx, engine, 'Dossier', dossiers, ['id', 'code'])).map((r) => [r.code, Number(r.id)]),
      );
      await bulkInsert(tx, engine, 'SupplementRequest', data.dossiers.flatMap((d) =>
        d.supplements.map((s) => ({ dossierId: ids.get(d.code)!, seq: s.seq, requestedAt: s.requestedAt, suppliedAt: s.suppliedAt }))));
      await bulkInsert(tx, engine, 'DossierEvent', data.dossiers.flatMap((d) =>
        d.events.map((e) => ({ dossierId: ids.get(d.code)!, at: e.at, kind: e.kind, fromStatus: e.fromStatus, toStatus: e.toStatus, detail: null, source: DEMO_SOURCE, createdAt: now }))));
      await tx.ingestRun.create({
        data: { source: DEMO_SOURCE, kind: 'demo', startedAt: now, finishedAt: now, status: 'succeeded', inserted: data.dossiers.length },
      });
      await tx.auditLog.create({ data: { at: now, actor: 'cli', action: 'demo.seed', detail: JSON.stringify({ dossiers: data.dossiers.length }) } });
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}

/** Replaces all data with freshly generated demo data; returns the number of dossiers. */
export async function seedDemo(database: Database, opts: { seed: number; now: Date; workingHours?: readonly Period[] }): Promise<number> {
  const calendar = await loadCalendar(database.db, opts.workingHours);
  const data = generateDemo({ seed: opts.seed, now: opts.now, calendar });
  await clearData(database.db);
  await writeDemo(database, data, opts.now);
  return data.dossiers.length;
}
