// Which unit and period a command is about: "/tiendo xã Bình Sơn tháng 11", a button, or the
// asker's defaults. Units are matched only among those the asker may see, so an out-of-scope
// unit reads exactly like one that does not exist.
import { localDate } from '../calendar/time.ts';
import { formatLocalDate } from '../i18n/format.ts';
import { t } from '../i18n/translate.ts';
import type { Period } from '../rates/period.ts';
import type { UnitNode } from '../org/tree.ts';
import { splitUnitAndPeriod } from './parse/args.ts';
import { isPeriodError, parsePeriod } from './parse/period.ts';
import { matchUnit } from './parse/units.ts';
import type { OfficialContext } from './types.ts';
import type { Message } from '../core/message.ts';

/** Period presets offered as buttons; resolved when pressed, so "this week" stays this week. */
export const PRESETS = { w: 'tuần này', m: 'tháng này', q: 'quý này', y: 'năm nay' } as const;
export type PresetKey = keyof typeof PRESETS;
export const PRESET_LABELS: Record<PresetKey, string> = { w: 'preset-week', m: 'preset-month', q: 'preset-quarter', y: 'preset-year' };

export interface Target {
  unit: UnitNode;
  period: Period;
  /** How to ask for the same period again from a button: a preset key or "c<from><to>". */
  periodKey: string;
}

export function presetPeriod(key: string, at: Date): Period | null {
  // Object.hasOwn: "constructor" or "toString" in button data is no preset.
  if (Object.hasOwn(PRESETS, key)) {
    const p = parsePeriod(PRESETS[key as PresetKey], at);
    return p && !isPeriodError(p) ? { from: p.from, to: p.to } : null;
  }
  const m = /^c(\d{4})(\d{2})(\d{2})(\d{4})(\d{2})(\d{2})$/.exec(key);
  if (!m) return null;
  const from = `${m[1]}-${m[2]}-${m[3]}`;
  const to = `${m[4]}-${m[5]}-${m[6]}`;
  const today = localDate(at);
  return from <= to && to <= today ? { from, to } : null;
}

export const periodKeyOf = (p: Period): string => `c${p.from.replaceAll('-', '')}${p.to.replaceAll('-', '')}`;

export const periodLabel = (p: Period): string => t('period-label', { from: formatLocalDate(p.from), to: formatLocalDate(p.to) });

/** Resolves "[đơn vị] [kỳ]"; returns a reply instead when the text names nothing usable. */
export function resolveTarget(ctx: OfficialContext, rest: string, defaultPeriod: PresetKey, callbackPrefix: string): Target | Message {
  const { unitText, period } = splitUnitAndPeriod(rest, ctx.now);
  if (isPeriodError(period)) return { text: t(`period-${period.error.replaceAll('_', '-')}`, { text: period.text }) };
  const chosen = period ? { from: period.from, to: period.to } : presetPeriod(defaultPeriod, ctx.now)!;
  const periodKey = period ? periodKeyOf(chosen) : defaultPeriod;
  if (unitText === '') return { unit: ctx.scope.home, period: chosen, periodKey };
  const m = matchUnit(unitText, ctx.scope.units);
  if (m.kind === 'match') return { unit: m.unit, period: chosen, periodKey };
  if (m.kind === 'ambiguous') {
    return {
      text: t('unit-ambiguous', { text: unitText }),
      buttons: m.candidates.slice(0, 6).map((u) => [{ text: u.name, data: `${callbackPrefix}:${u.code}:${periodKey}` }]),
    };
  }
  if (m.suggestions.length === 0) return { text: t('unit-unknown', { text: unitText }) };
  return {
    text: t('unit-unknown-suggest', { text: unitText, suggestions: m.suggestions.map((u) => u.name).join(', ') }),
    buttons: m.suggestions.map((u) => [{ text: u.name, data: `${callbackPrefix}:${u.code}:${periodKey}` }]),
  };
}

/** A unit from a button, if the asker may still see it. */
export function unitFromButton(ctx: OfficialContext, code: string | undefined): UnitNode | null {
  const unit = code ? ctx.tree.byCode.get(code) : undefined;
  return unit && ctx.scope.unitIds.has(unit.id) ? unit : null;
}
