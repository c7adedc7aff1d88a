// The digest as people read it: a full text (under Telegram's 4096 characters) and a short
// photo caption (under 1024). Every word comes from locales/vi/digest.ftl.
import { formatDateTime, formatInt, formatLocalDate, formatPercent } from '../i18n/format.ts';
import { t } from '../i18n/translate.ts';
import type { RankingRow } from '../rates/rates.ts';
import type { Period } from '../rates/period.ts';
import { LONG_OVERDUE_WORKING_DAYS, type DigestData, type Figures } from './data.ts';

/** Telegram's limit for a photo caption. */
export const CAPTION_MAX = 1024;
/** Ranking groups longer than this show their top and bottom RANKING_ENDS only. */
const RANKING_ENDS = 3;

const range = (p: Period) => ({ from: formatLocalDate(p.from), to: formatLocalDate(p.to) });

/** The change of a rate in percentage points: "▲ 1,25 điểm", "▼ 0,50 điểm", "(không đổi)". */
export function delta(now: number | null, before: number | null): string {
  if (now === null) return '';
  if (before === null) return t('digest-delta-none');
  // From the rates as shown (two decimals), so the change always matches the numbers printed.
  const round = (x: number) => Math.round(x * 100) / 100;
  const points = round(round(now) - round(before));
  if (points === 0) return t('digest-delta-same');
  return t(points > 0 ? 'digest-delta-up' : 'digest-delta-down', { points: formatPercent(Math.abs(points)).replace('%', '') });
}

const nothing = (f: Figures): boolean => f.buckets.received + f.buckets.finished + f.buckets.inProgress + f.buckets.inProgressOverdue + f.buckets.waitingSupplement === 0;

function rateLines(now: Figures, before: Figures): string[] {
  const line = (id: string, rate: number | null, prev: number | null, none: string) =>
    t(id, { rate: rate === null ? t(none) : formatPercent(rate), delta: delta(rate, prev) }).trimEnd();
  return [
    line('digest-line-ontime', now.rates.onTimeRate, before.rates.onTimeRate, 'digest-none-handled'),
    line('digest-line-online', now.rates.onlineRate, before.rates.onlineRate, 'digest-none-received'),
    line('digest-line-digitized', now.rates.digitizedRate, before.rates.digitizedRate, 'digest-none-received'),
    line('digest-line-satisfaction', now.rates.satisfactionRate, before.rates.satisfactionRate, 'digest-none-rated'),
  ];
}

function bucketLines(f: Figures): string[] {
  const b = f.buckets;
  const open = b.inProgress + b.inProgressOverdue + b.waitingSupplement;
  return [
    t('digest-received', {
      received: b.received, receivedText: formatInt(b.received), online: formatInt(b.receivedOnline),
      direct: formatInt(b.received - b.receivedOnline - b.receivedPostal), postal: formatInt(b.receivedPostal),
      carried: f.carriedOver, carriedText: formatInt(f.carriedOver),
    }),
    t('digest-finished', { finished: b.finished, finishedText: formatInt(b.finished), early: formatInt(b.finishedEarly), onTime: formatInt(b.finishedOnTime), late: formatInt(b.finishedLate) }),
    t('digest-open', { open, inProgress: formatInt(b.inProgress), overdue: formatInt(b.inProgressOverdue), waiting: formatInt(b.waitingSupplement) }),
    t('digest-payment', { count: b.paidOnline, countText: formatInt(b.paidOnline), amount: formatInt(b.paidAmount) }),
  ];
}

function ytdLines(d: DigestData): string[] {
  const f = d.ytd;
  const head = t('digest-ytd-heading', range(d.periods.ytd));
  if (nothing(f)) return [head, t('digest-ytd-nothing')];
  return [
    head,
    t('digest-ytd-rates', {
      onTime: formatPercent(f.rates.onTimeRate), online: formatPercent(f.rates.onlineRate),
      digitized: formatPercent(f.rates.digitizedRate), satisfaction: formatPercent(f.rates.satisfactionRate),
    }),
    t('digest-ytd-counts', {
      received: formatInt(f.buckets.received), finished: formatInt(f.buckets.finished), late: formatInt(f.buckets.finishedLate), lateCount: f.buckets.finishedLate,
      paid: f.buckets.paidOnline, paidText: formatInt(f.buckets.paidOnline), amount: formatInt(f.buckets.paidAmount),
    }),
  ];
}

