// dunghan telegram check | link <official> [--hours 72] [--at ISO] | groups list|add|remove: the Telegram bot from the
// command line. Group ids are negative numbers, which parseArgs would take for options, so they
// are picked out of the arguments first.
import { telegramApi } from '../../channels/telegram/api.ts';
import { logged } from '../../channels/telegram/errors.ts';
import type { Config } from '../../config.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/translate.ts';
import { createInvite, INVITE_HOURS } from '../../org/invites.ts';
import { parse, parseInstant, parseInteger } from '../args.ts';
import { CliError, UsageError, withDatabase, type CliCommand, type CliContext } from '../context.ts';
import { loadConfig } from '../../config.ts';

export const telegramCommand: CliCommand = {
  name: 'telegram',
  summary: 'cli-telegram-summary',
  usage: 'cli-telegram-usage',
  async run(ctx) {
    const [sub, ...args] = ctx.args;
    if (sub === 'groups') {
      const [action, ...rest] = args;
      const run = action ? GROUPS.get(action) : undefined;
      if (!run) throw new UsageError(t('cli-telegram-usage'));
      return run({ ...ctx, args: rest });
    }
    const run = sub ? SUBCOMMANDS.get(sub) : undefined;
    if (!run) throw new UsageError(t('cli-telegram-usage'));
    return run({ ...ctx, args });
  },
};

const SUBCOMMANDS = new Map<string, (ctx: CliContext) => Promise<number>>(Object.entries({ check, link }));
const GROUPS = new Map<string, (ctx: CliContext) => Promise<number>>(Object.entries({ list, add, remove }));

type Telegram = NonNullable<Config['telegram']>;

function telegramConfig(ctx: CliContext): Telegram {
  const tg = loadConfig(ctx.env, ctx.cwd).telegram;
  if (!tg) throw new CliError(t('telegram-not-configured'));
  return tg;
}

/** The bot's @username, or the (token-free) reason it could not be read. */
async function botUsername(tg: Telegram): Promise<{ username: string } | { error: string }> {
  try {
    const me = await telegramApi(tg.token, { apiRoot: tg.apiRoot, timeoutSeconds: 10 }).getMe();
    return { username: me.username };
  } catch (e) {
    return { error: logged(e, tg.token).error };
  }
}

async function check(ctx: CliContext): Promise<number> {
  if (ctx.args.length > 0) throw new UsageError(t('cli-telegram-usage'));
  const tg = telegramConfig(ctx);
  const me = await botUsername(tg);
  if ('error' in me) {
    ctx.err(t('telegram-check-failed', { apiRoot: tg.apiRoot, error: me.error }));
    return 1;
  }
  ctx.out(t('telegram-check-ok', { username: me.username, apiRoot: tg.apiRoot }));
  return 0;
}

async function link(ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(ctx.args, { hours: { type: 'string' }, at: { type: 'string' } }, t('cli-telegram-usage'));
  if (positionals.length !== 1) throw new UsageError(t('cli-telegram-usage'));
  const hours = values.hours ? parseInteger(values.hours, '--hours', 1, 24 * 30) : INVITE_HOURS;
  const validFrom = values.at ? parseInstant(values.at, '--at') : undefined;
  const tg = telegramConfig(ctx);
  return withDatabase(ctx, async ({ database: { db } }) => {
    const official = await db.official.findUnique({ where: { code: positionals[0]! } });
    if (!official?.active) throw new CliError(t('console-unknown-official', { code: positionals[0]! }));
    const { code, expiresAt } = await createInvite(db, official.id, { now: ctx.clock.now(), validFrom, hours, createdBy: 'cli' });
    const args = { name: official.fullName, title: official.title, code, until: formatDateTime(expiresAt) };
    const me = await botUsername(tg);
    if ('error' in me) ctx.out(t('telegram-link-no-bot', { ...args, error: me.error }));
    else ctx.out(t('telegram-link-created', { ...args, link: `https://t.me/${me.username}?start=${code}` }));
    return 0;
  });
}

