// /quahan [đơn vị] and /sapden [đơn vị]: the dossiers that need attention, ten per page, with
// buttons to page through them. Group chats get counts per unit only, unless allowed detail.
import { attentionList, type AttentionItem, type AttentionKind } from '../../dossiers/attention-list.ts';

type ListKind = Exclude<AttentionKind, 'both'>;
import { shorten, stateText } from '../../dossiers/presentation.ts';
import { formatDate, formatInt } from '../../i18n/format.ts';
import { t } from '../../i18n/translate.ts';
import type { UnitNode } from '../../org/tree.ts';
import { splitUnitAndPeriod } from '../parse/args.ts';
import { resolveTarget, unitFromButton } from '../target.ts';
import type { OfficialContext } from '../types.ts';
import type { Button, Message } from '../../core/message.ts';

const PAGE_SIZE = 10;
const PREFIX: Record<ListKind, string> = { overdue: 'qh', due_soon: 'sd' };
const TITLES: Record<ListKind, { title: string; none: string }> = {
  overdue: { title: 'quahan-title', none: 'quahan-none' },
  due_soon: { title: 'sapden-title', none: 'sapden-none' },
};

export function listCommand(kind: ListKind) {
  return async (ctx: OfficialContext, rest: string): Promise<Message> => {
    // Lists have no period: whatever follows the command names the unit.
    const target = resolveTarget(ctx, splitUnitAndPeriod(rest, ctx.now).unitText, 'y', PREFIX[kind]);
    return 'text' in target ? target : page(ctx, kind, target.unit, 1);
  };
}

/** Buttons: qh|sd:<unit code>:<page>. */
export function listButton(kind: ListKind) {
  return async (ctx: OfficialContext, args: string[]): Promise<Message | null> => {
    const unit = unitFromButton(ctx, args[0]);
    const n = Number(args[1] ?? '1');
    return unit && Number.isInteger(n) && n >= 1 ? page(ctx, kind, unit, n) : null;
  };
}

async function page(ctx: OfficialContext, kind: ListKind, unit: UnitNode, n: number): Promise<Message> {
  const unitIds = ctx.tree.subtree(unit.id).map((u) => u.id);
  const items = await attentionList(ctx.database.db, {
    unitIds, kind, now: ctx.now, calendar: ctx.calendar, tree: ctx.tree, dueSoonWorkingDays: ctx.config.DUE_SOON_WORKING_DAYS,
  });
  const { title, none } = TITLES[kind];
  if (items.length === 0) return { text: t(none, { unit: unit.name }) };
  const header = t(title, { unit: unit.name, count: formatInt(items.length) });
  if (ctx.group && !ctx.group.detail) return { text: [header, ...summary(ctx, items), '', t('chat-group-no-detail')].join('\n') };

  const pages = Math.ceil(items.length / PAGE_SIZE);
  const current = Math.min(n, pages);
  const procedures = new Map((await ctx.database.db.procedure.findMany({ select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  const lines = items.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((x, i) =>
    t('list-line', {
      n: String((current - 1) * PAGE_SIZE + i + 1),
      code: x.dossier.code,
      procedure: shorten(procedures.get(x.dossier.procedureId) ?? '', 60),
      unit: ctx.tree.byId.get(x.dossier.unitId)?.name ?? '',
      due: formatDate(x.state.effectiveDueAt),
      state: stateText(x.state),
    }),
  );
  const nav: Button[] = [];
  if (current > 1) nav.push({ text: t('list-prev'), data: `${PREFIX[kind]}:${unit.code}:${current - 1}` });
  if (current < pages) nav.push({ text: t('list-next'), data: `${PREFIX[kind]}:${unit.code}:${current + 1}` });
  const footer = pages > 1 ? ['', t('list-page', { page: String(current), pages: String(pages) })] : [];
  return { text: [header, '', ...lines, ...footer].join('\n'), ...(nav.length > 0 ? { buttons: [nav] } : {}) };
}

/** Counts per handling unit, for group chats. */
function summary(ctx: OfficialContext, items: AttentionItem[]): string[] {
  const counts = new Map<number, number>();
  for (const x of items) counts.set(x.dossier.unitId, (counts.get(x.dossier.unitId) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([id, count]) => t('list-summary-line', { unit: ctx.tree.byId.get(id)?.name ?? '', count: formatInt(count) }));
}
