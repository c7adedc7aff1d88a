// dunghan digest --dry-run | --send | targets …: the weekly digest from the command line.
import { writeFileSync } from 'node:fs';
import { composeDigest } from '../../digest/compose.ts';
import { DigestBuilder, type DigestKind } from '../../digest/data.ts';
import { ChartRenderer } from '../../digest/images.ts';
import { planDigests, runDigest } from '../../digest/run.ts';
import { addTarget, listTargets, parseGroup, removeTarget, type GroupChange, type TargetRecipient, type TargetRow } from '../../digest/targets.ts';
import { formatInt } from '../../i18n/format.ts';
import { t } from '../../i18n/translate.ts';
import { RateReports } from '../../rates/rates.ts';
import { lastWeek } from '../../rates/period.ts';
import { loadUnitTree } from '../../org/tree.ts';
import { parse, parseInstant } from '../args.ts';
import { CliError, UsageError, withDatabase, type CliCommand, type CliContext, type Opened } from '../context.ts';
import type { Services } from '../../core/services.ts';

export const digestCommand: CliCommand = {
  name: 'digest',
  summary: 'cli-digest-summary',
  usage: 'cli-digest-usage',
  async run(ctx) {
    if (ctx.args[0] === 'targets') return targets({ ...ctx, args: ctx.args.slice(1) });
    const usage = t('cli-digest-usage');
    const { values, positionals } = parse(ctx.args, {
      'dry-run': { type: 'boolean' }, send: { type: 'boolean' }, at: { type: 'string' }, unit: { type: 'string' }, area: { type: 'string' }, out: { type: 'string' },
    }, usage);
    if (positionals.length > 0 || values['dry-run'] === values.send || (values.unit && values.area)) throw new UsageError(`${t('digest-mode-needed')}\n${usage}`);
    const at = values.at ? parseInstant(values.at, '--at') : ctx.clock.now();
    return withDatabase(ctx, async (services) => {
      if (values.send) return send(ctx, services, at);
      return dryRun(ctx, services, at, values.unit ? ['unit', values.unit] : ['area', values.area ?? null], values.out);
    });
  },
};

async function dryRun(ctx: CliContext, services: Services, at: Date, [kind, code]: [DigestKind, string | null], out: string | undefined): Promise<number> {
  const { db } = services.database;
  const [tree, calendar] = await Promise.all([loadUnitTree(db), services.loadCalendar()]);
  const unit = code === null ? tree.roots()[0] : tree.byCode.get(code);
  if (!unit) throw new CliError(code === null ? t('stats-no-units') : t('cli-unknown-unit', { code }));
  const rates = new RateReports(services.database, calendar, tree, services.ratesCache);
  const builder = new DigestBuilder({ db, rates, tree, calendar }, at);
  const week = lastWeek(at);
  const digest = await composeDigest(builder, kind, unit, week);
  ctx.out(digest.text);
  if (out) {
    const chart = await new ChartRenderer().chart(digest.chart);
    writeFileSync(out, chart.png);
    ctx.err(t('digest-dry-chart', { file: out, width: String(chart.width), height: String(chart.height) }));
  }
  const plan = await planDigests(services, at, week);
  const messages = plan.digests.reduce((n, d) => n + d.recipients.length, 0);
  ctx.err(t('digest-dry-plan', { week: plan.isoWeek, messages, messagesText: formatInt(messages), charts: String(new Set(plan.digests.map((d) => d.chartKey)).size) }));
  return 0;
}

async function send(ctx: CliContext, services: Services, at: Date): Promise<number> {
  const r = await runDigest(services, at, { actor: 'cli' });
  if (r.status === 'busy') throw new CliError(t('digest-send-busy', { week: r.isoWeek }));
  if (r.status === 'already_sent') ctx.out(t('digest-send-already', { week: r.isoWeek }));
  else ctx.out(t('digest-send-done', { week: r.isoWeek, enqueued: formatInt(r.enqueued), existing: formatInt(r.existing), unreachable: formatInt(r.unreachable) }));
  return 0;
}

