// The calendar as the database and the configuration define it: built-in holidays and
// notices, plus the overrides and complete notices a province enters (dunghan calendar …).
import type { Db } from '../db/client.ts';
import { WorkCalendar } from './calendar.ts';
import type { Period } from './hours.ts';
import type { DayOverride } from './types.ts';

async function loadOverrides(db: Db): Promise<DayOverride[]> {
  const rows = await db.calendarOverride.findMany({ orderBy: [{ date: 'asc' }, { scope: 'asc' }] });
  return rows.map((r) => ({ date: r.date, kind: r.kind === 'working_day' ? 'working_day' : 'day_off', name: r.name, source: r.source, scope: r.scope }));
}

export async function loadCalendar(db: Db, workingHours?: readonly Period[]): Promise<WorkCalendar> {
  const [overrides, notices] = await Promise.all([loadOverrides(db), db.calendarNotice.findMany({ select: { year: true } })]);
  return new WorkCalendar({ overrides, noticeYears: notices.map((n) => n.year), ...(workingHours ? { workingHours } : {}) });
}
