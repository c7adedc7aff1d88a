// The dunghan executable as src/cli/bin.mjs runs it, with the import and token commands added
// until they are registered in src/cli/main.ts (test/ingest/support/spawn.ts picks this or bin.mjs).
import './register.ts';
import { runCli } from '../../../src/cli/main.ts';

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => controller.abort());
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  now: () => new Date(),
  signal: controller.signal,
});