async function targets(ctx: CliContext): Promise<number> {
  const usage = t('cli-digest-usage');
  const [sub, ...args] = ctx.args;
  const { values, positionals } = parse(args, { official: { type: 'string' }, group: { type: 'string' }, title: { type: 'string' }, unit: { type: 'string' }, json: { type: 'boolean' } }, usage);
  if (positionals.length > 0) throw new UsageError(usage);
  if (sub === 'list') return withDatabase(ctx, (o) => list(ctx, o, values.json === true));
  if (sub !== 'add' && sub !== 'remove') throw new UsageError(usage);
  if ((values.official === undefined) === (values.group === undefined)) throw new UsageError(`${t('digest-target-needs-one')}\n${usage}`);
  let recipient: TargetRecipient;
  if (values.official !== undefined) {
    recipient = { kind: 'official', code: values.official };
  } else {
    const g = parseGroup(values.group!);
    if (!g) throw new UsageError(t('digest-target-bad-group', { value: values.group! }));
    recipient = { kind: 'group', ...g, ...(values.title ? { title: values.title } : {}) };
  }
  return withDatabase(ctx, async ({ database: { db } }) => {
    // Named as they are before the change (removing may unregister the group).
    let who: string;
    if (recipient.kind === 'official') {
      who = t('digest-who-official', { code: recipient.code, name: (await db.official.findUnique({ where: { code: recipient.code } }))?.fullName ?? '' });
    } else {
      const { channel, externalId } = recipient;
      const known = await db.chatGroup.findUnique({ where: { channel_externalId: { channel, externalId } } });
      who = t('digest-who-group', { channel, externalId, title: recipient.title ?? known?.title ?? externalId });
    }
    const result = sub === 'add'
      ? await addTarget(db, recipient, values.unit ?? null, 'cli', ctx.clock.now())
      : await removeTarget(db, recipient, values.unit, 'cli', ctx.clock.now());
    if (result.status === 'unknown_official') throw new CliError(t('console-unknown-official', { code: values.official! }));
    if (result.status === 'unknown_unit') throw new CliError(t('cli-unknown-unit', { code: values.unit! }));
    const tree = await loadUnitTree(db);
    const unitName = (code: string | null) => (code === null ? (tree.roots()[0]?.name ?? '') : (tree.byCode.get(code)?.name ?? code));
    if (result.status === 'not_found') {
      const unit = values.unit;
      throw new CliError(unit === undefined ? t('digest-target-not-found-any', { who }) : t('digest-target-not-found', { who, unit: unitName(unit) }));
    }
    const lines = result.status === 'removed'
      ? result.units.map((u) => t('digest-target-removed', { who, unit: unitName(u) }))
      : [t(result.status === 'added' ? 'digest-target-added' : 'digest-target-exists', { who, unit: unitName(result.unit) })];
    if (result.group) lines.push(groupChangeLine(result.group, unitName));
    ctx.out(lines.join('\n'));
    return 0;
  });
}

/** One line saying what happened to the group itself (registered, turned back on, unregistered, or kept). */
function groupChangeLine(g: GroupChange, unitName: (code: string | null) => string): string {
  const group = t('digest-group-name', { channel: g.channel, externalId: g.externalId, title: g.title });
  const scope = g.unit === null ? t('digest-group-scope-asker') : t('digest-group-scope-unit', { unit: unitName(g.unit) });
  return t(`digest-group-${g.change}`, { group, channel: g.channel, externalId: g.externalId, scope, detail: g.detailAllowed ? 'yes' : 'no' });
}

async function list(ctx: CliContext, { database: { db } }: Opened, json: boolean): Promise<number> {
  const rows = await listTargets(db);
  if (json) {
    ctx.out(JSON.stringify(rows));
    return 0;
  }
  if (rows.length === 0) {
    ctx.out(t('digest-targets-empty'));
    return 0;
  }
  const tree = await loadUnitTree(db);
  const rootName = tree.roots()[0]?.name ?? '';
  ctx.out(t('digest-targets-title'));
  for (const r of rows) ctx.out(t('digest-target-line', { id: String(r.id), who: whoOf(r), unit: r.unit === null ? rootName : (tree.byCode.get(r.unit)?.name ?? r.unit) }));
  return 0;
}

function whoOf(r: TargetRow): string {
  const rec = r.recipient;
  if (!rec) return '–';
  const who = rec.kind === 'official'
    ? t('digest-who-official', { code: rec.code, name: rec.name })
    : t('digest-who-group', { channel: rec.channel, externalId: rec.externalId, title: rec.title });
  return rec.active ? who : t('digest-who-inactive', { who });
}
