// Nothing lost, nothing sent twice: 10,000 messages dispatched by a process killed with SIGKILL
// at 20 random moments and restarted each time; on PostgreSQL, two dispatchers at once.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { engineUnderTest, testDatabase, type TestDatabase } from '../support/database.ts';
import { Random } from '../../src/demo/random.ts';

const WORKER = fileURLToPath(new URL('../support/dispatch-worker.ts', import.meta.url));
let database: TestDatabase;
afterEach(async () => database?.drop());

async function fill(n: number): Promise<void> {
  const now = new Date();
  const messages = Array.from({ length: n }, (_, i) => ({
    dedupKey: `m${i}`, officialId: null, channel: 'telegram' as const, address: `chat-${i % 500}`, kind: 'test', payload: { text: `m${i}` }, notBefore: now,
  }));
  for (let i = 0; i < n; i += 2_000) await enqueue(database.db, database.target.engine, messages.slice(i, i + 2_000), now);
}

function worker(file: string, concurrency: number, leaseMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, database.url, file, String(concurrency), String(leaseMs)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, err: () => err };
}

function lines(file: string): number {
  if (!existsSync(file)) return 0;
  let n = 0;
  for (const b of readFileSync(file)) if (b === 10) n++;
  return n;
}

function deliveries(file: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (!existsSync(file)) return counts;
  for (const line of readFileSync(file, 'utf8').split('\n')) if (line) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

describe('the dispatcher', () => {
  it.each([
    [1, 10_000],
    [4, 10_000],
  ])('with concurrency %i delivers all %i messages through 20 SIGKILLs, at most concurrency × kills twice', async (concurrency, n) => {
    database = await testDatabase();
    await fill(n);
    const file = join(mkdtempSync(join(tmpdir(), 'dunghan-crash-')), 'delivered.txt');
    const rnd = new Random(concurrency);
    let kills = 0;
    for (let k = 0; k < 20; k++) {
      const w = worker(file, concurrency, 300);
      // Kill it after a random number of deliveries (150–450, so 20 rounds never finish the
      // 10,000), whatever the machine's speed, at a random moment within a send.
      const target = lines(file) + rnd.int(150, 450);
      const started = Date.now();
      while (w.child.exitCode === null && lines(file) < target && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 5));
      if (w.child.exitCode === null) {
        w.child.kill('SIGKILL');
        kills++;
      }
      await w.exited;
    }
    const last = worker(file, concurrency, 300);
    expect(await last.exited, last.err()).toBe(0);

    const counts = deliveries(file);
    const missing = Array.from({ length: n }, (_, i) => `m${i}`).filter((m) => !counts.has(m));
    expect(missing).toEqual([]);
    const duplicates = [...counts.values()].reduce((sum, c) => sum + c - 1, 0);
    console.info(`crash test (${database.target.engine}, concurrency ${concurrency}): ${n} messages, ${kills} kills, ${duplicates} sent twice`);
    expect(kills).toBe(20);
    expect(duplicates).toBeLessThanOrEqual(kills * concurrency);
    expect(await database.db.outbox.count({ where: { status: 'sent' } })).toBe(n);
  }, 180_000);

  it.skipIf(engineUnderTest === 'sqlite')('two dispatchers on one PostgreSQL database deliver 10,000 messages with no double delivery', async () => {
    database = await testDatabase();
    await fill(10_000);
    const file = join(mkdtempSync(join(tmpdir(), 'dunghan-replica-')), 'delivered.txt');
    const a = worker(file, 4, 60_000);
    const b = worker(file, 4, 60_000);
    expect([await a.exited, await b.exited]).toEqual([0, 0]);
    const counts = deliveries(file);
    expect(counts.size).toBe(10_000);
    expect([...counts.values()].filter((c) => c > 1)).toEqual([]);
  }, 180_000);
});
