// /xacnhan <mã hồ sơ> <ngày>, and the buttons on a reminder: the official commits to finishing a
// dossier by a date; reminders of it to them wait until that date has passed (then say so).
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

async function commit(ctx: OfficialContext, code: string, until: string): Promise<Reply> {
  const { db } = ctx.database;
  const d = await db.dossier.findUnique({ where: { code }, select: { id: true, code: true, unitId: true, finishedAt: true, effectiveDueAt: true, dueAt: true } });
  if (!d || !ctx.scope.unitIds.has(d.unitId)) return { text: t('hoso-not-found', { code }) };
  if (d.finishedAt) return { text: t('xacnhan-finished', { code }) };
  await db.$transaction([
    db.acknowledgement.create({ data: { dossierId: d.id, officialId: ctx.viewer.id, kind: 'commit', until, channel: ctx.asker.channel, createdAt: ctx.now } }),
    db.auditLog.create({ data: { at: ctx.now, actor: ctx.viewer.code, action: 'dossier.commit', target: d.code, detail: JSON.stringify({ until, channel: ctx.asker.channel }) } }),
  ]);
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
  const cal = unit ? ctx.calendar.forUnit(unit.code, unit.worksSaturday) : ctx.calendar;
  const proposed = cal.nextWorkingDay(localDate(d.dueAt), 3);
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
