// Stage 3, group: one message per recipient per run, most urgent first, cut to the channel's
// limit with "và N hồ sơ khác — gõ /quahan". Each message carries buttons to commit to a date
// for the first dossiers, and to draft the apology letter (Mẫu 04) for those due soon.
import type { WorkCalendar } from '../calendar/calendar.ts';
import { localDate } from '../calendar/time.ts';
import { stateText, shorten } from '../commands/handlers/lists.ts';
import type { Button } from '../commands/types.ts';
import { formatDate, formatInt } from '../i18n/format.ts';
import { t } from '../i18n/translate.ts';
import type { UnitTree } from '../org/tree.ts';
import type { Address } from '../outbox/routing.ts';
import { STAGES, urgencyOf, type PlannedItem, type Stage } from './plan.ts';
import type { Person } from './recipients.ts';
import { groupBy } from '../util/multimap.ts';

export interface AlertMessage {
  official: Person;
  address: Address;
  text: string;
  buttons: Button[][];
  /** The plan items this message delivers (logged so they are not sent again). */
  itemKeys: string[];
  stages: Stage[];
  dossierCodes: string[];
}

export interface GroupOptions {
  addresses: ReadonlyMap<number, Address[]>;
  maxText: (channel: string) => number;
  tree: UnitTree;
  calendar: WorkCalendar;
  at: Date;
}

const BUTTONED = 3;
/** Stages about the official's own work (the others are escalations to a leader). */
const OWN: ReadonlySet<Stage> = new Set(['commit_missed', 'overdue', 'due_today', 'due_soon']);

export function groupMessages(items: readonly PlannedItem[], opts: GroupOptions): { messages: AlertMessage[]; unaddressed: Person[] } {
  const byOfficial = groupBy(items, (i) => i.official.id);
  const messages: AlertMessage[] = [];
  const unaddressed: Person[] = [];
  for (const list of byOfficial.values()) {
    const official = list[0]!.official;
    const address = opts.addresses.get(official.id)?.[0];
    if (!address) {
      unaddressed.push(official);
      continue;
    }
    const sorted = [...list].sort((a, b) => urgencyOf(a.stage) - urgencyOf(b.stage) || overdueDays(b) - overdueDays(a) || a.attention.dossier.code.localeCompare(b.attention.dossier.code));
    messages.push({
      official,
      address,
      ...render(official, sorted, opts.maxText(address.channel), opts),
      itemKeys: sorted.map((i) => i.key),
      stages: [...new Set(sorted.map((i) => i.stage))],
      dossierCodes: [...new Set(sorted.map((i) => i.attention.dossier.code))],
    });
  }
  return { messages, unaddressed };
}

const overdueDays = (i: PlannedItem): number => (i.attention.state.kind === 'overdue' ? i.attention.state.workingDaysOverdue : 0);

function line(item: PlannedItem, opts: GroupOptions): string {
  const { dossier, state } = item.attention;
  return t('alert-line', {
    code: dossier.code,
    procedure: shorten(item.facts.procedureName, 50),
    unit: opts.tree.byId.get(dossier.unitId)?.name ?? '',
    due: formatDate(state.effectiveDueAt),
    state: item.stage === 'commit_missed' ? t('alert-commit-missed', { date: formatDate(new Date(`${item.ack!.until}T12:00:00+07:00`)) }) : stateText(state),
  });
}

function render(official: Person, items: PlannedItem[], maxText: number, opts: GroupOptions): { text: string; buttons: Button[][] } {
  const own = items.filter((i) => OWN.has(i.stage));
  const head = [t('alert-title', { count: formatInt(new Set(items.map((i) => i.attention.dossier.code)).size) }), t('alert-greeting', { title: official.title, name: official.fullName }), ''];
  const footer = ['', t(own.length > 0 ? 'alert-footer' : 'alert-footer-leader')];
  const body: string[] = [];
  let shown = 0;
  const budget = maxText - [...head, ...footer].join('\n').length - 80;
  let used = 0;
  // Lines are rendered only while they fit: a recipient may have thousands of items.
  const bySection = groupBy(items, (i) => i.stage);
  const fits = (l: string): boolean => {
    if (used + l.length + 1 > budget) return false;
    body.push(l);
    used += l.length + 1;
    return true;
  };
  outer: for (const stage of STAGES) {
    const section = bySection.get(stage);
    if (!section) continue;
    if (!fits(t(`alert-section-${stage.replaceAll('_', '-')}`, { count: formatInt(section.length) }))) break;
    for (const i of section) {
      if (!fits(line(i, opts))) break outer;
      shown++;
    }
    if (stage === 'due_soon' && !fits(t('alert-apology-reminder'))) break;
  }
  const hidden = items.length - shown;
  if (hidden > 0) body.push(t('alert-more', { count: formatInt(hidden) }));

  // Buttons for the most urgent dossiers the official answers for (not for escalations).
  const codes = [...new Set(own.map((i) => i.attention.dossier.code))].slice(0, BUTTONED);
  const commitDay = opts.calendar.nextWorkingDay(localDate(opts.at));
  const buttons: Button[][] = codes.map((code) => {
    const short = code.slice(code.lastIndexOf('-', code.lastIndexOf('-') - 1) + 1);
    const row: Button[] = [{ text: t('alert-button-commit', { code: short, date: formatDate(new Date(`${commitDay}T12:00:00+07:00`)) }), data: `ack:${code}:${commitDay.replaceAll('-', '')}` }];
    if (own.some((i) => i.attention.dossier.code === code && i.stage === 'due_soon')) row.push({ text: t('alert-button-apology', { code: short }), data: `xl:${code}` });
    row.push({ text: t('alert-button-more', { code: short }), data: `hen:${code}` });
    return row;
  });
  return { text: [...head, ...body, ...footer].join('\n'), buttons };
}
