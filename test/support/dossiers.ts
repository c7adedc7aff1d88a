// A tiny hand-made organisation and dossiers for tests that need exact expected numbers.
import { WorkCalendar } from '../../src/calendar/calendar.ts';
import { computeDue } from '../../src/calendar/due.ts';
import type { Database } from '../../src/db/client.ts';
import { saveDossiers, unitCalendars, type DossierInput } from '../../src/dossiers/store.ts';
import { insertUnit } from '../../src/org/units.ts';

/** "2026-11-02 09:00" in Vietnam. */
export const vn = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+07:00`);

export interface TinyOrg {
  ids: Record<'P' | 'C' | 'O' | 'D', number>;
  procedureId: number;
  calendar: WorkCalendar;
}

/** Province P → commune C → office O, and department D; one 3-working-day procedure. */
export async function tinyOrg(database: Database): Promise<TinyOrg> {
  const { db } = database;
  const ids = {} as TinyOrg['ids'];
  await db.$transaction(async (tx) => {
    ids.P = (await insertUnit(tx, { code: 'P', name: 'Tỉnh Thử', kind: 'province', parentCode: null })).id;
    ids.C = (await insertUnit(tx, { code: 'C', name: 'Xã Thử', kind: 'commune', parentCode: 'P' })).id;
    ids.O = (await insertUnit(tx, { code: 'O', name: 'Phòng Kinh tế xã Thử', kind: 'office', parentCode: 'C' })).id;
    ids.D = (await insertUnit(tx, { code: 'D', name: 'Sở Thử', kind: 'department', parentCode: 'P' })).id;
  });
  const proc = await db.procedure.create({ data: { code: '1.000001', name: 'Thủ tục thử', fieldCode: 'DD', fieldName: 'Đất đai', limitValue: 3, limitUnit: 'working_days' } });
  return { ids, procedureId: proc.id, calendar: new WorkCalendar() };
}

export function dossier(org: TinyOrg, code: string, d: Partial<DossierInput> & { receivedAt: Date }): DossierInput {
  return {
    code,
    procedureId: org.procedureId,
    unitId: org.ids.O,
    channel: 1,
    submittedAt: null,
    dueAt: computeDue(d.receivedAt, { value: 3, unit: 'working_days' }, org.calendar).dueAt,
    dueAtOrigin: 'source',
    status: d.finishedAt ? 10 : 4,
    finishedAt: null,
    returnedAt: null,
    rescheduledDueAt: null,
    rescheduleCount: 0,
    supplements: [],
    digitized: false,
    paidOnline: false,
    feeAmount: 0,
    satisfaction: null,
    applicantName: null,
    applicantIdNumber: null,
    source: 'test',
    ...d,
  };
}

export async function save(database: Database, org: TinyOrg, inputs: DossierInput[], now: Date) {
  return saveDossiers(database, inputs, { calendar: org.calendar, units: await unitCalendars(database), now });
}
