// dunghan import at province scale: a generated 1,000,000-row CSV export (DVCQG columns) imported
// into a fresh SQLite file through the real import (validation, units and procedures, deadline
// fields, events, counters, one transaction per batch), next to a raw baseline in the same run:
// csv-parse + better-sqlite3 prepared INSERTs of the same rows, as text, into a plain table in
// one transaction. A third line, the schema floor, shows what writing these rows into dunghan's
// own tables costs at the least: csv-parse + better-sqlite3 prepared INSERTs of each row into
// Dossier (with its seven indexes) and one DossierEvent, no validation, no counters. Each phase
// runs in a child process of its own so that its peak memory (process.memoryUsage().rss,
// sampled every 20 ms) is its own.
// Run: npx tsx bench/import.bench.ts [--rows 1000000] [--batch 5000]
// The CSV is generated once into /tmp and reused while its row count matches.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse';
import { WorkCalendar } from '../src/calendar/calendar.ts';
import { computeDue } from '../src/calendar/due.ts';
import { DEFAULT_WORKING_HOURS } from '../src/calendar/hours.ts';
import { addDays, atLocal, localDate } from '../src/calendar/time.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { parseDatabaseUrl } from '../src/db/url.ts';
import { demoProcedures } from '../src/demo/structure.ts';
import { Random } from '../src/demo/random.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { EMPTY_MAPPING } from '../src/ingest/mapping.ts';
import { insertUnit } from '../src/org/units.ts';
import { systemClock } from '../src/core/clock.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, batch: { type: 'string', default: '5000' }, phase: { type: 'string' } } });
const N = Number(values.rows);
const CSV = `/tmp/dunghan-bench-import-${N}.csv`;
const DB = '/tmp/dunghan-bench-import.db';
const RAW_DB = '/tmp/dunghan-bench-import-raw.db';
const NOW = new Date('2026-11-27T02:00:00Z');
const COLUMNS = [
  'MaHoSo', 'MaTTHC', 'TenTTHC', 'MaLinhVuc', 'TenLinhVuc', 'DonViXuLy', 'KenhThucHien', 'NgayTiepNhan', 'NgayHenTra', 'NgayKetThucXuLy', 'NgayTra',
  'TrangThaiHoSo', 'NgayYeuCauBoSung', 'NgayBoSung', 'SoLanYeuCauBoSung', 'DuocThanhToanTrucTuyen', 'PhiLePhi', 'HoSoCoThanhPhanSoHoa', 'DanhGiaHaiLong',
];

