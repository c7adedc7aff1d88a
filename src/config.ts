// The environment, parsed once at start-up by one schema. A bad value stops the process with
// one line naming the variable (Vietnamese, then English); secrets are never echoed.
import { z } from 'zod';
import { DEFAULT_WORKING_HOURS, toSpans, type Period } from './calendar/hours.ts';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl, type DatabaseTarget } from './db/url.ts';
import { translate } from './i18n/translate.ts';

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

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const schema = z.object({
  DATABASE_URL: optional(z.string().default(DEFAULT_DATABASE_URL)),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS).default('info')),
  LOG_PRETTY: optional(z.enum(['auto', '0', '1']).default('auto')),
  DEMO_SEED: optional(z.enum(['auto', 'always', 'never']).default('auto')),
  WORKING_HOURS: optional(workingHours.default([...DEFAULT_WORKING_HOURS])),
  DUE_SOON_WORKING_DAYS: optional(z.coerce.number().int().min(0).max(10).default(1)),
  TELEGRAM_BOT_TOKEN: optional(z.string().regex(/^\d{3,}:[A-Za-z0-9_-]{20,}$/).optional()),
  TELEGRAM_API_ROOT: optional(z.url({ protocol: /^https?$/ }).default('https://api.telegram.org')),
  ZALO_CREDENTIALS_FILE: optional(z.string().optional()),
});

/** Every variable the service reads. */
export const CONFIG_VARIABLES = Object.keys(schema.shape);

/** Variables whose values must never be printed, even in an error. */
const SECRET = new Set(['TELEGRAM_BOT_TOKEN']);

export type Config = Omit<z.infer<typeof schema>, 'DATABASE_URL'> & { database: DatabaseTarget };

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
  return { ...rest, database };
}

function configError(variable: string, env: NodeJS.ProcessEnv): ConfigError {
  const raw = env[variable];
  const value = SECRET.has(variable) || raw === undefined ? '' : ` = "${raw.slice(0, 80)}"`;
  const hintId = `config-hint-${variable.toLowerCase().replaceAll('_', '-')}`;
  const line = (lang: 'vi' | 'en') =>
    translate(lang, 'config-invalid', { variable, value, hint: translate(lang, hintId) });
  return new ConfigError(variable, `${line('vi')} / ${line('en')}`);
}
