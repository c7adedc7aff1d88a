// /xacnhan <mã hồ sơ> <ngày>, and the buttons on a reminder: the official commits to finishing a
// dossier by a date; reminders of it to them wait until that date has passed (then say so).
// "hen:<mã>" offers the next working days, and "sn:<mã>", no reminder of it for the rest of today;
// "xl:<mã>" drafts the apology and extension letter (Mẫu 04, Circular 03/2025/TT-VPCP).
import { localDate } from '../../calendar/time.ts';
import { formatDateTime, formatLocalDate } from '../../i18n/format.ts';
import { t } from '../../i18n/translate.ts';
import { splitCodeAndDate } from '../parse/args.ts';
import { isCommitDateError } from '../parse/commit-date.ts';
import type { OfficialContext, Reply } from '../types.ts';

export async function xacnhan(ctx: OfficialContext, rest: string): Promise<Reply> {
  const { code, date, dateText } = splitCodeAndDate(rest, ctx.now);
  if (!code || date === null) return { text: t('xacnhan-usage') };
  if (isCommitDateError(date)) return { text: t(date.error === 'past' ? 'xacnhan-past' : 'xacnhan-bad-date', { text: dateText }) };
  return commit(ctx, code, date);
}

/** Buttons: ack:<code>:<yyyymmdd>. */
export async function ackButton(ctx: OfficialContext, args: string[]): Promise<Reply | null> {
  const [code, day] = args;
  const m = day ? /^(\d{4})(\d{2})(\d{2})$/.exec(day) : null;
  if (!code || !m) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (date < localDate(ctx.now)) return { text: t('xacnhan-past', { text: formatLocalDate(date) }) };
  return commit(ctx, code, date);
}

/** Days offered by the "hen:" button: the next working days of the dossier's unit. */
const PICK_DAYS = 5;

/** Buttons: hen:<code> — the next working days to commit to, and a snooze. */
export async function moreButton(ctx: OfficialContext, args: string[]): Promise<Reply | null> {
  const code = args[0];
  if (!code) return null;
  const d = await openDossier(ctx, code);
  if ('text' in d) return d;
  const cal = unitCalendar(ctx, d.unitId);
  const today = localDate(ctx.now);
  const days = Array.from({ length: PICK_DAYS }, (_, i) => cal.nextWorkingDay(today, i + 1));
  const dayButton = (day: string) => ({ text: t('xacnhan-pick-day', { date: formatLocalDate(day) }), data: `ack:${code}:${day.replaceAll('-', '')}` });
  return {
    text: t('xacnhan-pick', { code, due: formatDateTime(d.effectiveDueAt ?? d.dueAt) }),
    buttons: [[dayButton(today), dayButton(days[0]!)], [dayButton(days[1]!), dayButton(days[2]!)], [dayButton(days[3]!), dayButton(days[4]!)], [{ text: t('xacnhan-pick-snooze', { date: formatLocalDate(days[0]!) }), data: `sn:${code}` }]],
  };
}

/** Buttons: sn:<code> — no reminder of the dossier to the official for the rest of today. */
export async function snoozeButton(ctx: OfficialContext, args: string[]): Promise<Reply | null> {
  const code = args[0];
  if (!code) return null;
  const d = await openDossier(ctx, code);
  if ('text' in d) return d;
  const today = localDate(ctx.now);
  await record(ctx, d, 'snooze', today);
  return { text: t('snooze-done', { code: d.code, date: formatLocalDate(unitCalendar(ctx, d.unitId).nextWorkingDay(today)) }) };
}

type OpenDossier = { id: number; code: string; unitId: number; effectiveDueAt: Date | null; dueAt: Date };

/** The dossier if the official may act on it and it is still open; otherwise the reply saying why. */
async function openDossier(ctx: OfficialContext, code: string): Promise<OpenDossier | Reply> {
  const d = await ctx.database.db.dossier.findUnique({ where: { code }, select: { id: true, code: true, unitId: true, finishedAt: true, effectiveDueAt: true, dueAt: true } });
  if (!d || !ctx.scope.unitIds.has(d.unitId)) return { text: t('hoso-not-found', { code }) };
  if (d.finishedAt) return { text: t('xacnhan-finished', { code }) };
  return d;
}

function unitCalendar(ctx: OfficialContext, unitId: number) {
  const unit = ctx.tree.byId.get(unitId);
  return unit ? ctx.calendar.forUnit(unit.code, unit.worksSaturday) : ctx.calendar;
}

async function record(ctx: OfficialContext, d: OpenDossier, kind: 'commit' | 'snooze', until: string): Promise<void> {
  const { db } = ctx.database;
  await db.$transaction([
    db.acknowledgement.create({ data: { dossierId: d.id, officialId: ctx.viewer.id, kind, until, channel: ctx.asker.channel, createdAt: ctx.now } }),
    db.auditLog.create({ data: { at: ctx.now, actor: ctx.viewer.code, action: `dossier.${kind}`, target: d.code, detail: JSON.stringify({ until, channel: ctx.asker.channel }) } }),
  ]);
}

async function commit(ctx: OfficialContext, code: string, until: string): Promise<Reply> {
  const d = await openDossier(ctx, code);
  if ('text' in d) return d;
  await record(ctx, d, 'commit', until);
  const due = d.effectiveDueAt ?? d.dueAt;
  const lines = [t('xacnhan-done', { code: d.code, date: formatLocalDate(until) })];
  if (until > localDate(due)) lines.push(t('xacnhan-after-due', { due: formatDateTime(due) }));
  return { text: lines.join('\n') };
}

/** Buttons: xl:<code> — a draft of Mẫu 04 with the applicant left blank. */
export async function apologyButton(ctx: OfficialContext, args: string[]): Promise<Reply | null> {
  const code = args[0];
  if (!code) return null;
  const d = await ctx.database.db.dossier.findUnique({ where: { code }, select: { code: true, unitId: true, receivedAt: true, dueAt: true, procedure: { select: { name: true } } } });
  if (!d || !ctx.scope.unitIds.has(d.unitId)) return { text: t('hoso-not-found', { code }) };
  const unit = ctx.tree.byId.get(d.unitId);
  const proposed = unitCalendar(ctx, d.unitId).nextWorkingDay(localDate(d.dueAt), 3);
  return {
    text: t('apology-draft', {
      unit: unit?.name ?? '',
      received: formatDateTime(d.receivedAt),
      procedure: d.procedure.name,
      code: d.code,
      due: formatDateTime(d.dueAt),
      proposed: formatLocalDate(proposed),
    }),
  };
}
