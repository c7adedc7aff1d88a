// The `dunghan` command: the scriptable face of every capability.
import { ConfigError } from '../config.ts';
import { t } from '../i18n/translate.ts';
import { CliError, UsageError, type CliCommand, type CliContext } from './context.ts';

/**
 * The commands, each loaded only when it runs: `dunghan import` does not load the chat, chart and
 * channel code, which keeps its memory (and its start) small.
 */
const LOADERS = new Map<string, () => Promise<CliCommand>>([
  ['serve', async () => (await import('./commands/serve.ts')).serveCommand],
  ['db', async () => (await import('./commands/db.ts')).dbCommand],
  ['seed', async () => (await import('./commands/seed.ts')).seedCommand],
  ['status', async () => (await import('./commands/status.ts')).statusCommand],
  ['stats', async () => (await import('./commands/stats.ts')).statsCommand],
  ['import', async () => (await import('./commands/import.ts')).importCommand],
  ['token', async () => (await import('./commands/token.ts')).tokenCommand],
  ['ask', async () => (await import('./commands/ask.ts')).askCommand],
  ['invite', async () => (await import('./commands/invite.ts')).inviteCommand],
  ['alerts', async () => (await import('./commands/alerts.ts')).alertsCommand],
  ['outbox', async () => (await import('./commands/outbox.ts')).outboxCommand],
  ['digest', async () => (await import('./commands/digest.ts')).digestCommand],
  ['due', async () => (await import('./commands/due.ts')).dueCommand],
  ['calendar', async () => (await import('./commands/calendar.ts')).calendarCommand],
  ['telegram', async () => (await import('./commands/telegram.ts')).telegramCommand],
  ['zalo', async () => (await import('./commands/zalo.ts')).zaloCommand],
]);

export const COMMAND_NAMES = [...LOADERS.keys()];

async function help(): Promise<string> {
  const commands = await Promise.all([...LOADERS.values()].map((load) => load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${t(c.summary)}`);
  return [t('cli-help-title'), '', t('cli-help-usage'), '', ...lines, '', t('cli-help-more')].join('\n');
}

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argv: string[], base: Omit<CliContext, 'args'>): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    base.out(await help());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    base.out('dunghan 0.1.0');
    return 0;
  }
  const load = LOADERS.get(name);
  if (!load) {
    base.err(t('cli-unknown-command', { name }));
    return 2;
  }
  const command = await load();
  if (args.includes('--help') || args.includes('-h')) {
    base.out(t(command.usage));
    return 0;
  }
  try {
    return await command.run({ ...base, args });
  } catch (e) {
    if (e instanceof UsageError) {
      base.err(e.message);
      return 2;
    }
    if (e instanceof ConfigError) {
      base.err(e.message);
      return 78; // EX_CONFIG
    }
    if (e instanceof CliError) {
      base.err(e.message);
      return 1;
    }
    base.err(t('cli-unexpected-error', { detail: e instanceof Error ? e.message : String(e) }));
    return 1;
  }
}
