// dunghan token create <source> | revoke <id> | list: bearer tokens of the ingest API.
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/translate.ts';
import { createToken, listTokens, revokeToken, SOURCE_NAME } from '../../ingest/tokens.ts';
import { parse, parseInteger } from '../args.ts';
import { CliError, UsageError, withDatabase, type CliCommand, type CliContext } from '../context.ts';

export const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'cli-token-summary',
  usage: 'cli-token-usage',
  async run(ctx) {
    const [sub, ...args] = ctx.args;
    const run = sub ? SUBCOMMANDS.get(sub) : undefined;
    if (!run) throw new UsageError(t('cli-token-usage'));
    return run({ ...ctx, args });
  },
};

const SUBCOMMANDS = new Map<string, (ctx: CliContext) => Promise<number>>(Object.entries({ create, revoke, list }));

async function create(ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(ctx.args, { json: { type: 'boolean' } }, t('cli-token-usage'));
  if (positionals.length !== 1) throw new UsageError(t('cli-token-usage'));
  const source = positionals[0]!;
  if (!SOURCE_NAME.test(source)) throw new UsageError(t('token-bad-source', { source }));
  return withDatabase(ctx, async ({ database: { db } }) => {
    const { id, token } = await createToken(db, source, 'cli', ctx.clock.now());
    ctx.out(values.json ? JSON.stringify({ id, source, token }) : t('token-created', { id: String(id), source, token }));
    return 0;
  });
}

async function revoke(ctx: CliContext): Promise<number> {
  const { positionals } = parse(ctx.args, {}, t('cli-token-usage'));
  if (positionals.length !== 1) throw new UsageError(t('cli-token-usage'));
  const id = parseInteger(positionals[0]!, 'id', 1, 2_147_483_647);
  return withDatabase(ctx, async ({ database: { db } }) => {
    const r = await revokeToken(db, id, 'cli', ctx.clock.now());
    if (r.kind === 'missing') throw new CliError(t('token-not-found', { id: String(id) }));
    ctx.out(r.kind === 'revoked' ? t('token-revoked', { id: String(id), source: r.source }) : t('token-already-revoked', { id: String(id), at: formatDateTime(r.at) }));
    return 0;
  });
}

async function list(ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(ctx.args, { json: { type: 'boolean' } }, t('cli-token-usage'));
  if (positionals.length > 0) throw new UsageError(t('cli-token-usage'));
  return withDatabase(ctx, async ({ database: { db } }) => {
    const tokens = await listTokens(db);
    if (values.json) {
      ctx.out(JSON.stringify(tokens.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null, revokedAt: k.revokedAt?.toISOString() ?? null }))));
      return 0;
    }
    if (tokens.length === 0) ctx.out(t('token-list-empty'));
    for (const k of tokens) {
      ctx.out(t('token-list-line', {
        id: String(k.id), source: k.source, created: formatDateTime(k.createdAt), by: k.createdBy,
        used: k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t('token-never-used'),
        state: k.revokedAt ? t('token-revoked-state', { at: formatDateTime(k.revokedAt) }) : t('token-active'),
      }));
    }
    return 0;
  });
}
