// /xacnhan <mã hồ sơ> <ngày>, and the buttons on a reminder: the official commits to finishing a
// dossier by a date; reminders of it to them wait until that date has passed (then say so). The
// date is a real one, today at the earliest, at most COMMIT_MAX_WORKING_DAYS working days ahead.
// "hen:<mã>" offers the next working days, and "sn:<mã>", no reminder of it for the rest of today;
// "xl:<mã>" drafts the apology and extension letter (Mẫu 04, Circular 03/2025/TT-VPCP).
import type { WorkCalendar } from '../../calendar/calendar.ts';
import { recordAcknowledgement } from '../../alerts/acknowledgements.ts';
import { localDate, type LocalDate } from '../../calendar/time.ts';
import { formatDateTime, formatLocalDate } from '../../i18n/format.ts';
import { t } from '../../i18n/translate.ts';
import { splitCodeAndDate } from '../parse/args.ts';
import { buttonCommitDate, isCommitDateError, withinCommitHorizon, type CommitDateError } from '../parse/commit-date.ts';
import type { OfficialContext } from '../types.ts';
import type { Message } from '../../core/message.ts';

export async function xacnhan(ctx: OfficialContext, rest: string): Promise<Message> {
  const { code, date, dateText } = splitCodeAndDate(rest, ctx.now);
  if (!code || dateText === '') return { text: t('xacnhan-usage') };
  if (date === null) return { text: t('xacnhan-bad-date', { text: dateText }) };
  return commit(ctx, code, date, dateText);
}

/** Buttons: ack:<code>:<yyyymmdd>. */
export async function ackButton(ctx: OfficialContext, args: string[]): Promise<Message | null> {
  const [code, day] = args;
  const date = day ? buttonCommitDate(day) : null;
  if (!code || date === null) return null;
  return commit(ctx, code, date, isCommitDateError(date) ? date.text : formatLocalDate(date));
}

/** The last day a commitment may name: COMMIT_MAX_WORKING_DAYS working days after today on the unit's calendar. */
function lastCommitDay(ctx: OfficialContext, cal: WorkCalendar): LocalDate {
  return cal.nextWorkingDay(localDate(ctx.now), ctx.config.COMMIT_MAX_WORKING_DAYS);
}

/** Why a date cannot be committed to, in words. */
function refusal(e: CommitDateError, ctx: OfficialContext, last?: LocalDate): Message {
  if (e.error === 'invalid_date') return { text: t('xacnhan-not-a-date', { text: e.text }) };
  if (e.error === 'past') return { text: t('xacnhan-past', { text: e.text }) };
  return { text: t('xacnhan-too-far', { text: e.text, days: String(ctx.config.COMMIT_MAX_WORKING_DAYS), last: last ? formatLocalDate(last) : '' }) };
}

/** Days offered by the "hen:" button: the next working days of the dossier's unit. */
const PICK_DAYS = 5;

/** Buttons: hen:<code> — the next working days to commit to, and a snooze. */
export async function moreButton(ctx: OfficialContext, args: string[]): Promise<Message | null> {
  const code = args[0];
  if (!code) return null;
  const d = await openDossier(ctx, code);
  if ('text' in d) return d;
  const cal = unitCalendar(ctx, d.unitId);
  const today = localDate(ctx.now);
  const last = lastCommitDay(ctx, cal);
  const days = [today, ...Array.from({ length: PICK_DAYS }, (_, i) => cal.nextWorkingDay(today, i + 1))].filter((day) => day <= last);
  const dayButtons = days.map((day) => ({ text: t('xacnhan-pick-day', { date: formatLocalDate(day) }), data: `ack:${code}:${day.replaceAll('-', '')}` }));
  const rows = Array.from({ length: Math.ceil(dayButtons.length / 2) }, (_, i) => dayButtons.slice(2 * i, 2 * i + 2));
  return {
    text: t('xacnhan-pick', { code, due: formatDateTime(d.effectiveDueAt ?? d.dueAt) }),
    buttons: [...rows, [{ text: t('xacnhan-pick-snooze', { date: formatLocalDate(cal.nextWorkingDay(today)) }), data: `sn:${code}` }]],
  };
}

/** Buttons: sn:<code> — no reminder of the dossier to the official for the rest of today. */
export async function snoozeButton(ctx: OfficialContext, args: string[]): Promise<Message | null> {
  const code = args[0];
  if (!code) return null;
  const d = await openDossier(ctx, code);
  if ('text' in d) return d;
  const today = localDate(ctx.now);
  if ((await record(ctx, d, 'snooze', today)) === 'already') return { text: t('snooze-already', { code: d.code }) };
  return { text: t('snooze-done', { code: d.code, date: formatLocalDate(unitCalendar(ctx, d.unitId).nextWorkingDay(today)) }) };
}

