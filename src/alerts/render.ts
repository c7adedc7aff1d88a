// Stage 3, render: one recipient's reminder as text and buttons, cut to the channel's limit with
// "và N hồ sơ khác — gõ /quahan" (due-soon dossiers are cut last). Each dossier shown has a row of
// buttons: commit to a date, other dates, and the apology letter (Mẫu 04) draft for those due
// soon; on a channel without buttons the rows are numbered choices, counted in the limit.
import type { WorkCalendar } from '../calendar/calendar.ts';
import { localDate } from '../calendar/time.ts';
import { INLINE_BUTTONS } from '../core/channel.ts';
import type { Button } from '../core/message.ts';
import { shorten, stateText } from '../dossiers/presentation.ts';
import { formatDate, formatInt } from '../i18n/format.ts';
import { t } from '../i18n/translate.ts';
import type { ChannelName } from '../org/codes.ts';
import type { UnitTree } from '../org/tree.ts';
import { groupBy } from '../util/multimap.ts';
import { OWN_STAGES as OWN, STAGES, type PlannedItem, type Stage } from './plan.ts';
import type { Person } from './recipients.ts';

export interface RenderOptions {
  maxText: (channel: string) => number;
  tree: UnitTree;
  calendar: WorkCalendar;
  at: Date;
}

function line(item: PlannedItem, opts: RenderOptions): string {
  const { dossier, state } = item.attention;
  return t('alert-line', {
    code: dossier.code,
    procedure: shorten(item.facts.procedureName, 50),
    unit: opts.tree.byId.get(dossier.unitId)?.name ?? '',
    due: formatDate(state.effectiveDueAt),
    state: item.stage === 'commit_missed' ? t('alert-commit-missed', { date: formatDate(new Date(`${item.ack!.until}T12:00:00+07:00`)) }) : stateText(state),
  });
}

/** One recipient's message: `items` most urgent first. */
export function renderAlert(official: Person, items: PlannedItem[], channel: ChannelName, opts: RenderOptions): { text: string; buttons: Button[][] } {
  const maxText = opts.maxText(channel);
  const plain = !INLINE_BUTTONS[channel];
  const own = items.filter((i) => OWN.has(i.stage));
  const head = [t('alert-title', { count: formatInt(new Set(items.map((i) => i.attention.dossier.code)).size) }), t('alert-greeting', { title: official.title, name: official.fullName }), ''];
  const footer = ['', t(own.length > 0 ? 'alert-footer' : 'alert-footer-leader')];
  const bySection = groupBy(items, (i) => i.stage);
  const headings = new Map([...bySection].map(([stage, list]) => [stage, t(`alert-section-${stage.replaceAll('_', '-')}`, { count: formatInt(list.length) })]));
  const apology = bySection.has('due_soon') ? t('alert-apology-reminder') : null;
  const rows = rowsOf(items, opts);

  // What fits: headings first, then the first few lines of each section, then the due-soon dossiers (the only ones whose
  // letter can still go out in time), then the others, most urgent first. Without buttons, a dossier's choices are text too.
  const fixed = [...head, ...footer, ...headings.values(), ...(apology ? [apology] : []), ...(plain ? ['', '', t('plain-choices')] : [])];
  let budget = maxText - fixed.join('\n').length - 80;
  let buttons = 0;
  const shown = new Set<PlannedItem>();
  const chosen = new Map<string, Button[]>();
  const sections = STAGES.flatMap((stage) => (bySection.has(stage) ? [bySection.get(stage)!] : []));
  const first = sections.flatMap((list) => list.slice(0, FIRST_LINES));
  for (const item of new Set([...first, ...(bySection.get('due_soon') ?? []), ...items])) {
    const code = item.attention.dossier.code;
    // A dossier shown has at least its compact row (📅 offers the dates ✓ would), which is all a channel
    // without buttons gets: there every choice is a line of text.
    const row = chosen.has(code) ? [] : rows.get(code)?.compact ?? [];
    const cost = line(item, opts).length + 1 + (plain ? row.reduce((n, b) => n + b.text.length + CHOICE_OVERHEAD, 0) : 0);
    if (cost > budget || buttons + row.length > MAX_BUTTONS) continue;
    budget -= cost;
    buttons += row.length;
    shown.add(item);
    if (row.length > 0) chosen.set(code, row);
  }
  // With buttons, the rows get their ✓ too while the keyboard has room, most urgent first.
  for (const [code, { full, compact }] of plain ? [] : rows) {
    if (!chosen.has(code) || buttons + full.length - compact.length > MAX_BUTTONS) continue;
    buttons += full.length - compact.length;
    chosen.set(code, full);
  }

  const body: string[] = [];
  for (const stage of STAGES) {
    const section = bySection.get(stage);
    if (!section) continue;
    body.push(headings.get(stage)!, ...section.filter((i) => shown.has(i)).map((i) => line(i, opts)));
    if (stage === 'due_soon') body.push(apology!);
  }
  const hidden = items.length - shown.size;
  if (hidden > 0) body.push(t('alert-more', { count: formatInt(hidden) }));
  // One row per dossier shown, in the order of the text.
  const keyboard = [...rows.keys()].filter((code) => chosen.has(code)).map((code) => chosen.get(code)!);
  return { text: [...head, ...body, ...footer].join('\n'), buttons: keyboard };
}

/** Lines of each section shown before the due-soon dossiers take the rest of the room. */
const FIRST_LINES = 3;
/** Telegram refuses a keyboard of more than 100 buttons. */
const MAX_BUTTONS = 90;
/** What a numbered choice adds to a text besides its label ("  12. " and the line break). */
const CHOICE_OVERHEAD = 7;
/** Escalations for which the leader may sign the apology letter (a second extension is not allowed). */
const LETTER_ESCALATIONS: ReadonlySet<Stage> = new Set(['escalation', 'second_supplement']);

/**
 * Each dossier's buttons, in the order of the message: for the official's own dossiers ✓ (done by the
 * next working day), ✉ the Mẫu 04 draft when due soon, and 📅 (other dates, snooze); for an escalation,
 * the draft of the letter the unit's head signs. The compact row leaves out ✓.
 */
function rowsOf(items: PlannedItem[], opts: RenderOptions): Map<string, { full: Button[]; compact: Button[] }> {
  const commitDay = opts.calendar.nextWorkingDay(localDate(opts.at));
  const byCode = groupBy(items, (i) => i.attention.dossier.code);
  const rows = new Map<string, { full: Button[]; compact: Button[] }>();
  for (const [code, list] of byCode) {
    const short = code.slice(code.lastIndexOf('-', code.lastIndexOf('-') - 1) + 1);
    const mine = list.some((i) => OWN.has(i.stage));
    const letter = list.some((i) => i.stage === 'due_soon' || (!mine && LETTER_ESCALATIONS.has(i.stage)));
    const row: Button[] = [];
    const commitText = t('alert-button-commit', { code: short, date: formatDate(new Date(`${commitDay}T12:00:00+07:00`)) });
    if (mine) row.push({ text: commitText, data: `ack:${code}:${commitDay.replaceAll('-', '')}` });
    if (letter) row.push({ text: t('alert-button-apology', { code: short }), data: `xl:${code}` });
    if (mine) row.push({ text: t('alert-button-more', { code: short }), data: `hen:${code}` });
    if (row.length > 0) rows.set(code, { full: row, compact: row.filter((b) => !b.data.startsWith('ack:')) });
  }
  return rows;
}
