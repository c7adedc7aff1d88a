// /xephang [đơn vị] [kỳ]: units ranked by on-time rate. Leaders see the units under them by kind;
// a unit with nothing under it sees where it stands among its peers. Peer rankings are public (in
// private chats and groups alike): the names, on-time rates and volumes of the units of the same
// kind under the same parent, even outside the asker's scope; nothing else of those units is shown.
import { formatInt, formatPercent } from '../../i18n/format.ts';
import { t } from '../../i18n/translate.ts';
import type { RankingRow } from '../../rates/rates.ts';
import type { Period } from '../../rates/period.ts';
import { periodLabel, presetPeriod, resolveTarget } from '../target.ts';
import type { OfficialContext } from '../types.ts';
import type { Message } from '../../core/message.ts';

export async function xephang(ctx: OfficialContext, rest: string): Promise<Message> {
  const target = resolveTarget(ctx, rest, 'y', 'xh');
  return 'text' in target ? target : answer(ctx, target.unit.id, target.period);
}

/** Buttons: xh:<unit code>:<period key>. */
export async function xephangButton(ctx: OfficialContext, args: string[]): Promise<Message | null> {
  const unit = args[0] ? ctx.tree.byCode.get(args[0]) : undefined;
  const period = args[1] ? presetPeriod(args[1], ctx.now) : null;
  return unit && period && ctx.scope.unitIds.has(unit.id) ? answer(ctx, unit.id, period) : null;
}

async function answer(ctx: OfficialContext, unitId: number, period: Period): Promise<Message> {
  const groups = await ctx.rates.ranking(unitId, period, ctx.now, true);
  const lines = [t('xephang-title', { period: periodLabel(period) })];
  if (groups.length > 0) {
    for (const g of groups) lines.push('', t('xephang-group', { kind: t(`kind-${g.kind}`) }), ...g.rows.map(line));
    return { text: lines.join('\n') };
  }
  const { ranking } = await ctx.rates.report(unitId, period, ctx.now, true);
  if (ranking.length === 0) return { text: [...lines, t('xephang-none')].join('\n') };
  return { text: [...lines, '', ...ranking.map(line)].join('\n') };
}

const line = (r: RankingRow): string =>
  t('xephang-line', { rank: String(r.rank), unit: r.unit.name, rate: formatPercent(r.onTimeRate), handled: formatInt(r.handled) });
