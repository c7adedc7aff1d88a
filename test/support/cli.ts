// Runs the CLI in-process (fast) or as a real child process (start-up, signals, exit codes).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/main.ts';
import { freshTarget, type TestTarget } from './database.ts';
import { fixedClock } from './clock.ts';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function cli(argv: string[], env: Record<string, string>, now = new Date('2026-11-27T02:00:00Z')): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env: { LOG_LEVEL: 'warn', ...env },
    cwd: process.cwd(),
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    clock: fixedClock(now),
    signal: new AbortController().signal,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export const BIN = fileURLToPath(new URL('../../src/cli/bin.mjs', import.meta.url));

/** Starts `dunghan …` as a child process with a clean environment plus `env` (in `cwd`, default this one). */
export function spawnCli(argv: string[], env: Record<string, string>, cwd?: string): ChildProcess & { output: () => string; errors: () => string } {
  const child = spawn(process.execPath, [BIN, ...argv], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(cwd ? { cwd } : {}),
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  return Object.assign(child, { output: () => out, errors: () => err });
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}

export async function waitFor(cond: () => boolean, timeoutMs: number): Promise<boolean> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return cond();
}

/** A fresh database seeded with the demo area at 27/11/2026 09:00 through the CLI, for CLI tests. */
export async function seededTarget(): Promise<{ target: TestTarget; env: Record<string, string> }> {
  const target = await freshTarget();
  const env = { DATABASE_URL: target.url };
  const seeded = await cli(['seed', '--demo', '--now', '2026-11-27T09:00:00+07:00'], env);
  if (seeded.code !== 0) throw new Error(`seeding failed: ${seeded.err}`);
  return { target, env };
}
