// A crash in the middle of an import (the process killed with SIGKILL) leaves no half-written
// dossier: every batch is one transaction. Running the import again finishes the job, and marks
// the killed run interrupted (it would otherwise stay "running" for ever).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitOf, spawnCli, waitFor } from '../support/cli.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { expectWhole } from './support/consistency.ts';
import { ingestOrg } from './support/org.ts';

const ROWS = 30_000;
let dir: string;
let database: TestDatabase;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dunghan-killed-'));
  database = await testDatabase();
  await ingestOrg(database);
});
afterAll(async () => {
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** Dossiers received over November 2026, a third waiting for a supplement, half finished. */
function exportFile(): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const lines = ['MaHoSo,MaTTHC,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo,NgayYeuCauBoSung,NgayBoSung,SoLanYeuCauBoSung,PhiLePhi,DanhGiaHaiLong'];
  for (let i = 0; i < ROWS; i++) {
    const day = 2 + (i % 24);
    const received = `202611${pad(day)}${pad(8 + (i % 8))}0000`;
    const waiting = i % 3 === 0;
    const finished = !waiting && i % 2 === 0;
    lines.push([
      `K-${i}`, i % 5 === 0 ? '1.009972' : '1.001193', i % 2 === 0 ? '000.12.31.H55' : '000.00.12.H55', 1 + (i % 3), received, `202612${pad(1 + (i % 20))}170000`,
      finished ? `202611${pad(Math.min(26, day + 1))}100000` : '', waiting ? 5 : finished ? 10 : 4,
      waiting ? `202611${pad(day)}160000` : '', '', waiting ? 1 : 0, i % 4 === 0 ? '20.000' : '0', finished ? 3 : '',
    ].join(','));
  }
  const path = join(dir, 'big.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('a killed import', () => {
  it('leaves every dossier whole, does not count as a successful ingest, and a rerun completes it and marks the killed run interrupted', async () => {
    const path = exportFile();
    const child = spawnCli(['import', path], { DATABASE_URL: database.url, DUNGHAN_NO_PROGRESS: '1' });
    const { db } = database;
    let stored = 0;
    const started = await waitFor(() => {
      void db.dossier.count().then((n) => (stored = n)).catch(() => {});
      return stored > 0;
    }, 60_000);
    expect(started, child.errors()).toBe(true);
    child.kill('SIGKILL');
    await exitOf(child);

    const count = await db.dossier.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(ROWS);
    expect(count % 5_000).toBe(0); // whole batches only
    const run = await db.ingestRun.findFirstOrThrow();
    expect(run).toMatchObject({ status: 'running', finishedAt: null, inserted: count });
    await expectWhole(database);

    const again = spawnCli(['import', path, '--json'], { DATABASE_URL: database.url });
    expect(await exitOf(again), again.errors()).toBe(0);
    expect(JSON.parse(again.output())).toMatchObject({ inserted: ROWS - count, updated: 0, unchanged: count, rejected: [], interruptedRuns: [run.id] });
    const killed = await db.ingestRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(killed).toMatchObject({ status: 'interrupted', inserted: count });
    expect(killed.finishedAt).not.toBeNull();
    expect(await db.ingestRun.findFirstOrThrow({ where: { id: { not: run.id } } })).toMatchObject({ status: 'succeeded', inserted: ROWS - count });
    expect(await db.dossier.count()).toBe(ROWS);
    await expectWhole(database);
  }, 180_000);
});
