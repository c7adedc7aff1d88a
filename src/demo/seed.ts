// Writes generated demo data into the database in one transaction: either all of it or none.
import type { Period } from '../calendar/hours.ts';
import { loadCalendar } from '../calendar/load.ts';
import type { Database, Db } from '../db/client.ts';
import { saveDossiers } from '../dossiers/store.ts';
import { insertUnit } from '../org/units.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import { generateDemo, type DemoData } from './generate.ts';

const DEMO_SOURCE = 'demo';

/** True when the database holds dossiers that did not come from the demo generator. */
export async function hasRealData(db: Db): Promise<boolean> {
  return (await db.dossier.count({ where: { source: { not: DEMO_SOURCE } } })) > 0;
}

/** Empties every table except the migrations record, calendar overrides, API tokens and the audit log. */
async function clearData(db: Db): Promise<void> {
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
    db.dailyStat.deleteMany(),
    db.monthlyStat.deleteMany(),
    db.acknowledgement.deleteMany(),
    db.alertItem.deleteMany(),
    db.digestTarget.deleteMany(),
    db.chatGroup.deleteMany(),
    db.attachment.deleteMany(),
    db.counter.deleteMany(),
  ]);
}

async function writeDemo(database: Database, data: DemoData, calendar: WorkCalendar, now: Date): Promise<void> {
  await database.db.$transaction(
    async (tx) => {
      const unitId = new Map<string, number>();
      for (const u of data.units) {
        const { id } = await insertUnit(tx, { code: u.code, name: u.name, kind: u.kind, parentCode: u.parent, agencyCode: u.agencyCode });
        unitId.set(u.code, id);
      }
      // Demo officials are reachable on the console of demo mode (ranked after any account they
      // link later): reminders are planned from chat accounts, and only demo data have this one.
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
            identities: { create: [{ channel: 'console', externalId: o.code, linkedAt: now }] },
          },
        });
      }
      await tx.procedure.createMany({
        data: data.procedures.map((p) => ({ code: p.code, name: p.name, fieldCode: p.fieldCode, fieldName: p.fieldName, limitValue: p.limitValue, limitUnit: p.limitUnit })),
      });
      const procId = new Map((await tx.procedure.findMany({ select: { id: true, code: true } })).map((p) => [p.code, p.id]));
      const units = new Map((await tx.unit.findMany({ select: { id: true, code: true, worksSaturday: true } })).map((u) => [u.id, u]));
      const inputs = data.dossiers.map((d) => ({
        ...d,
        procedureId: procId.get(d.procedureCode)!,
        unitId: unitId.get(d.unitCode)!,
        dueAtOrigin: 'source' as const,
        rescheduledDueAt: null,
        rescheduleCount: 0,
        source: DEMO_SOURCE,
      }));
      await saveDossiers(database, inputs, { calendar, units, now }, tx);

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
  await writeDemo(database, data, calendar, opts.now);
  return data.dossiers.length;
}
