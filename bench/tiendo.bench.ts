// /tiendo at province scale: 1,000,000 dossiers in SQLite over two years, ~400 units. Prints
// p50/p95 of /tiendo (whole tree, year to date; and one commune) through the real command layer,
// next to ONE raw SQL aggregate over the dossier table computing the same numbers in the same run.
// Run: npx tsx bench/tiendo.bench.ts [--dossiers 1000000] [--runs 50]
// The database is built once into /tmp (minutes) and reused while its parameters match.
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { WorkCalendar } from '../src/calendar/calendar.ts';
import { computeDue } from '../src/calendar/due.ts';
import { addDays, atLocal, localDate } from '../src/calendar/time.ts';
import { handleMessage } from '../src/commands/router.ts';
import type { Asker } from '../src/commands/types.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { parseDatabaseUrl } from '../src/db/url.ts';
import { demoProcedures } from '../src/demo/structure.ts';
import { Random } from '../src/demo/random.ts';
import { saveDossiers, unitCalendars, type DossierInput } from '../src/dossiers/store.ts';
import { createLogger } from '../src/log.ts';
import { insertUnit } from '../src/org/units.ts';
import { createServices, type Services } from '../src/core/services.ts';

const { values } = parseArgs({ options: { dossiers: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '50' } } });
const N = Number(values.dossiers);
const RUNS = Number(values.runs);
const NOW = new Date('2026-11-27T02:00:00Z');
const FILE = `/tmp/dunghan-bench-tiendo-${N}.db`;
const target = parseDatabaseUrl(`file:${FILE}`, '/')!;

const calendar = new WorkCalendar();
const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function build(): Promise<void> {
  rmSync(FILE, { force: true });
  await migrate(target);
  const database = await openDatabase(target);
  const { db } = database;
  const handling: number[] = [];
  await db.$transaction(async (tx) => {
    await insertUnit(tx, { code: 'T', name: 'Tỉnh Thử', kind: 'province', parentCode: null });
    for (let i = 1; i <= 20; i++) handling.push((await insertUnit(tx, { code: `S${i}`, name: `Sở ${i}`, kind: 'department', parentCode: 'T' })).id);
    for (let c = 1; c <= 96; c++) {
      await insertUnit(tx, { code: `X${c}`, name: `Xã ${c}`, kind: 'commune', parentCode: 'T' });
      for (const o of ['VP', 'KT', 'VHXH']) handling.push((await insertUnit(tx, { code: `X${c}-${o}`, name: `Phòng ${o} xã ${c}`, kind: 'office', parentCode: `X${c}` })).id);
    }
  }, { timeout: 120_000 });
  const root = await db.unit.findUniqueOrThrow({ where: { code: 'T' } });
  const x1 = await db.unit.findUniqueOrThrow({ where: { code: 'X1' } });
  await db.official.create({ data: { code: 'lanhdao', fullName: 'Lãnh đạo Thử', title: 'Chủ tịch UBND tỉnh', role: 'leader', unitId: root.id } });
  await db.official.create({ data: { code: 'chutich-x1', fullName: 'Chủ tịch Thử', title: 'Chủ tịch UBND xã 1', role: 'commune_chair', unitId: x1.id } });
  await db.procedure.createMany({ data: demoProcedures().map((p) => ({ code: p.code, name: p.name, fieldCode: p.fieldCode, fieldName: p.fieldName, limitValue: p.limitValue, limitUnit: p.limitUnit })) });
  const procedures = await db.procedure.findMany();

  const rnd = new Random(42);
  const days: string[] = [];
  for (let d = addDays(localDate(NOW), -730); d <= localDate(NOW); d = addDays(d, 1)) if (calendar.isWorkingDay(d)) days.push(d);
  const ctx = { calendar, units: await unitCalendars(database), now: NOW };
  const t0 = performance.now();
  for (let done = 0; done < N; ) {
    const batch: DossierInput[] = [];
    for (; batch.length < 20_000 && done < N; done++) {
      const receivedAt = atLocal(rnd.pick(days), 450 + rnd.int(0, 500));
      if (receivedAt > NOW) continue;
      const proc = rnd.pick(procedures);
      const dueAt = computeDue(receivedAt, { value: proc.limitValue, unit: proc.limitUnit as 'working_days' }, calendar).dueAt;
      const finishAt = new Date(receivedAt.getTime() + (dueAt.getTime() - receivedAt.getTime()) * (0.2 + rnd.next() * (rnd.chance(0.06) ? 2.5 : 0.8)));
      const finished = finishAt <= NOW && !rnd.chance(0.01);
      const pending = !finished && rnd.chance(0.05);
      batch.push({
        code: `B-${done}`, procedureId: proc.id, unitId: rnd.pick(handling), channel: rnd.chance(0.754) ? 2 : rnd.chance(0.05) ? 3 : 1,
        submittedAt: null, receivedAt, dueAt, dueAtOrigin: 'source', status: finished ? 10 : pending ? 5 : 4,
        finishedAt: finished ? finishAt : null, returnedAt: null, rescheduledDueAt: null, rescheduleCount: 0,
        supplements: pending ? [{ requestedAt: new Date(receivedAt.getTime() + 3_600_000), suppliedAt: null }] : [],
        digitized: rnd.chance(0.863), paidOnline: rnd.chance(0.3), feeAmount: 20_000, satisfaction: finished && rnd.chance(0.5) ? 3 : null,
        applicantName: null, applicantIdNumber: null, source: 'bench', events: [],
      });
    }
    await saveDossiers(database, batch, ctx);
    process.stdout.write(`\r  loading: ${done.toLocaleString('en')} / ${N.toLocaleString('en')}`);
  }
  const s = (performance.now() - t0) / 1000;
  console.log(`\n  loaded ${N.toLocaleString('en')} dossiers through the store in ${s.toFixed(0)} s (${Math.round(N / s).toLocaleString('en')}/s)`);
  await db.$executeRawUnsafe('ANALYZE');
  await database.close();
}

