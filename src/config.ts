// The environment, parsed once at start-up by one schema. A bad value stops the process with
// one line naming the variable (Vietnamese, then English); secrets are never echoed.
import { z } from 'zod';
import { DEFAULT_WORKING_HOURS, toSpans, type Period } from './calendar/hours.ts';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl, type DatabaseTarget } from './db/url.ts';
import { translate } from './i18n/translate.ts';
import { LOG_LEVELS } from './log.ts';

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

/** "07:30-11:30,13:30-17:00" → periods, validated (ordered, not overlapping). */
const workingHours = z.string().transform((text, ctx): Period[] => {
  const periods = text.split(',').map((p) => {
    const [start = '', end = ''] = p.trim().split('-').map((x) => x.trim());
    return { start, end };
  });
  try {
    toSpans(periods);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'working hours' });
    return z.NEVER;
  }
  return periods;
});

const int = (min: number, max: number, dflt: number) => optional(z.coerce.number().int().min(min).max(max).default(dflt));
const flag = (dflt: '0' | '1') => optional(z.enum(['0', '1']).default(dflt));
/** Five-field cron (minute hour day month weekday), read in Asia/Ho_Chi_Minh. */
const cron = (dflt: string) => optional(z.string().regex(/^\s*(\S+\s+){4}\S+\s*$/).default(dflt));

const schema = z.object({
  DATABASE_URL: optional(z.string().default(DEFAULT_DATABASE_URL)),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS).default('info')),
  LOG_PRETTY: optional(z.enum(['auto', '0', '1']).default('auto')),
  DEMO_SEED: optional(z.enum(['auto', 'always', 'never']).default('auto')),
  WORKING_HOURS: optional(workingHours.default([...DEFAULT_WORKING_HOURS])),
  DUE_SOON_WORKING_DAYS: optional(z.coerce.number().int().min(0).max(10).default(1)),
  HTTP_HOST: optional(z.string().min(1).default('127.0.0.1')),
  HTTP_PORT: int(0, 65535, 8080),
  TELEGRAM_BOT_TOKEN: optional(z.string().regex(/^\d{3,}:[A-Za-z0-9_-]{20,}$/).optional()),
  TELEGRAM_API_ROOT: optional(z.url({ protocol: /^https?$/ }).default('https://api.telegram.org')),
  TELEGRAM_MODE: optional(z.enum(['polling', 'webhook']).default('polling')),
  TELEGRAM_WEBHOOK_URL: optional(z.url({ protocol: /^https$/ }).optional()),
  TELEGRAM_WEBHOOK_SECRET: optional(z.string().regex(/^[A-Za-z0-9_-]{16,256}$/).optional()),
  ZALO_CREDENTIALS_FILE: optional(z.string().optional()),
  ZALO_MIN_INTERVAL_MS: int(0, 600_000, 4000),
  ALERTS_EVERY_MINUTES: int(1, 1440, 10),
  ALERT_OVERDUE_REPEAT_DAYS: int(1, 30, 2),
  ALERT_ESCALATE_AFTER_DAYS: int(1, 60, 3),
  ALERT_INCLUDE_DEPUTIES: flag('1'),
  OUTBOX_MAX_ATTEMPTS: int(1, 50, 8),
  OUTBOX_RETENTION_DAYS: int(7, 3650, 90),
  DIGEST_CRON: cron('30 7 * * 1'),
  DIGEST_ON_HOLIDAY: optional(z.enum(['next_working_day', 'same_day', 'skip']).default('next_working_day')),
  INGEST_MAX_BODY_BYTES: int(1024, 200 * 1024 * 1024, 5 * 1024 * 1024),
  /** How far ahead an official may commit to finishing a dossier (/xacnhan, ✓ buttons), in working days. */
  COMMIT_MAX_WORKING_DAYS: int(1, 250, 30),
  STALE_AFTER_WORKING_DAYS: int(1, 30, 1),
});

/** Every variable the service reads. */
export const CONFIG_VARIABLES = Object.keys(schema.shape);

/** Variables whose values must never be printed, even in an error. */
const SECRET = new Set(['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET']);

/** Telegram off, by long polling, or by webhook (which needs its URL and secret): one of three. */
export type TelegramConfig =
  | null
  | { token: string; apiRoot: string; mode: 'polling' }
  | { token: string; apiRoot: string; mode: 'webhook'; webhookUrl: string; webhookSecret: string };

export type Config = Omit<z.infer<typeof schema>, 'DATABASE_URL'> & { database: DatabaseTarget; telegram: TelegramConfig };

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(message);
  }
}

/** Parses the environment or throws ConfigError with a bilingual one-line message. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw configError(String(issue.path[0]), env);
  }
  const database = parseDatabaseUrl(parsed.data.DATABASE_URL, cwd);
  if (!database) throw configError('DATABASE_URL', env);
  const { DATABASE_URL: _, ...rest } = parsed.data;
  return { ...rest, database, telegram: telegramConfig(rest, env) };
}

function telegramConfig(c: Omit<z.infer<typeof schema>, 'DATABASE_URL'>, env: NodeJS.ProcessEnv): TelegramConfig {
  if (!c.TELEGRAM_BOT_TOKEN) return null;
  const base = { token: c.TELEGRAM_BOT_TOKEN, apiRoot: c.TELEGRAM_API_ROOT.replace(/\/+$/, '') };
  if (c.TELEGRAM_MODE === 'polling') return { ...base, mode: 'polling' };
  if (!c.TELEGRAM_WEBHOOK_URL) throw configError('TELEGRAM_WEBHOOK_URL', env);
  if (!c.TELEGRAM_WEBHOOK_SECRET) throw configError('TELEGRAM_WEBHOOK_SECRET', env);
  return { ...base, mode: 'webhook', webhookUrl: c.TELEGRAM_WEBHOOK_URL, webhookSecret: c.TELEGRAM_WEBHOOK_SECRET };
}

/**
 * A variable whose value parsed but does not work on this machine (a port in use, an address not
 * here): one line from locales/vi then locales/en, as for a value that does not parse.
 */
export function unusableConfig(variable: string, id: string, args: Record<string, string>): ConfigError {
  return new ConfigError(variable, `${translate('vi', id, args)} / ${translate('en', id, args)}`);
}

function configError(variable: string, env: NodeJS.ProcessEnv): ConfigError {
  const raw = env[variable];
  const value = SECRET.has(variable) || raw === undefined ? '' : ` = "${raw.slice(0, 80)}"`;
  const hintId = `config-hint-${variable.toLowerCase().replaceAll('_', '-')}`;
  const line = (lang: 'vi' | 'en') =>
    translate(lang, 'config-invalid', { variable, value, hint: translate(lang, hintId) });
  return new ConfigError(variable, `${line('vi')} / ${line('en')}`);
}