/** Splits off negative chat ids ("-100…") before parseArgs sees them. */
function chatIds(args: string[]): { ids: string[]; rest: string[] } {
  const ids = args.filter((a) => /^-\d{1,20}$/.test(a));
  return { ids, rest: args.filter((a) => !ids.includes(a)) };
}

function oneChatId(ctx: CliContext, positionals: string[], ids: string[]): string {
  const all = [...ids, ...positionals];
  if (all.length !== 1) throw new UsageError(t('cli-telegram-usage'));
  if (!/^-\d{1,20}$/.test(all[0]!)) throw new UsageError(t('telegram-bad-chat-id', { value: all[0]! }));
  return all[0]!;
}

async function list(ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(ctx.args, { json: { type: 'boolean' } }, t('cli-telegram-usage'));
  if (positionals.length > 0) throw new UsageError(t('cli-telegram-usage'));
  return withDatabase(ctx, async ({ database: { db } }) => {
    const groups = await db.chatGroup.findMany({ where: { channel: 'telegram' }, orderBy: { id: 'asc' } });
    const units = new Map((await db.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.id, u.code]));
    if (values.json) {
      ctx.out(JSON.stringify(groups.map((g) => ({ id: g.externalId, title: g.title, unit: g.unitId === null ? null : units.get(g.unitId) ?? null, detailAllowed: g.detailAllowed, active: g.active }))));
      return 0;
    }
    if (groups.length === 0) ctx.out(t('telegram-groups-empty'));
    for (const g of groups) {
      ctx.out(t('telegram-groups-line', {
        id: g.externalId, title: g.title, unit: g.unitId === null ? '–' : units.get(g.unitId) ?? '–',
        detail: t(g.detailAllowed ? 'telegram-group-detail-yes' : 'telegram-group-detail-no'),
        active: t(g.active ? 'telegram-group-active' : 'telegram-group-inactive'),
      }));
    }
    return 0;
  });
}

async function add(ctx: CliContext): Promise<number> {
  const { ids, rest } = chatIds(ctx.args);
  const { values, positionals } = parse(rest, { title: { type: 'string' }, unit: { type: 'string' }, detail: { type: 'boolean' } }, t('cli-telegram-usage'));
  const id = oneChatId(ctx, positionals, ids);
  return withDatabase(ctx, async ({ database: { db } }) => {
    const unit = values.unit ? await db.unit.findUnique({ where: { code: values.unit }, select: { id: true } }) : null;
    if (values.unit && !unit) throw new CliError(t('cli-unknown-unit', { code: values.unit }));
    const now = ctx.clock.now();
    const existing = await db.chatGroup.findUnique({ where: { channel_externalId: { channel: 'telegram', externalId: id } } });
    const title = values.title ?? existing?.title ?? id;
    const detailAllowed = values.detail === true;
    const data = { title, detailAllowed, active: true, ...(unit ? { unitId: unit.id } : {}) };
    await db.chatGroup.upsert({
      where: { channel_externalId: { channel: 'telegram', externalId: id } },
      create: { channel: 'telegram', externalId: id, createdAt: now, ...data },
      update: data,
    });
    await db.auditLog.create({ data: { at: now, actor: 'cli', action: 'telegram.group.configured', target: id, detail: JSON.stringify({ title, unit: values.unit ?? null, detailAllowed }) } });
    ctx.out(t('telegram-group-saved', { id, title, detail: t(detailAllowed ? 'telegram-group-detail-yes' : 'telegram-group-detail-no') }));
    return 0;
  });
}

async function remove(ctx: CliContext): Promise<number> {
  const { ids, rest } = chatIds(ctx.args);
  const { positionals } = parse(rest, {}, t('cli-telegram-usage'));
  const id = oneChatId(ctx, positionals, ids);
  return withDatabase(ctx, async ({ database: { db } }) => {
    const { count } = await db.chatGroup.updateMany({ where: { channel: 'telegram', externalId: id }, data: { active: false } });
    if (count === 0) throw new CliError(t('telegram-group-unknown', { id }));
    await db.auditLog.create({ data: { at: ctx.clock.now(), actor: 'cli', action: 'telegram.group.removed', target: id } });
    ctx.out(t('telegram-group-removed', { id }));
    return 0;
  });
}
