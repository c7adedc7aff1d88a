// /baocao [đơn vị] [tuần này|tuần trước|tháng …]: the asker's digest on demand, with its chart.
// Leaders, the reform office and admins get the area digest of the unit (their whole scope by
// default); everyone else the digest of the unit among its peers. Last week by default.
import { t } from '../../i18n/translate.ts';
import { lastWeek, type Period } from '../../rates/period.ts';
import { AREA_VIEWER_ROLES, hasRole } from '../../org/roles.ts';
import type { UnitNode } from '../../org/tree.ts';
import { composeDigest } from '../../digest/compose.ts';
import { DigestBuilder, type DigestKind } from '../../digest/data.ts';
import { sharedCharts } from '../../digest/images.ts';
import { splitUnitAndPeriod } from '../parse/args.ts';
import { isPeriodError } from '../parse/period.ts';
import { matchUnit } from '../parse/units.ts';
import { periodKeyOf, presetPeriod, unitFromButton } from '../target.ts';
import type { OfficialContext } from '../types.ts';
import type { Button, Message } from '../../core/message.ts';

const LAST_WEEK = 'lw';

export async function baocao(ctx: OfficialContext, rest: string): Promise<Message> {
  const { unitText, period } = splitUnitAndPeriod(rest, ctx.now);
  if (isPeriodError(period)) return { text: t(`period-${period.error.replaceAll('_', '-')}`, { text: period.text }) };
  const chosen = period ? { from: period.from, to: period.to } : lastWeek(ctx.now);
  const key = period ? periodKeyOf(chosen) : LAST_WEEK;
  if (unitText === '') return answer(ctx, ctx.scope.home, chosen);
  const m = matchUnit(unitText, ctx.scope.units);
  if (m.kind === 'match') return answer(ctx, m.unit, chosen);
  const choices = (units: UnitNode[]) => units.slice(0, 6).map((u) => [{ text: u.name, data: `bc:${u.code}:${key}` }]);
  if (m.kind === 'ambiguous') return { text: t('unit-ambiguous', { text: unitText }), buttons: choices(m.candidates) };
  if (m.suggestions.length === 0) return { text: t('unit-unknown', { text: unitText }) };
  return { text: t('unit-unknown-suggest', { text: unitText, suggestions: m.suggestions.map((u) => u.name).join(', ') }), buttons: choices(m.suggestions) };
}

/** Buttons: bc:<unit code>:<lw | preset key | c<from><to>>. */
export async function baocaoButton(ctx: OfficialContext, args: string[]): Promise<Message | null> {
  const unit = unitFromButton(ctx, args[0]);
  const period = args[1] === LAST_WEEK ? lastWeek(ctx.now) : args[1] ? presetPeriod(args[1], ctx.now) : null;
  return unit && period ? answer(ctx, unit, period) : null;
}

async function answer(ctx: OfficialContext, unit: UnitNode, period: Period): Promise<Message> {
  const kind: DigestKind = hasRole(AREA_VIEWER_ROLES, ctx.viewer.role) ? 'area' : 'unit';
  const builder = new DigestBuilder({ db: ctx.database.db, rates: ctx.rates, tree: ctx.tree, calendar: ctx.calendar }, ctx.now);
  const digest = await composeDigest(builder, kind, unit, period);
  const chart = await sharedCharts.chart(digest.chart);
  const periods: Button[] = [
    { text: t('preset-week'), data: `bc:${unit.code}:w` },
    { text: t('baocao-last-week'), data: `bc:${unit.code}:${LAST_WEEK}` },
    { text: t('preset-month'), data: `bc:${unit.code}:m` },
  ];
  return { text: digest.text, image: { png: chart.png, caption: digest.caption }, buttons: [periods] };
}
