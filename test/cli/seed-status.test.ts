import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { freshTarget, type TestTarget } from '../support/database.ts';

const targets: TestTarget[] = [];
afterAll(async () => Promise.all(targets.map((t) => t.drop())));

const NOW = '2026-11-27T09:00:00+07:00';

async function seededStatus(seed: string): Promise<Record<string, unknown>> {
  const t = await freshTarget();
  targets.push(t);
  const env = { DATABASE_URL: t.url };
  const seeded = await cli(['seed', '--demo', '--now', NOW, '--seed', seed], env);
  expect(seeded.err).toBe('');
  expect(seeded.code).toBe(0);
  expect(seeded.out).toMatch(/Đã tạo dữ liệu demo: [\d.]+ hồ sơ/);
  const status = await cli(['status', '--at', NOW, '--json'], env);
  expect(status.code).toBe(0);
  return JSON.parse(status.out) as Record<string, unknown>;
}

describe('dunghan seed --demo and dunghan status', () => {
  it('gives non-zero open, due-soon and overdue counts, and the same counts for the same seed', async () => {
    const first = await seededStatus('7');
    expect(Object.keys(first)).toEqual(['units', 'officials', 'dossiers', 'open', 'dueSoon', 'overdue', 'lastSyncAt']);
    expect(first.units).toBeGreaterThan(20);
    expect(first.officials).toBeGreaterThan(20);
    expect(first.dossiers).toBeGreaterThan(30_000);
    expect(first.open).toBeGreaterThan(0);
    expect(first.dueSoon).toBeGreaterThan(0);
    expect(first.overdue).toBeGreaterThan(0);
    expect(first.lastSyncAt).toBe('2026-11-27T02:00:00.000Z');
    expect(await seededStatus('7')).toEqual(first);
  }, 120_000);

  it('prints a readable Vietnamese report without --json', async () => {
    const t = await freshTarget();
    targets.push(t);
    const env = { DATABASE_URL: t.url };
    const empty = await cli(['status', '--at', NOW], env);
    expect(empty.code).toBe(0);
    expect(empty.out).toContain('Tình hình lúc 09:00 27/11/2026');
    expect(empty.out).toContain('Chưa nhận dữ liệu từ nguồn nào.');
  });

  it('rejects a bad --at with a message naming the flag', async () => {
    const r = await cli(['status', '--at', '2026-13-45'], { DATABASE_URL: 'file::memory:' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('--at');
    expect(r.err).toContain('2026-13-45');
  });

  it('refuses to replace real dossiers unless --force is given', async () => {
    const t = await freshTarget();
    targets.push(t);
    const env = { DATABASE_URL: t.url };
    expect((await cli(['seed', '--demo', '--now', NOW], env)).code).toBe(0);
    const { openDatabase } = await import('../../src/db/client.ts');
    const { db, close } = await openDatabase(t.target);
    await db.dossier.updateMany({ where: { id: { lte: 3 } }, data: { source: 'csv:export.csv' } });
    await close();
    const refused = await cli(['seed', '--demo', '--now', NOW], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('--force');
  }, 120_000);
});