if (!existsSync(FILE)) await build();
const database = await openDatabase(target);
const log = createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' });
const services: Services = createServices({ database, config: loadConfig({ DATABASE_URL: `file:${FILE}` }), log });
console.log(`${(await database.db.dossier.count()).toLocaleString('en')} dossiers, ${(await database.db.unit.count())} units, ${(await database.db.dossier.count({ where: { finishedAt: null } })).toLocaleString('en')} open; SQLite ${FILE}`);

async function measure(label: string, asker: Asker) {
  // The first call also computes last year's comparison period once (then cached until the data change).
  const [, cold] = await time(() => handleMessage(services, asker, '/tiendo', NOW));
  const samples: number[] = [];
  let text = '';
  for (let i = 0; i < RUNS; i++) {
    const [replies, ms] = await time(() => handleMessage(services, asker, '/tiendo', NOW));
    text = replies[0]!.text;
    samples.push(ms);
  }
  console.log(`  /tiendo ${label}: p50 ${pct(samples, 50).toFixed(1)} ms, p95 ${pct(samples, 95).toFixed(1)} ms (first call ${cold.toFixed(0)} ms)`);
  return text;
}

const start = atLocal(`${localDate(NOW).slice(0, 4)}-01-01`, 0);
const today = Math.floor((NOW.getTime() + 7 * 3_600_000) / 86_400_000);
/** The baseline: one aggregate over the dossier table for the whole tree, year to date. */
async function rawAggregate() {
  return database.db.$queryRaw<Record<string, bigint>[]>`
    SELECT SUM(CASE WHEN "receivedAt" >= ${start} THEN 1 ELSE 0 END) AS received,
           SUM(CASE WHEN "receivedAt" >= ${start} AND "channel" = 2 THEN 1 ELSE 0 END) AS online,
           SUM(CASE WHEN "finishedAt" >= ${start} AND "result" = 'early' THEN 1 ELSE 0 END) AS early,
           SUM(CASE WHEN "finishedAt" >= ${start} AND "result" = 'on_time' THEN 1 ELSE 0 END) AS "onTime",
           SUM(CASE WHEN "finishedAt" >= ${start} AND "result" = 'late' THEN 1 ELSE 0 END) AS late,
           SUM(CASE WHEN "finishedAt" IS NULL AND "clockStopped" THEN 1 ELSE 0 END) AS waiting,
           SUM(CASE WHEN "finishedAt" IS NULL AND NOT "clockStopped" AND "overdueFromDay" <= ${today} THEN 1 ELSE 0 END) AS overdue,
           SUM(CASE WHEN "finishedAt" IS NULL AND NOT "clockStopped" AND "overdueFromDay" > ${today} THEN 1 ELSE 0 END) AS within,
           SUM(CASE WHEN "receivedAt" >= ${start} AND "digitized" THEN 1 ELSE 0 END) AS digitized
      FROM "Dossier" WHERE "receivedAt" >= ${start} OR "finishedAt" >= ${start} OR "finishedAt" IS NULL`;
}

const whole = await measure('whole tree, year to date', { channel: 'console', externalId: 'lanhdao', chat: { kind: 'private' } });
await measure('one commune, year to date', { channel: 'console', externalId: 'chutich-x1', chat: { kind: 'private' } });
const raw: number[] = [];
let row: Record<string, bigint> = {};
for (let i = 0; i < Math.min(RUNS, 10); i++) {
  const [r, ms] = await time(rawAggregate);
  row = r[0]!;
  raw.push(ms);
}
console.log(`  raw SQL aggregate over Dossier (same numbers, whole tree): p50 ${pct(raw, 50).toFixed(1)} ms, p95 ${pct(raw, 95).toFixed(1)} ms`);
const n = (k: string) => Number(row[k]);
const onTime = (100 * (n('early') + n('onTime') + n('within') + n('waiting'))) / (n('early') + n('onTime') + n('late') + n('within') + n('waiting') + n('overdue'));
console.log(`  raw on-time rate ${onTime.toFixed(2).replace('.', ',')}% — /tiendo says: ${/Đúng hạn: ([\d,]+%)/.exec(whole)?.[1]}`);
await database.close();