/** ~400 handling units: 20 departments and 96 communes with three offices each. */
function handlingUnits(): { code: string; agency: string; parent: string; kind: 'department' | 'office' }[] {
  const out: { code: string; agency: string; parent: string; kind: 'department' | 'office' }[] = [];
  for (let i = 1; i <= 20; i++) out.push({ code: `S${i}`, agency: `000.${String(i).padStart(2, '0')}.00.H55`, parent: 'T', kind: 'department' });
  for (let c = 1; c <= 96; c++) {
    for (const [j, o] of ['VP', 'KT', 'VHXH'].entries()) out.push({ code: `X${c}-${o}`, agency: `000.${String(20 + c).padStart(2, '0')}.${30 + j}.H55`, parent: `X${c}`, kind: 'office' });
  }
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** yyyyMMddHHmmss in Vietnam. */
function compact(d: Date): string {
  const v = new Date(d.getTime() + 7 * 3_600_000);
  return `${v.getUTCFullYear()}${pad(v.getUTCMonth() + 1)}${pad(v.getUTCDate())}${pad(v.getUTCHours())}${pad(v.getUTCMinutes())}${pad(v.getUTCSeconds())}`;
}
const quoted = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

async function generate(): Promise<void> {
  const calendar = new WorkCalendar();
  const rnd = new Random(7);
  const units = handlingUnits();
  const procedures = demoProcedures();
  const days: string[] = [];
  for (let d = addDays(localDate(NOW), -730); d < localDate(NOW); d = addDays(d, 1)) if (calendar.isWorkingDay(d)) days.push(d);
  const out = createWriteStream(CSV);
  out.write(`${COLUMNS.join(',')}\n`);
  let buf = '';
  for (let i = 0; i < N; i++) {
    // Receipts in time order (as exports are), spread over two years of working days.
    const day = days[Math.min(days.length - 1, Math.floor((i / N) * days.length))]!;
    const receivedAt = atLocal(day, 450 + rnd.int(0, 540));
    const proc = rnd.pick(procedures);
    const unit = rnd.pick(units);
    const dueAt = computeDue(receivedAt, { value: proc.limitValue, unit: proc.limitUnit }, calendar).dueAt;
    const span = Math.max(3_600_000, dueAt.getTime() - receivedAt.getTime());
    const finishAt = new Date(receivedAt.getTime() + span * (0.2 + rnd.next() * (rnd.chance(0.06) ? 2.5 : 0.8)));
    const finished = finishAt <= NOW && !rnd.chance(0.01);
    const supplement = rnd.chance(0.05);
    const requested = supplement && receivedAt.getTime() + 3_600_000 <= NOW.getTime() ? new Date(receivedAt.getTime() + 3_600_000) : null;
    const supplied = requested && (finished || rnd.chance(0.5)) && receivedAt.getTime() + 26 * 3_600_000 <= NOW.getTime() ? new Date(receivedAt.getTime() + 26 * 3_600_000) : null;
    const status = finished ? (rnd.chance(0.9) ? 10 : 9) : requested && !supplied ? 5 : 4;
    const fields = [
      `${unit.agency}-${compact(receivedAt).slice(2, 8)}-${pad(i, 7)}`, proc.code, quoted(proc.name), proc.fieldCode, quoted(proc.fieldName), unit.agency,
      rnd.chance(0.754) ? '2' : rnd.chance(0.05) ? '3' : '1', compact(receivedAt), compact(dueAt),
      finished ? compact(finishAt) : '', finished && status === 10 ? compact(new Date(Math.min(NOW.getTime(), finishAt.getTime() + 3_600_000))) : '', String(status),
      requested ? compact(requested) : '', supplied ? compact(supplied) : '', requested ? '1' : '0',
      rnd.chance(0.3) ? '1' : '0', String(proc.fee ?? 0), rnd.chance(0.863) ? '1' : '0', finished && rnd.chance(0.5) ? String(rnd.chance(0.999) ? 3 : 1) : '',
    ];
    buf += `${fields.join(',')}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

/** Peak RSS while fn runs, sampled every 20 ms. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<[T, number]> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const r = await fn();
    return [r, Math.max(peak, process.memoryUsage().rss)];
  } finally {
    clearInterval(timer);
  }
}

async function baseline(): Promise<void> {
  for (const f of [RAW_DB, `${RAW_DB}-wal`, `${RAW_DB}-shm`]) rmSync(f, { force: true });
  const db = new Database(RAW_DB);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE raw (${COLUMNS.map((c) => `"${c}" TEXT`).join(', ')})`);
  const insert = db.prepare(`INSERT INTO raw VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  const t0 = performance.now();
  const [rows, peak] = await withPeakRss(async () => {
    let n = 0;
    db.exec('BEGIN');
    let header = true;
    for await (const cells of createReadStream(CSV, { highWaterMark: 1 << 20 }).pipe(parse({ bom: true, relax_column_count: true })) as AsyncIterable<string[]>) {
      if (header) {
        header = false;
        continue;
      }
      insert.run(cells);
      n++;
    }
    db.exec('COMMIT');
    return n;
  });
  const s = (performance.now() - t0) / 1000;
  db.close();
  console.log(JSON.stringify({ phase: 'baseline', rows, seconds: s, peakRss: peak }));
}

/** yyyyMMddHHmmss (Vietnam) → the ISO text Prisma stores on SQLite; no validation. */
function isoOf(compactTime: string): string | null {
  if (!compactTime) return null;
  const ms = Date.UTC(+compactTime.slice(0, 4), +compactTime.slice(4, 6) - 1, +compactTime.slice(6, 8), +compactTime.slice(8, 10) - 7, +compactTime.slice(10, 12), +compactTime.slice(12, 14));
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

async function floor(): Promise<void> {
  const file = `${DB}-floor`;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  await migrate(parseDatabaseUrl(`file:${file}`, '/')!);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  const now = NOW.toISOString().replace('Z', '+00:00');
  db.prepare(`INSERT INTO "Unit" (code, name, kind, path, depth, updatedAt) VALUES ('T', 'T', 'province', '/1/', 0, ?)`).run(now);
  const unitId = new Map<string, number>();
  const addUnit = db.prepare(`INSERT INTO "Unit" (code, name, kind, parentId, path, depth, agencyCode, updatedAt) VALUES (?, ?, 'office', 1, '/1/', 1, ?, ?)`);
  for (const u of handlingUnits()) unitId.set(u.agency, Number(addUnit.run(u.code, u.code, u.agency, now).lastInsertRowid));
  const procId = new Map<string, number>();
  const addProc = db.prepare(`INSERT INTO "Procedure" (code, name, fieldCode, fieldName, limitValue, limitUnit, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const p of demoProcedures()) procId.set(p.code, Number(addProc.run(p.code, p.name, p.fieldCode, p.fieldName, p.limitValue, p.limitUnit, now).lastInsertRowid));
  const insert = db.prepare(`INSERT INTO "Dossier" (code, procedureId, unitId, channel, receivedAt, dueAt, dueAtOrigin, status, finishedAt, returnedAt, supplementCount,
    digitized, paidOnline, feeAmount, satisfaction, source, lastSyncedAt, createdAt, updatedAt, effectiveDueAt, dueDay, clockStopped, overdueFromDay, finishDay, result)
    VALUES (?, ?, ?, ?, ?, ?, 'source', ?, ?, ?, 0, ?, ?, ?, ?, 'floor', ?, ?, ?, ?, ?, 0, ?, ?, ?)`);
  const event = db.prepare(`INSERT INTO "DossierEvent" (dossierId, at, kind, toStatus, source, createdAt) VALUES (?, ?, 'status', ?, 'floor', ?)`);
  const day = (iso: string) => Math.floor((Date.parse(iso) + 7 * 3_600_000) / 86_400_000);
  const t0 = performance.now();
  const [rows, peak] = await withPeakRss(async () => {
    let n = 0;
    let header = true;
    db.exec('BEGIN');
    for await (const c of createReadStream(CSV, { highWaterMark: 1 << 20 }).pipe(parse({ bom: true, relax_column_count: true })) as AsyncIterable<string[]>) {
      if (header) {
        header = false;
        continue;
      }
      const [code, proc, , , , unit, channel, received, due, finished, returned, status, , , , paid, fee, digitized, rating] = c;
      const receivedAt = isoOf(received!)!;
      const dueAt = isoOf(due!)!;
      const finishedAt = isoOf(finished!);
      const dueDay = day(dueAt);
      const finishDay = finishedAt ? day(finishedAt) : null;
      const id = insert.run(code, procId.get(proc!), unitId.get(unit!), Number(channel), receivedAt, dueAt, Number(status), finishedAt, isoOf(returned!), Number(digitized), Number(paid), Number(fee),
        rating ? Number(rating) : null, now, now, now, dueAt, dueDay, finishedAt ? null : dueDay + 1, finishDay,
        finishDay === null ? null : finishDay < dueDay ? 'early' : finishDay === dueDay ? 'on_time' : 'late').lastInsertRowid;
      event.run(id, receivedAt, Number(status), now);
      if (++n % 5_000 === 0) {
        db.exec('COMMIT');
        db.exec('BEGIN');
      }
    }
    db.exec('COMMIT');
    return n;
  });
  const s = (performance.now() - t0) / 1000;
  db.close();
  console.log(JSON.stringify({ phase: 'floor', rows, seconds: s, peakRss: peak }));
}

async function ours(): Promise<void> {
  for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) rmSync(f, { force: true });
  const target = parseDatabaseUrl(`file:${DB}`, '/')!;
  await migrate(target);
  const database = await openDatabase(target);
  const { db } = database;
  await db.$transaction(async (tx) => {
    await insertUnit(tx, { code: 'T', name: 'Tỉnh Thử', kind: 'province', parentCode: null });
    for (let c = 1; c <= 96; c++) await insertUnit(tx, { code: `X${c}`, name: `Xã ${c}`, kind: 'commune', parentCode: 'T' });
    for (const u of handlingUnits()) await insertUnit(tx, { code: u.code, name: `Đơn vị ${u.code}`, kind: u.kind, parentCode: u.parent, agencyCode: u.agency });
  }, { timeout: 120_000 });
  await db.procedure.createMany({ data: demoProcedures().map((p) => ({ code: p.code, name: p.name, fieldCode: p.fieldCode, fieldName: p.fieldName, limitValue: p.limitValue, limitUnit: p.limitUnit })) });
  const t0 = performance.now();
  const [report, peak] = await withPeakRss(() => importFile(database, {
    file: CSV, mapping: EMPTY_MAPPING, dryRun: false, createMissing: false, runSource: 'bench', now: NOW, clock: { ...systemClock, now: () => NOW },
    calendar: new WorkCalendar(), workingHours: DEFAULT_WORKING_HOURS, batchSize: Number(values.batch),
  }));
  const s = (performance.now() - t0) / 1000;
  const stored = await db.dossier.count();
  await database.close();
  console.log(JSON.stringify({ phase: 'ours', rows: report.rows, seconds: s, peakRss: peak, inserted: report.inserted, rejected: report.rejectedRows, stored }));
}

if (values.phase === 'baseline') await baseline();
else if (values.phase === 'floor') await floor();
else if (values.phase === 'ours') await ours();
else {
  if (!existsSync(CSV)) {
    const t0 = performance.now();
    await generate();
    console.log(`generated ${CSV} (${(statSync(CSV).size / 1e6).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const self = fileURLToPath(import.meta.url);
  const run = (phase: string) => {
    const r = spawnSync(process.execPath, [...process.execArgv, self, '--rows', String(N), '--batch', String(values.batch), '--phase', phase], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const line = r.stdout.trim().split('\n').at(-1) ?? '';
    try {
      return JSON.parse(line) as { rows: number; seconds: number; peakRss: number; inserted?: number; rejected?: number; stored?: number };
    } catch {
      throw new Error(`phase ${phase} failed: ${r.stdout}`);
    }
  };
  const mb = (b: number) => `${Math.round(b / 1_048_576)} MB`;
  const rate = (r: { rows: number; seconds: number }) => Math.round(r.rows / r.seconds);
  const base = run('baseline');
  console.log(`baseline (csv-parse + better-sqlite3 prepared INSERT, one transaction): ${base.rows.toLocaleString('en')} rows in ${base.seconds.toFixed(1)} s = ${rate(base).toLocaleString('en')} rows/s, peak RSS ${mb(base.peakRss)}`);
  const least = run('floor');
  console.log(`schema floor (csv-parse + prepared INSERTs into Dossier and DossierEvent, no checks, no counters): ${rate(least).toLocaleString('en')} rows/s, peak RSS ${mb(least.peakRss)} (${((100 * rate(least)) / rate(base)).toFixed(0)}% of the baseline)`);
  const mine = run('ours');
  console.log(`dunghan import (validation, store, events, counters):       ${mine.rows.toLocaleString('en')} rows in ${mine.seconds.toFixed(1)} s = ${rate(mine).toLocaleString('en')} rows/s, peak RSS ${mb(mine.peakRss)} (${mine.inserted?.toLocaleString('en')} inserted, ${mine.rejected} rejected, ${mine.stored?.toLocaleString('en')} stored)`);
  console.log(`ratio: ${((100 * rate(mine)) / rate(base)).toFixed(0)}% of the baseline's throughput (goal ≥ 50%)`);
}
