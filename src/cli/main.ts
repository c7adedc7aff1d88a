// The `dunghan` command: the scriptable face of every capability.
import { ConfigError } from '../config.ts';
import { t } from '../i18n/translate.ts';
import { CliError, UsageError, type CliCommand, type CliContext } from './context.ts';
import { alertsCommand } from './commands/alerts.ts';
import { askCommand } from './commands/ask.ts';
import { calendarCommand } from './commands/calendar.ts';
import { dbCommand } from './commands/db.ts';
import { digestCommand } from './commands/digest.ts';
import { dueCommand } from './commands/due.ts';
import { importCommand } from './commands/import.ts';
import { inviteCommand } from './commands/invite.ts';
import { outboxCommand } from './commands/outbox.ts';
import { seedCommand } from './commands/seed.ts';
import { serveCommand } from './commands/serve.ts';
import { statsCommand } from './commands/stats.ts';
import { statusCommand } from './commands/status.ts';
import { telegramCommand } from './commands/telegram.ts';
import { tokenCommand } from './commands/token.ts';
import { zaloCommand } from './commands/zalo.ts';

export const COMMANDS: CliCommand[] = [serveCommand, dbCommand, seedCommand, statusCommand, statsCommand, importCommand, tokenCommand, askCommand, inviteCommand, alertsCommand, outboxCommand, digestCommand, dueCommand, calendarCommand, telegramCommand, zaloCommand];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [t('cli-help-title'), '', t('cli-help-usage'), '', ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${t(c.summary)}`), '', t('cli-help-more')].join('\n');
}

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argv: string[], base: Omit<CliContext, 'args'>): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    base.out(help());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    base.out('dunghan 0.1.0');
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    base.err(t('cli-unknown-command', { name }));
    return 2;
  }
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
