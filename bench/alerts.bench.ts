// One alert planning tick over 100,000 open dossiers (SQLite), next to a raw SQL query selecting
// the same due set (overdue, due today, due within the next working day) in the same run. Due dates
// are spread from 5 working days ago to 30 working days ahead, so about a fifth are in the due set.
// Run: npx tsx bench/alerts.bench.ts [--open 100000] [--runs 5]
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runAlerts } from '../src/alerts/run.ts';
import { WorkCalendar } from '../src/calendar/calendar.ts';
import { atLocal, epochDayOf, localDate } from '../src/calendar/time.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { parseDatabaseUrl } from '../src/db/url.ts';
import { Random } from '../src/demo/random.ts';
import { demoOfficials, demoProcedures, demoUnits } from '../src/demo/structure.ts';
import { saveDossiers, unitCalendars, type DossierInput } from '../src/dossiers/store.ts';
import { createLogger } from '../src/log.ts';
import { insertUnit } from '../src/org/units.ts';
import { createServices } from '../src/core/services.ts';

const { values } = parseArgs({ options: { open: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' } } });
const N = Number(values.open);
const RUNS = Number(values.runs);
const NOW = new Date('2026-11-27T02:00:00Z'); // Friday 09:00 in Vietnam
const FILE = `/tmp/dunghan-bench-alerts-${N}.db`;
const target = parseDatabaseUrl(`file:${FILE}`, '/')!;
const calendar = new WorkCalendar();

async function build(): Promise<void> {
  rmSync(FILE, { force: true });
  await migrate(target);
  const database = await openDatabase(target);
  const { db } = database;
  await db.$transaction(async (tx) => {
    for (const u of demoUnits()) await insertUnit(tx, { code: u.code, name: u.name, kind: u.kind, parentCode: u.parent, agencyCode: u.agencyCode });
  }, { timeout: 60_000 });
  const unitId = new Map((await db.unit.findMany()).map((u) => [u.code, u.id]));
  for (const o of demoOfficials()) {
    const official = await db.official.create({ data: { code: o.code, fullName: o.fullName, title: o.title, role: o.role, unitId: unitId.get(o.unit)!, supervises: { create: o.supervises.map((c) => ({ unitId: unitId.get(c)! })) }, fields: { create: o.fields.map((f) => ({ fieldCode: f })) } } });
    await db.chatIdentity.create({ data: { officialId: official.id, channel: 'telegram', externalId: `tg-${o.code}` } });
  }
  await db.procedure.createMany({ data: demoProcedures().map((p) => ({ code: p.code, name: p.name, fieldCode: p.fieldCode, fieldName: p.fieldName, limitValue: p.limitValue, limitUnit: p.limitUnit })) });
  const procedures = await db.procedure.findMany();
  const handling = demoUnits().filter((u) => u.kind === 'office' || u.kind === 'department').map((u) => unitId.get(u.code)!);
  const rnd = new Random(9);
  const today = localDate(NOW);
  const ctx = { calendar, units: await unitCalendars(database), now: NOW };
  for (let done = 0; done < N; ) {
    const batch: DossierInput[] = [];
    for (; batch.length < 20_000 && done < N; done++) {
      const offset = rnd.int(-5, 30);
      const dueDay = offset < 0 ? calendar.previousWorkingDay(today, -offset) : offset === 0 ? today : calendar.nextWorkingDay(today, offset);
      const dueAt = calendar.endOfWorkingDay(dueDay);
      const receivedAt = atLocal(calendar.previousWorkingDay(dueDay < today ? dueDay : today, rnd.int(1, 10)), 450 + rnd.int(0, 500));
      const proc = rnd.pick(procedures);
      batch.push({
        code: `A-${done}`, procedureId: proc.id, unitId: rnd.pick(handling), channel: 2, submittedAt: null, receivedAt,
        dueAt, dueAtOrigin: 'source',
        status: 4, finishedAt: null, returnedAt: null, rescheduledDueAt: null, rescheduleCount: 0, supplements: [], digitized: true, paidOnline: false,
        feeAmount: 0, satisfaction: null, applicantName: null, applicantIdNumber: null, source: 'bench', events: [],
      });
    }
    await saveDossiers(database, batch, ctx);
  }
  await db.$executeRawUnsafe('ANALYZE');
  await database.close();
}

if (!existsSync(FILE)) await build();
const database = await openDatabase(target);
const log = createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' });
const services = createServices({ database, config: loadConfig({ DATABASE_URL: `file:${FILE}` }), log });
const today = epochDayOf(NOW);
const horizon = epochDayOf(calendar.endOfWorkingDay(calendar.nextWorkingDay(localDate(NOW), 1)));

const ms = (xs: number[]) => [...xs].sort((a, b) => a - b);
const plan: number[] = [];
const raw: number[] = [];
let messages = 0;
let items = 0;
let rows = 0;
for (let i = 0; i < RUNS; i++) {
  let t = performance.now();
  const r = await runAlerts(services, NOW, { dryRun: true });
  plan.push(performance.now() - t);
  messages = r.messages.length;
  items = r.items;
  t = performance.now();
  const due = await database.db.$queryRaw<unknown[]>`
    SELECT "id", "code", "unitId", "procedureId", "receivedAt", "dueAt", "effectiveDueAt", "dueDay", "overdueFromDay", "rescheduleCount"
      FROM "Dossier" WHERE "finishedAt" IS NULL AND NOT "clockStopped" AND ("overdueFromDay" <= ${today} OR "dueDay" BETWEEN ${today} AND ${horizon})`;
  raw.push(performance.now() - t);
  rows = due.length;
}
console.log(`${(await database.db.dossier.count({ where: { finishedAt: null } })).toLocaleString('en')} open dossiers; due set ${rows.toLocaleString('en')} dossiers → ${items.toLocaleString('en')} reminder items in ${messages} messages`);
console.log(`  planning tick (dry run, all stages): median ${ms(plan)[Math.floor(RUNS / 2)]!.toFixed(0)} ms, best ${ms(plan)[0]!.toFixed(0)} ms`);
console.log(`  raw SQL selecting the due set:       median ${ms(raw)[Math.floor(RUNS / 2)]!.toFixed(0)} ms, best ${ms(raw)[0]!.toFixed(0)} ms`);
console.log(`  ratio (median): ${(ms(plan)[Math.floor(RUNS / 2)]! / ms(raw)[Math.floor(RUNS / 2)]!).toFixed(1)}×`);
await database.close();
