// The staleness alarm: measured in working time, one alert per stale episode to the admins and the
// reform office, and the freshness /tiendo will note.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/calendar/calendar.ts';
import { checkStaleness, watchStaleness } from '../../src/alerts/staleness.ts';
import { dataFreshness, dataStaleness } from '../../src/dossiers/freshness.ts';
import { loadConfig } from '../../src/config.ts';
import { createServices } from '../../src/core/services.ts';
import { createLogger } from '../../src/log.ts';
import { fixedClock } from '../support/clock.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { ingestOfficials, ingestOrg } from '../ingest/support/org.ts';

const vn = (s: string) => new Date(`${s}+07:00`);
const calendar = new WorkCalendar();
let database: TestDatabase;
let officials: Awaited<ReturnType<typeof ingestOfficials>>;

beforeEach(async () => {
  database = await testDatabase();
  officials = await ingestOfficials(database, await ingestOrg(database));
});
afterEach(async () => database.drop());

const succeeded = (source: string, at: Date) =>
  database.db.ingestRun.create({ data: { source, kind: 'api', startedAt: at, finishedAt: at, status: 'succeeded' } });
const check = (now: Date) => checkStaleness(database, { now, calendar, staleAfterWorkingDays: 1 });

describe('staleness', () => {
  it('is never raised before any data came in', async () => {
    expect(await check(vn('2026-12-30T10:00:00'))).toEqual({ last: null, stale: false, enqueued: [] });
    expect(await dataFreshness(database.db, vn('2026-12-30T10:00:00'))).toBeNull();
  });

  it('counts working time only: Friday 16:00 is stale on Monday at 16:00, not before', async () => {
    await succeeded('igate', vn('2026-11-27T16:00:00'));
    // A failed or unfinished run does not count as fresh data.
    await database.db.ingestRun.create({ data: { source: 'igate', kind: 'api', startedAt: vn('2026-11-30T08:00:00'), status: 'running' } });
    await database.db.ingestRun.create({ data: { source: 'csv', kind: 'csv', startedAt: vn('2026-11-30T08:00:00'), finishedAt: vn('2026-11-30T08:01:00'), status: 'failed' } });
    const at = (s: string) => dataStaleness(database.db, { now: vn(s), calendar, staleAfterWorkingDays: 1 });
    expect((await at('2026-11-28T20:00:00')).stale).toBe(false); // Saturday
    expect((await at('2026-11-30T15:59:00')).stale).toBe(false); // 1 h Friday + 7 h 29 min Monday… almost
    expect((await at('2026-11-30T16:00:00')).stale).toBe(true); // 7.5 working hours
    expect(await dataFreshness(database.db, vn('2026-11-30T16:00:00'))).toEqual({ at: vn('2026-11-27T16:00:00'), source: 'igate' });
  });

  it('alerts each admin and the reform office once per stale episode, on their chat', async () => {
    await succeeded('igate', vn('2026-11-27T16:00:00'));
    const first = await check(vn('2026-11-30T16:10:00'));
    expect(first.stale).toBe(true);
    expect(first.enqueued).toHaveLength(2);
    const rows = await database.db.outbox.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.officialId, r.channel, r.address, r.kind, r.status])).toEqual([
      [officials.admin, 'telegram', '1001', 'stale_data', 'pending'],
      [officials.reform, 'telegram', '1002', 'stale_data', 'pending'],
    ]);
    const text = JSON.parse(rows[0]!.payload).text as string;
    expect(text).toContain('Dữ liệu chưa được cập nhật từ 16:00 27/11/2026 (lần nhập gần nhất: igate)');
    expect(rows[0]!.nextAttemptAt).toEqual(vn('2026-11-30T16:10:00'));

    // Checked again and again (every few minutes): no second alert.
    expect((await check(vn('2026-11-30T16:20:00'))).enqueued).toEqual([]);
    expect((await check(vn('2026-12-01T09:00:00'))).enqueued).toEqual([]);
    expect(await database.db.outbox.count()).toBe(2);

    // Data come again, then stop again: a new episode, a new alert.
    await succeeded('igate', vn('2026-12-01T10:00:00'));
    expect((await check(vn('2026-12-01T11:00:00'))).stale).toBe(false);
    expect((await check(vn('2026-12-02T10:30:00'))).enqueued).toHaveLength(2);
    expect(await database.db.outbox.count()).toBe(4);
  });

  it('sends an alert noticed after hours at the next working morning', async () => {
    await succeeded('import', vn('2026-11-26T09:00:00'));
    await check(vn('2026-11-27T19:00:00'));
    const row = await database.db.outbox.findFirstOrThrow();
    expect(row.nextAttemptAt).toEqual(vn('2026-11-30T07:30:00'));
  });

  it('is checked by the service every few minutes (watchStaleness)', async () => {
    await succeeded('igate', vn('2026-11-25T09:00:00'));
    const log = createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' });
    const services = createServices({ database, config: loadConfig({ STALE_AFTER_WORKING_DAYS: '1' }), log, clock: fixedClock(vn('2026-11-27T10:00:00')) });
    const watch = watchStaleness(services, 20);
    try {
      await expect.poll(() => database.db.outbox.count(), { timeout: 5_000 }).toBe(2);
      await new Promise((r) => setTimeout(r, 100)); // more ticks, no more alerts
      expect(await database.db.outbox.count()).toBe(2);
    } finally {
      watch.stop();
    }
  });
});
