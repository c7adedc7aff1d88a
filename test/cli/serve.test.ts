import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { exitOf, spawnCli, waitFor } from '../support/cli.ts';
import { openDatabase } from '../../src/db/client.ts';
import { freshTarget, type TestTarget } from '../support/database.ts';

const targets: TestTarget[] = [];
afterAll(async () => Promise.all(targets.map((t) => t.drop())));

describe('npm start (dunghan serve)', () => {
  // How fast start-up is, is measured by the benchmarks, not here: on a loaded machine the demo seed alone
  // can take longer than any bound a test could fairly assert.
  it('on an empty database seeds demo data, prints the demo banner, and stops cleanly on Ctrl-C', async () => {
    const t = await freshTarget();
    targets.push(t);
    const child = spawnCli(['serve'], { DATABASE_URL: t.url, LOG_PRETTY: '0', HTTP_PORT: '0' });
    const ready = await waitFor(() => child.output().includes('Nhấn Ctrl-C để dừng.'), 90_000);
    expect(ready, `stdout: ${child.output()}\nstderr: ${child.errors()}`).toBe(true);
    const out = child.output();
    expect(out).toContain('CHẾ ĐỘ DEMO');
    expect(out).toContain('TELEGRAM_BOT_TOKEN');
    expect(out).toContain('ZALO_CREDENTIALS_FILE');
    expect(out).toMatch(t.target.engine === 'sqlite' ? /Cơ sở dữ liệu: SQLite / : /Cơ sở dữ liệu: PostgreSQL /);
    expect(out).toMatch(/đã tạo dữ liệu demo \([\d.]+ hồ sơ\)/);

    // The console chat answers as a demo official, and can switch to another one.
    expect(out).toContain('Chat thử ngay tại đây với tư cách Chủ tịch UBND xã');
    child.stdin!.write('/tiendo\n');
    expect(await waitFor(() => child.output().includes('📊 Tiến độ giải quyết hồ sơ — Xã'), 10_000)).toBe(true);
    child.stdin!.write('#doi ct-qng\nquá hạn\n');
    expect(await waitFor(() => child.output().includes('⏰ Hồ sơ quá hạn — Tỉnh Quảng Ngãi'), 10_000)).toBe(true);

    // The HTTP server answers /healthz.
    const url = /Máy chủ HTTP: (http:\/\/\S+)/.exec(child.output())?.[1];
    expect(url).toBeDefined();
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.stringify(await health.json())).toContain('database');

    // Still running; Ctrl-C stops it with exit code 0.
    await new Promise((r) => setTimeout(r, 300));
    expect(child.exitCode).toBeNull();
    child.kill('SIGINT');
    expect(await exitOf(child)).toBe(0);
    expect(child.output()).toContain('Đã dừng Đúng Hạn.');
  }, 150_000);

  it('a second start finds the data and does not seed again, and marks an import cut off by a dead process as interrupted', async () => {
    const t = targets[0]!;
    // An import that was killed: its run says "running" and nobody holds it.
    const database = await openDatabase(t.target);
    const { id } = await database.db.ingestRun.create({ data: { source: 'import', kind: 'csv', startedAt: new Date(), status: 'running' } });
    const child = spawnCli(['serve'], { DATABASE_URL: t.url, LOG_PRETTY: '0', HTTP_PORT: '0' });
    expect(await waitFor(() => child.output().includes('Nhấn Ctrl-C để dừng.'), 60_000)).toBe(true);
    expect(child.output()).not.toContain('đã tạo dữ liệu demo');
    expect(await database.db.ingestRun.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'interrupted', finishedAt: expect.any(Date) });
    await database.close();
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
  }, 90_000);

  it('a port in use stops start-up before the banner with one bilingual line, exit code 78', async () => {
    const held = createServer();
    await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
    const port = (held.address() as { port: number }).port;
    try {
      const t = await freshTarget();
      targets.push(t);
      const child = spawnCli(['serve'], { DATABASE_URL: t.url, LOG_PRETTY: '0', HTTP_HOST: '127.0.0.1', HTTP_PORT: String(port) });
      const exited = await waitFor(() => child.exitCode !== null, 45_000);
      if (!exited) child.kill('SIGKILL');
      expect(exited, `still running; stdout: ${child.output()}\nstderr: ${child.errors()}`).toBe(true);
      expect(child.errors().trim().split('\n')).toEqual([`Cổng ${port} đang được dùng — đặt HTTP_PORT khác. / Port ${port} is in use — set HTTP_PORT.`]);
      expect(child.exitCode).toBe(78);
      expect(child.output()).not.toContain('Đúng Hạn đang chạy');
      expect(child.output()).not.toContain('EADDRINUSE');
    } finally {
      held.close();
    }
  }, 60_000);

  it('a bad DATABASE_URL stops start-up with one readable line naming it', async () => {
    const child = spawnCli(['serve'], { DATABASE_URL: 'mysql://x' });
    const code = await exitOf(child);
    expect(code).not.toBe(0);
    const lines = child.errors().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DATABASE_URL');
    expect(lines[0]).toContain('mysql://x');
    expect(child.errors()).not.toMatch(/\n\s+at /);
    expect(child.output()).toBe('');
  }, 30_000);
});
