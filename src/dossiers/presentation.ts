// How a dossier reads in chat: its deadline state in words, and names cut to fit a line. Shared by
// the command lists (/quahan, /sapden, /hoso) and the reminders, so a dossier reads the same in both.
import { formatDate } from '../i18n/format.ts';
import { t } from '../i18n/translate.ts';
import type { DeadlineState } from './deadline.ts';

export function stateText(s: DeadlineState): string {
  switch (s.kind) {
    case 'overdue':
      return s.reason === 'second_supplement' && s.workingDaysOverdue === 0
        ? t('state-overdue-second-supplement')
        : t('state-overdue', { days: String(s.workingDaysOverdue) });
    case 'due_today':
      return t('state-due-today');
    case 'due_soon':
      return t('state-due-soon', { days: String(s.workingDaysLeft) });
    case 'not_due':
      return t('state-not-due', { days: String(s.workingDaysLeft) });
    case 'paused':
      return t('state-paused', { since: formatDate(s.since) });
    case 'finished':
      return t(`state-finished-${s.result}`);
  }
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
