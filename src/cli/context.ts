// What every CLI subcommand gets: its arguments, the environment, output, and the clock.
import { loadConfig, type Config } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import { createServices, type Services } from '../core/services.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { secureSqliteFilesLogged } from '../db/sqlite-files.ts';
import { createLogger, type Logger } from '../log.ts';

export interface CliContext {
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** The clock; tests pass a fixed one. */
  clock: Clock;
  /** Aborted on Ctrl-C / SIGTERM (long-running commands). */
  signal: AbortSignal;
  /** Standard input, for the console chat of `dunghan serve`. */
  stdin?: NodeJS.ReadableStream;
}

export interface CliCommand {
  name: string;
  /** locales id of a one-line summary for `dunghan --help`. */
  summary: string;
  /** locales id of the usage text for `dunghan <name> --help`. */
  usage: string;
  run(ctx: CliContext): Promise<number>;
}

/** Bad usage: printed as one line with the usage hint, exit code 2. */
export class UsageError extends Error {}

/** A failure the user can act on: printed as one line, exit code 1. */
export class CliError extends Error {}

/** A subcommand's services (its clock is the CLI's), over a database opened and migrated. */
export type Opened = Services;

/** One-shot commands talk to a person: only warnings unless LOG_LEVEL asks for more. */
export function cliLogger(ctx: CliContext, config: Config, logStream: NodeJS.WritableStream = process.stderr): Logger {
  return createLogger({ ...config, LOG_LEVEL: ctx.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn' }, logStream);
}

/** Parses the configuration, tightens the SQLite file's mode if needed, opens the database and applies pending migrations. */
async function openForCli(ctx: CliContext, logStream: NodeJS.WritableStream = process.stderr): Promise<Opened> {
  const config = loadConfig(ctx.env, ctx.cwd);
  const log = cliLogger(ctx, config, logStream);
  secureSqliteFilesLogged(config.database, log);
  const { applied } = await migrate(config.database);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  const database = await openDatabase(config.database);
  return createServices({ database, config, log, clock: ctx.clock });
}

export async function withDatabase<T>(ctx: CliContext, fn: (o: Opened) => Promise<T>): Promise<T> {
  const opened = await openForCli(ctx);
  try {
    return await fn(opened);
  } finally {
    await opened.database.close();
  }
}