const rankLine = (r: RankingRow): string =>
  t('digest-ranking-line', { rank: String(r.rank), unit: r.unit.name, rate: formatPercent(r.onTimeRate), handled: formatInt(r.handled) });

/** Top and bottom RANKING_ENDS of a long group, everyone in a short one. */
function rankRows(rows: RankingRow[]): string[] {
  if (rows.length <= 2 * RANKING_ENDS) return rows.map(rankLine);
  return [...rows.slice(0, RANKING_ENDS).map(rankLine), t('digest-ranking-gap'), ...rows.slice(-RANKING_ENDS).map(rankLine)];
}

function areaRanking(d: DigestData): string[] {
  const lines = [t('digest-ranking-heading', { span: d.periods.span })];
  const groups = d.ranking.filter((g) => g.rows.length > 1);
  if (groups.length === 0) return [...lines, t('digest-ranking-none', { span: d.periods.span })];
  for (const g of groups) lines.push(t('digest-ranking-group', { kind: t(`kind-${g.kind}`), count: String(g.rows.length) }), ...rankRows(g.rows));
  return lines;
}

function unitRanking(d: DigestData): string[] {
  const rows = d.ranking[0]?.rows ?? [];
  const total = Math.max(rows.length, d.ytdRanking.length);
  if (total <= 1) return [t('digest-rank-alone', { kind: t(`kind-${d.unit.kind}`) })];
  const place = (list: RankingRow[], id: string) => {
    const me = list.find((r) => r.unit.id === d.unit.id);
    return me ? t(id, { rank: String(me.rank), total: String(list.length), span: d.periods.span }) : t(`${id}-none`, { span: d.periods.span });
  };
  return [t('digest-rank-unit', { kind: t(`kind-${d.unit.kind}`), period: place(rows, 'digest-rank-period'), ytd: place(d.ytdRanking, 'digest-rank-ytd') })];
}

function overdueLines(d: DigestData): string[] {
  const c = d.overdue;
  const lines = [t('digest-overdue', { at: formatDateTime(d.end), count: c.count, countText: formatInt(c.count), long: c.long, longText: formatInt(c.long), days: String(LONG_OVERDUE_WORKING_DAYS) })];
  if (d.kind === 'area' && d.overdueUnits.length > 0) {
    lines.push(t('digest-overdue-units'));
    for (const u of d.overdueUnits) {
      lines.push(t('digest-overdue-line', { unit: u.unit.name, countText: formatInt(u.count), long: u.long, longText: formatInt(u.long), days: String(LONG_OVERDUE_WORKING_DAYS) }));
    }
  }
  return lines;
}

export function digestText(d: DigestData): string {
  const p = range(d.periods.period);
  const lines = [
    t('digest-title', { unit: d.unit.name }),
    t('digest-period', { span: d.periods.span, ...p, at: formatDateTime(d.end) }),
    '',
    t('digest-current-heading', { span: d.periods.span }),
  ];
  if (nothing(d.current)) lines.push(t('digest-nothing', { span: d.periods.span }));
  else lines.push(...rateLines(d.current, d.previous), ...bucketLines(d.current));
  lines.push('', ...ytdLines(d), '', ...(d.kind === 'area' ? areaRanking(d) : unitRanking(d)), '', ...overdueLines(d), '', t('digest-footer'));
  return lines.join('\n');
}

/** The photo caption: what the digest is and its headline number. */
export function digestCaption(d: DigestData): string {
  const r = d.current.rates;
  const text = t('digest-caption', {
    span: d.periods.span, ...range(d.periods.period), unit: d.unit.name,
    onTime: r.onTimeRate === null ? t('digest-none-handled') : formatPercent(r.onTimeRate),
    delta: delta(r.onTimeRate, d.previous.rates.onTimeRate),
    online: r.onlineRate === null ? t('digest-none-received') : formatPercent(r.onlineRate),
  }).replace(/ +\n/g, '\n').replace(/ {2,}/g, ' ');
  return text.length <= CAPTION_MAX ? text : `${text.slice(0, CAPTION_MAX - 1)}…`;
}
