// Until `import` and `token` are registered in src/cli/main.ts, tests add them to the command list
// (the same module instance the CLI runs), so that they go through runCli exactly as users do.
import { COMMANDS } from '../../../src/cli/main.ts';
import { importCommand } from '../../../src/cli/commands/import.ts';
import { tokenCommand } from '../../../src/cli/commands/token.ts';

for (const command of [importCommand, tokenCommand]) {
  if (!COMMANDS.some((c) => c.name === command.name)) COMMANDS.push(command);
}

export const registeredInMain = true;
