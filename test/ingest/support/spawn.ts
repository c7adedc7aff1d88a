// `dunghan …` as a child process: through spawnCli (src/cli/bin.mjs) once `import` is registered in
// src/cli/main.ts, otherwise through cli-child.mts, which registers it first.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnCli } from '../../support/cli.ts';

const registered = readFileSync(new URL('../../../src/cli/main.ts', import.meta.url), 'utf8').includes('importCommand');
const CHILD = fileURLToPath(new URL('./cli-child.mts', import.meta.url));

export function spawnDunghan(argv: string[], env: Record<string, string>): ChildProcess & { output: () => string; errors: () => string } {
  if (registered) return spawnCli(argv, env);
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...argv], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  return Object.assign(child, { output: () => out, errors: () => err });
}
