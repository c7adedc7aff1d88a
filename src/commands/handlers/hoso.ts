// /hoso <mã hồ sơ>: one dossier's procedure, unit, dates, status and deadline state. Never the
// applicant's name or ID number. A code outside the asker's scope reads as "not found".
import { stateOf } from '../../dossiers/open.ts';
import { formatDateTime, formatInt } from '../../i18n/format.ts';
import { t } from '../../i18n/translate.ts';
import { findDossierCode } from '../parse/dossier-code.ts';
import type { OfficialContext } from '../types.ts';
import { shorten, stateText } from '../../dossiers/presentation.ts';
import type { Message } from '../../core/message.ts';

export async function hoso(ctx: OfficialContext, rest: string): Promise<Message> {
  const found = findDossierCode(rest);
  if (!found) return { text: rest.trim() === '' ? t('hoso-usage') : t('hoso-not-found', { code: shorten(rest.trim(), 60) }) };
  const { db } = ctx.database;
  const d = await db.dossier.findUnique({
    where: { code: found.code },
    select: {
      id: true, code: true, unitId: true, procedureId: true, receivedAt: true, dueAt: true, finishedAt: true, rescheduledDueAt: true,
      channel: true, status: true, supplementCount: true, rescheduleCount: true,
      procedure: { select: { name: true } },
      supplements: { select: { requestedAt: true, suppliedAt: true }, orderBy: { seq: 'asc' } },
    },
  });
  if (!d || !ctx.scope.unitIds.has(d.unitId)) return { text: t('hoso-not-found', { code: found.code }) };
  const state = stateOf(d, ctx.now, ctx.calendar, ctx.tree, { dueSoonWorkingDays: ctx.config.DUE_SOON_WORKING_DAYS });
  const shifted = state.effectiveDueAt.getTime() !== d.dueAt.getTime();
  const lines = [
    t('hoso-detail', {
      code: d.code,
      procedure: d.procedure.name,
      unit: ctx.tree.byId.get(d.unitId)?.name ?? '',
      received: formatDateTime(d.receivedAt),
      channel: t(`channel-${d.channel}`),
      due: shifted
        ? t('hoso-due-shifted', {
            due: formatDateTime(state.effectiveDueAt),
            hours: formatInt(Math.round(ctx.calendar.workingMillisBetween(d.dueAt, state.effectiveDueAt) / 3_600_000 * 10) / 10),
            legal: formatDateTime(d.dueAt),
          })
        : formatDateTime(d.dueAt),
      status: t(`status-${d.status}`),
      state: stateText(state),
    }),
  ];
  if (d.supplementCount > 0) lines.push(t('hoso-supplements', { count: String(d.supplementCount) }));
  if (d.rescheduledDueAt) lines.push(t('hoso-rescheduled', { date: formatDateTime(d.rescheduledDueAt) }));
  return { text: lines.join('\n') };
}
