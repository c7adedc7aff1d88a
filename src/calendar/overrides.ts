// Days off and make-up days entered at run time (dunghan calendar add|remove|import), with
// their legal source. They beat the built-in data; `complete` marks a year whose notice has
// been entered in full, so the rule-computed holidays of that year are dropped.
import { parse as parseCsv } from 'csv-parse/sync';
import type { Db } from '../db/client.ts';
import { fold } from '../i18n/fold.ts';
import { t } from '../i18n/translate.ts';
import { CALENDAR_YEARS } from './calendar.ts';
import type { DayOverride } from './types.ts';

export interface RowError {
  row: number;
  field: string;
  value: string;
  reason: string;
}

const KIND_WORDS = new Map<string, DayOverride['kind']>(Object.entries({
  'day off': 'day_off', off: 'day_off', nghi: 'day_off', 'ngay nghi': 'day_off', 'nghi le': 'day_off', 'nghi bu': 'day_off',
  'working day': 'working_day', working: 'working_day', 'lam bu': 'working_day', 'lam viec': 'working_day', 'ngay lam viec': 'working_day',
} as const));

/** "day_off", "nghỉ", "làm bù", … → the override kind. */
function parseKind(text: string): DayOverride['kind'] | null {
  return KIND_WORDS.get(fold(text.replaceAll('_', ' '))) ?? null;
}

/** "2027-02-05" or "05/02/2027" → "2027-02-05", within the years the calendar covers. */
export function parseDay(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s))) [d, mo, y] = [+m[1]!, +m[2]!, +m[3]!];
  else return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  if (y < CALENDAR_YEARS.first || y > CALENDAR_YEARS.last) return null;
  return date.toISOString().slice(0, 10);
}

export type OverrideRow = DayOverride & { row: number };

/**
 * Reads a CSV of overrides: header `date,kind,name,source[,unit]` (also Vietnamese headers
 * ngay, loai, ten, can_cu, don_vi), comma or semicolon separated, UTF-8 with or without BOM.
 */
export function parseOverrideCsv(text: string, unitCodes: ReadonlySet<string>): { rows: OverrideRow[]; rejected: RowError[] } {
  const delimiter = (text.split('\n', 1)[0] ?? '').includes(';') ? ';' : ',';
  const records = parseCsv(text, { bom: true, columns: (h: string[]) => h.map(headerName), skip_empty_lines: true, trim: true, delimiter, relax_column_count: true, info: true }) as {
    record: Record<string, string | undefined>;
    info: { lines: number };
  }[];
  const rows: OverrideRow[] = [];
  const rejected: RowError[] = [];
  for (const { record, info } of records) {
    const row = info.lines;
    const result = validateOverride(record, unitCodes);
    if ('error' in result) rejected.push({ row, ...result.error });
    else rows.push({ ...result.value, row });
  }
  return { rows, rejected };
}

const HEADERS = new Map<string, string>(Object.entries({
  date: 'date', ngay: 'date', kind: 'kind', loai: 'kind', name: 'name', ten: 'name', 'ten ngay': 'name', source: 'source', 'can cu': 'source', unit: 'unit',
    'don vi': 'unit', scope: 'unit',
}));
function headerName(h: string): string {
  const key = fold(h).replaceAll('_', ' ');
  return HEADERS.get(key) ?? key;
}

/** Checks one override (from the CLI or a CSV row); the reason names the field in Vietnamese. */
export function validateOverride(
  input: Record<string, string | undefined>,
  unitCodes: ReadonlySet<string>,
): { value: DayOverride } | { error: Omit<RowError, 'row'> } {
  const field = (name: string) => (input[name] ?? '').trim();
  const date = parseDay(field('date'));
  if (!date) return { error: { field: 'date', value: field('date'), reason: t('calendar-bad-date', { first: String(CALENDAR_YEARS.first), last: String(CALENDAR_YEARS.last) }) } };
  const kind = parseKind(field('kind'));
  if (!kind) return { error: { field: 'kind', value: field('kind'), reason: t('calendar-bad-kind') } };
  if (!field('name')) return { error: { field: 'name', value: '', reason: t('calendar-missing-name') } };
  if (!field('source')) return { error: { field: 'source', value: '', reason: t('calendar-missing-source') } };
  const scope = field('unit') || '*';
  if (scope !== '*' && !unitCodes.has(scope)) return { error: { field: 'unit', value: scope, reason: t('calendar-unknown-unit') } };
  return { value: { date, kind, name: field('name'), source: field('source'), scope } };
}

export async function unitCodes(db: Db): Promise<Set<string>> {
  return new Set((await db.unit.findMany({ select: { code: true } })).map((u) => u.code));
}

/** Creates or replaces the override of (date, scope); returns whether it already existed. */
export async function saveOverride(db: Db, o: DayOverride, actor: string, now: Date): Promise<'created' | 'updated'> {
  return db.$transaction(async (tx) => {
    const existing = await tx.calendarOverride.findUnique({ where: { date_scope: { date: o.date, scope: o.scope } } });
    const data = { kind: o.kind, name: o.name, source: o.source, createdBy: actor };
    if (existing) await tx.calendarOverride.update({ where: { id: existing.id }, data });
    else await tx.calendarOverride.create({ data: { ...data, date: o.date, scope: o.scope, createdAt: now } });
    await tx.auditLog.create({ data: { at: now, actor, action: 'calendar.save', target: `${o.date}@${o.scope}`, detail: JSON.stringify(o) } });
    return existing ? 'updated' : 'created';
  });
}

export async function removeOverride(db: Db, date: string, scope: string, actor: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.calendarOverride.deleteMany({ where: { date, scope } });
    if (count > 0) await tx.auditLog.create({ data: { at: now, actor, action: 'calendar.remove', target: `${date}@${scope}` } });
    return count > 0;
  });
}

/**
 * Saves the valid rows of an import in one transaction; with `complete`, every year in the file
 * is marked as fully described by its notice.
 */
export async function importOverrides(db: Db, rows: readonly DayOverride[], opts: { complete: boolean; actor: string; now: Date }): Promise<{ saved: number; completeYears: number[] }> {
  const years = [...new Set(rows.filter((r) => r.scope === '*').map((r) => Number(r.date.slice(0, 4))))].sort();
  await db.$transaction(async (tx) => {
    for (const o of rows) {
      await tx.calendarOverride.upsert({
        where: { date_scope: { date: o.date, scope: o.scope } },
        create: { date: o.date, scope: o.scope, kind: o.kind, name: o.name, source: o.source, createdBy: opts.actor, createdAt: opts.now },
        update: { kind: o.kind, name: o.name, source: o.source, createdBy: opts.actor },
      });
    }
    if (opts.complete) {
      for (const year of years) {
        const source = rows.find((r) => r.date.startsWith(String(year)))!.source;
        await tx.calendarNotice.upsert({ where: { year }, create: { year, source, createdBy: opts.actor, createdAt: opts.now }, update: { source, createdBy: opts.actor } });
      }
    }
    await tx.auditLog.create({ data: { at: opts.now, actor: opts.actor, action: 'calendar.import', detail: JSON.stringify({ rows: rows.length, completeYears: opts.complete ? years : [] }) } });
  });
  return { saved: rows.length, completeYears: opts.complete ? years : [] };
}