type OpenDossier = { id: number; code: string; unitId: number; effectiveDueAt: Date | null; dueAt: Date };

/** The dossier if the official may act on it and it is still open; otherwise the reply saying why. */
async function openDossier(ctx: OfficialContext, code: string): Promise<OpenDossier | Message> {
  const d = await ctx.database.db.dossier.findUnique({ where: { code }, select: { id: true, code: true, unitId: true, finishedAt: true, effectiveDueAt: true, dueAt: true } });
  if (!d || !ctx.scope.unitIds.has(d.unitId)) return { text: t('hoso-not-found', { code }) };
  if (d.finishedAt) return { text: t('xacnhan-finished', { code }) };
  return d;
}

function unitCalendar(ctx: OfficialContext, unitId: number) {
  const unit = ctx.tree.byId.get(unitId);
  return unit ? ctx.calendar.forUnit(unit.code, unit.worksSaturday) : ctx.calendar;
}

function record(ctx: OfficialContext, d: OpenDossier, kind: 'commit' | 'snooze', until: string): Promise<'recorded' | 'already'> {
  return recordAcknowledgement(ctx.database.db, {
    dossierId: d.id, dossierCode: d.code, officialId: ctx.viewer.id, actor: ctx.viewer.code, kind, until, channel: ctx.asker.channel, at: ctx.now,
  });
}

async function commit(ctx: OfficialContext, code: string, date: LocalDate | CommitDateError, text: string): Promise<Message> {
  // Not a date at all, or already past: nothing about the dossier is needed to say so.
  if (isCommitDateError(date)) return refusal(date, ctx);
  const d = await openDossier(ctx, code);
  if ('text' in d) return d;
  const last = lastCommitDay(ctx, unitCalendar(ctx, d.unitId));
  const until = withinCommitHorizon(date, localDate(ctx.now), last, text);
  if (isCommitDateError(until)) return refusal(until, ctx, last);
  if ((await record(ctx, d, 'commit', until)) === 'already') return { text: t('xacnhan-already', { code: d.code, date: formatLocalDate(until) }) };
  const due = d.effectiveDueAt ?? d.dueAt;
  const lines = [t('xacnhan-done', { code: d.code, date: formatLocalDate(until) })];
  // The letter is due at least one day before the deadline: once that day has gone, the advice is to send it now.
  if (due <= ctx.now) lines.push(t('xacnhan-overdue', { due: formatDateTime(due) }));
  else if (until > localDate(due)) lines.push(t(letterStillOnTime(ctx, due) ? 'xacnhan-after-due' : 'xacnhan-after-due-today', { due: formatDateTime(due) }));
  return { text: lines.join('\n') };
}

/** Whether the apology letter can still go out at least one day before the deadline. */
const letterStillOnTime = (ctx: OfficialContext, due: Date): boolean => localDate(ctx.now) < localDate(due);

/** Buttons: xl:<code> — a draft of Mẫu 04 with the applicant left blank. */
export async function apologyButton(ctx: OfficialContext, args: string[]): Promise<Message | null> {
  const code = args[0];
  if (!code) return null;
  const d = await ctx.database.db.dossier.findUnique({
    where: { code },
    select: { code: true, unitId: true, receivedAt: true, dueAt: true, effectiveDueAt: true, procedure: { select: { name: true } } },
  });
  if (!d || !ctx.scope.unitIds.has(d.unitId)) return { text: t('hoso-not-found', { code }) };
  const unit = ctx.tree.byId.get(d.unitId);
  const due = d.effectiveDueAt ?? d.dueAt;
  const onTime = letterStillOnTime(ctx, due);
  // Three working days after the deadline, or after today once the deadline is here or gone.
  const proposed = unitCalendar(ctx, d.unitId).nextWorkingDay(onTime ? localDate(due) : localDate(ctx.now), 3);
  return {
    text: t('apology-draft', {
      unit: unit?.name ?? '',
      received: formatDateTime(d.receivedAt),
      procedure: d.procedure.name,
      code: d.code,
      due: formatDateTime(d.dueAt),
      proposed: formatLocalDate(proposed),
      note: t(onTime ? 'apology-note-on-time' : 'apology-note-late'),
    }),
  };
}
