// /tiendo [đơn vị] [kỳ]: the official rates (Decision 766) with the II.06a buckets, the change
// since the previous period and the unit's rank among its peers (public, like /xephang).
import { formatDateTime, formatInt, formatPercent } from '../../i18n/format.ts';
import { dataStaleness } from '../../dossiers/freshness.ts';
import { t } from '../../i18n/translate.ts';
import type { UnitReport } from '../../rates/rates.ts';
import type { UnitNode } from '../../org/tree.ts';
import { PRESET_LABELS, PRESETS, periodLabel, presetPeriod, resolveTarget, unitFromButton, type PresetKey, type Target } from '../target.ts';
import type { OfficialContext } from '../types.ts';
import type { Button, Message } from '../../core/message.ts';

export async function tiendo(ctx: OfficialContext, rest: string): Promise<Message> {
  const target = resolveTarget(ctx, rest, 'y', 'td');
  return 'text' in target ? target : answer(ctx, target);
}

/** Buttons: td:<unit code>:<period key>. */
export async function tiendoButton(ctx: OfficialContext, args: string[]): Promise<Message | null> {
  const unit = unitFromButton(ctx, args[0]);
  const period = args[1] ? presetPeriod(args[1], ctx.now) : null;
  return unit && period ? answer(ctx, { unit, period, periodKey: args[1]! }) : null;
}

async function answer(ctx: OfficialContext, target: Target): Promise<Message> {
  const { current, previous, ranking, children } = await ctx.rates.report(target.unit.id, target.period, ctx.now, true);
  const lines = [t('tiendo-title', { unit: target.unit.name }), t('tiendo-period', { period: periodLabel(target.period), at: formatDateTime(current.end) })];
  const fresh = await dataStaleness(ctx.database.db, { now: ctx.now, calendar: ctx.calendar, staleAfterWorkingDays: ctx.config.STALE_AFTER_WORKING_DAYS });
  if (fresh.last) lines.push(t(fresh.stale ? 'tiendo-data-stale' : 'tiendo-data-as-of', { at: formatDateTime(fresh.last.at), source: fresh.last.source }));
  lines.push('');
  const b = current.buckets;
  if (b.received + b.finished + b.inProgress + b.inProgressOverdue + b.waitingSupplement === 0) {
    lines.push(t('tiendo-empty'));
  } else {
    lines.push(
      t('tiendo-rates', {
        onTime: formatPercent(current.rates.onTimeRate),
        delta: delta(current, previous),
        online: formatPercent(current.rates.onlineRate),
        digitized: formatPercent(current.rates.digitizedRate),
        satisfaction: formatPercent(current.rates.satisfactionRate),
      }),
      '',
      t('tiendo-received', {
        received: formatInt(b.received),
        online: formatInt(b.receivedOnline),
        direct: formatInt(b.received - b.receivedOnline - b.receivedPostal),
        postal: formatInt(b.receivedPostal),
        carried: formatInt(current.carriedOver),
      }),
      t('tiendo-finished', { finished: formatInt(b.finished), early: formatInt(b.finishedEarly), onTime: formatInt(b.finishedOnTime), late: formatInt(b.finishedLate) }),
      t('tiendo-open', { inProgress: formatInt(b.inProgress), overdue: formatInt(b.inProgressOverdue), waiting: formatInt(b.waitingSupplement) }),
      t('tiendo-payment', { count: formatInt(b.paidOnline), amount: formatInt(b.paidAmount) }),
    );
    const me = ranking.find((r) => r.unit.id === target.unit.id);
    if (me && ranking.length > 1) lines.push(t('tiendo-rank', { rank: String(me.rank), total: String(ranking.length), kind: t(`kind-${target.unit.kind}`) }));
  }
  return { text: lines.join('\n'), buttons: buttons(target, children.map((c) => c.unit)) };
}

function delta(current: UnitReport, previous: UnitReport): string {
  const now = current.rates.onTimeRate;
  const before = previous.rates.onTimeRate;
  if (now === null || before === null) return t('tiendo-delta-none');
  const points = Math.round((now - before) * 100) / 100;
  if (points === 0) return t('tiendo-delta-same');
  const text = formatPercent(Math.abs(points)).replace('%', '');
  return t(points > 0 ? 'tiendo-delta-up' : 'tiendo-delta-down', { points: text });
}

function buttons(target: Target, drillDown: UnitNode[]): Button[][] {
  const periods = (Object.keys(PRESETS) as PresetKey[])
    .filter((k) => k !== target.periodKey)
    .map((k) => ({ text: t(PRESET_LABELS[k]), data: `td:${target.unit.code}:${k}` }));
  const children = drillDown.slice(0, 8).map((c) => ({ text: c.name, data: `td:${c.code}:${target.periodKey}` }));
  const rows: Button[][] = [periods];
  for (let i = 0; i < children.length; i += 2) rows.push(children.slice(i, i + 2));
  return rows;
}
