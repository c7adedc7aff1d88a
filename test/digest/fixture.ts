// A hand-made area with exactly known numbers for the digest tests. The covered week is
// Monday 16 – Sunday 22 November 2026 (ISO 2026-W47); the digest is made on Monday 23/11 07:30.
//
// Tỉnh Thử (P) → Sở Tư pháp (D1), Sở Xây dựng (D2), eight communes C1–C8;
// Xã Ân Phú (C1) → Phòng Kinh tế xã Ân Phú (O1), Văn phòng xã Ân Phú (O2).
// One procedure, 3 working days. Tuesday 24/11/2026 is Culture Day (a day off).
import { WorkCalendar } from '../../src/calendar/calendar.ts';
import { computeDue } from '../../src/calendar/due.ts';
import type { Database } from '../../src/db/client.ts';
import { saveDossiers, unitCalendars, type DossierInput } from '../../src/dossiers/store.ts';
import { insertUnit } from '../../src/org/units.ts';
import { vn } from '../support/dossiers.ts';

export { vn };

export const UNITS = [
  { code: 'P', name: 'Tỉnh Thử', kind: 'province', parent: null },
  { code: 'D1', name: 'Sở Tư pháp', kind: 'department', parent: 'P' },
  { code: 'D2', name: 'Sở Xây dựng', kind: 'department', parent: 'P' },
  { code: 'C1', name: 'Xã Ân Phú', kind: 'commune', parent: 'P' },
  { code: 'C2', name: 'Xã Bình Minh', kind: 'commune', parent: 'P' },
  { code: 'C3', name: 'Xã Cẩm Thành', kind: 'commune', parent: 'P' },
  { code: 'C4', name: 'Xã Đức Phổ', kind: 'commune', parent: 'P' },
  { code: 'C5', name: 'Xã Hòa Vang', kind: 'commune', parent: 'P' },
  { code: 'C6', name: 'Xã Kỳ Sơn', kind: 'commune', parent: 'P' },
  { code: 'C7', name: 'Xã Lý Sơn', kind: 'commune', parent: 'P' },
  { code: 'C8', name: 'Xã Minh Long', kind: 'commune', parent: 'P' },
  { code: 'O1', name: 'Phòng Kinh tế xã Ân Phú', kind: 'office', parent: 'C1' },
  { code: 'O2', name: 'Văn phòng xã Ân Phú', kind: 'office', parent: 'C1' },
] as const;

/** The instant the scheduled digest of 2026-W47 is made. */
export const MONDAY = vn('2026-11-23 07:30');

type Spec = {
  unit: string;
  received: string;
  finished?: string;
  channel?: 1 | 2 | 3;
  digitized?: boolean;
  fee?: number;
  satisfaction?: 1 | 2 | 3;
  /** A first supplement request still waiting for the applicant. */
  waitingSince?: string;
};

const at16 = '2026-11-16 09:00';
/** Received Monday 16/11 09:00 → due Thursday 19/11 17:00: finished 17 or 18/11 early, 19/11 on time, 20/11 late. */
export const DOSSIERS: Record<string, Spec> = {
  // Week 16–22/11
  a1: { unit: 'O1', received: at16, finished: '2026-11-18 10:00', channel: 2, digitized: true, fee: 50_000, satisfaction: 3 },
  a2: { unit: 'O1', received: at16, finished: '2026-11-18 11:00', channel: 1, digitized: true, satisfaction: 2 },
  b1: { unit: 'O2', received: at16, finished: '2026-11-17 10:00', channel: 2, satisfaction: 1 },
  b2: { unit: 'O2', received: at16, finished: '2026-11-20 10:00', channel: 3 },
  c1: { unit: 'C2', received: at16, finished: '2026-11-18 10:00', channel: 2, digitized: true },
  d1: { unit: 'C3', received: at16, finished: '2026-11-19 10:00', channel: 2 },
  d2: { unit: 'C3', received: at16, finished: '2026-11-19 11:00', channel: 2 },
  d3: { unit: 'C3', received: at16, finished: '2026-11-19 14:00', channel: 1 },
  d4: { unit: 'C3', received: at16, finished: '2026-11-20 10:00', channel: 1 },
  e1: { unit: 'C4', received: at16, finished: '2026-11-18 10:00', channel: 2 },
  e2: { unit: 'C4', received: at16, finished: '2026-11-20 10:00', channel: 1 },
  /** Due Tuesday 17/11: 3 working days overdue at the end of the week. */
  e3: { unit: 'C4', received: '2026-11-12 09:00', channel: 1 },
  f1: { unit: 'C5', received: at16, finished: '2026-11-18 10:00', channel: 2, digitized: true },
  f2: { unit: 'C5', received: at16, finished: '2026-11-18 10:00', channel: 2, digitized: true },
  f3: { unit: 'C5', received: at16, finished: '2026-11-18 10:00', channel: 2, digitized: true },
  f4: { unit: 'C5', received: at16, finished: '2026-11-18 10:00', channel: 2, digitized: true },
  f5: { unit: 'C5', received: at16, finished: '2026-11-20 10:00', channel: 2 },
  f6: { unit: 'C5', received: '2026-11-17 09:00', waitingSince: '2026-11-18 10:00', channel: 1 },
  g1: { unit: 'C6', received: at16, finished: '2026-11-20 10:00', channel: 1 },
  h1: { unit: 'C7', received: at16, finished: '2026-11-18 10:00', channel: 2 },
  h2: { unit: 'C7', received: at16, finished: '2026-11-18 10:00', channel: 2 },
  h3: { unit: 'C7', received: at16, finished: '2026-11-19 10:00', channel: 2 },
  /** Due Thursday 26/11 (24/11 is a day off): in progress within the limit. */
  j1: { unit: 'D1', received: '2026-11-20 09:00', channel: 2, fee: 100_000 },
  /** Due Thursday 5/11: 11 working days overdue at the end of the week. */
  k1: { unit: 'D2', received: '2026-11-02 09:00', channel: 1 },
  // Week 9–15/11 (due Thursday 12/11)
  p1: { unit: 'O1', received: '2026-11-09 09:00', finished: '2026-11-10 10:00', channel: 2 },
  p2: { unit: 'O1', received: '2026-11-09 09:00', finished: '2026-11-13 10:00', channel: 2 },
  p3: { unit: 'C2', received: '2026-11-09 09:00', finished: '2026-11-12 10:00', channel: 2 },
  // Earlier this year only
  i1: { unit: 'C8', received: '2026-03-02 09:00', finished: '2026-03-03 10:00', channel: 1 },
};

