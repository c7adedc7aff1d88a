// The calendar as the database and the configuration define it: built-in holidays and
// notices, plus the overrides a province enters (dunghan calendar add|import).
import type { Db } from '../db/client.ts';
import { WorkCalendar } from './calendar.ts';
import type { Period } from './hours.ts';
import type { DayOverride } from './types.ts';

export async function loadOverrides(db: Db): Promise<DayOverride[]> {
  const rows = await db.calendarOverride.findMany({ orderBy: [{ date: 'asc' }, { scope: 'asc' }] });
  return rows.map((r) => ({ date: r.date, kind: r.kind === 'working_day' ? 'working_day' : 'day_off', name: r.name, source: r.source, scope: r.scope }));
}

export async function loadCalendar(db: Db, workingHours?: readonly Period[]): Promise<WorkCalendar> {
  return new WorkCalendar({ overrides: await loadOverrides(db), ...(workingHours ? { workingHours } : {}) });
}
