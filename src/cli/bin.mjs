#!/usr/bin/env node
// The `dunghan` executable: loads TypeScript through tsx, reads .env if present, runs the CLI.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

if (existsSync('.env')) process.loadEnvFile('.env');
register();
const { runCli } = await import('./main.ts');
const { systemClock } = await import('../core/clock.ts');

const controller = new AbortController();
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) process.exit(130); // a second Ctrl-C forces the exit
    stopping = true;
    controller.abort();
  });
}
const code = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  clock: systemClock,
  signal: controller.signal,
  stdin: process.stdin,
});
process.exitCode = code;