export interface Area {
  ids: Record<string, number>;
  officials: Record<string, number>;
  calendar: WorkCalendar;
}

export async function buildArea(database: Database): Promise<Area> {
  const { db } = database;
  const ids: Record<string, number> = {};
  await db.$transaction(async (tx) => {
    for (const u of UNITS) ids[u.code] = (await insertUnit(tx, { code: u.code, name: u.name, kind: u.kind, parentCode: u.parent })).id;
  });
  const proc = await db.procedure.create({ data: { code: '1.000001', name: 'Thủ tục thử', fieldCode: 'DD', fieldName: 'Đất đai', limitValue: 3, limitUnit: 'working_days' } });
  const calendar = new WorkCalendar();
  const inputs: DossierInput[] = Object.entries(DOSSIERS).map(([code, s]) => {
    const receivedAt = vn(s.received);
    return {
      code: `T-${code}`, procedureId: proc.id, unitId: ids[s.unit]!, channel: s.channel ?? 1, submittedAt: null, receivedAt,
      dueAt: computeDue(receivedAt, { value: 3, unit: 'working_days' }, calendar).dueAt, dueAtOrigin: 'source',
      status: s.finished ? 10 : s.waitingSince ? 5 : 4, finishedAt: s.finished ? vn(s.finished) : null, returnedAt: null,
      rescheduledDueAt: null, rescheduleCount: 0, supplements: s.waitingSince ? [{ requestedAt: vn(s.waitingSince), suppliedAt: null }] : [],
      digitized: s.digitized ?? false, paidOnline: (s.fee ?? 0) > 0, feeAmount: s.fee ?? 0, satisfaction: s.satisfaction ?? null,
      applicantName: 'Nguyễn Văn Bí Mật', applicantIdNumber: '001099000001', source: 'test',
    };
  });
  await saveDossiers(database, inputs, { calendar, units: await unitCalendars(database), now: MONDAY });

  const officials: Record<string, number> = {};
  const person = async (code: string, role: string, unit: string, chat?: { channel: 'telegram' | 'zalo'; id: string }) => {
    const o = await db.official.create({
      data: { code, fullName: `Cán bộ ${code}`, title: `Chức danh ${code}`, role, unitId: ids[unit]!, preferredChannel: chat?.channel ?? null },
    });
    if (chat) await db.chatIdentity.create({ data: { officialId: o.id, channel: chat.channel, externalId: chat.id } });
    officials[code] = o.id;
  };
  await person('ct-p', 'leader', 'P', { channel: 'telegram', id: '1001' });
  await person('cv-cchc', 'reform_office', 'P', { channel: 'zalo', id: 'z-2002' });
  await person('tp-o1', 'unit_head', 'O1', { channel: 'telegram', id: '1003' });
  await person('ct-c8', 'commune_chair', 'C8', { channel: 'zalo', id: 'z-2004' });
  await person('ct-c2', 'commune_chair', 'C2');
  await person('cb-c2', 'officer', 'C2', { channel: 'telegram', id: '1006' });
  return { ids, officials, calendar };
}
