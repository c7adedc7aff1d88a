// The schedule with a fake clock: catch-up after downtime exactly once, holiday deferral, two
// instances starting together, and the cron read in Asia/Ho_Chi_Minh.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChartRenderer, chartKey } from '../../src/digest/images.ts';
import { startDigestSchedule, type DigestSchedule } from '../../src/digest/schedule.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { buildArea, vn } from './fixture.ts';
import { servicesFor } from './support.ts';
import { fixedClock } from '../support/clock.ts';
import { systemClock } from '../../src/core/clock.ts';

let database: TestDatabase;
const charts = new ChartRenderer(systemClock, async (input) => ({ png: Buffer.from(`png:${chartKey(input)}`), width: 1, height: 1 }));
const running: DigestSchedule[] = [];

beforeAll(async () => {
  database = await testDatabase();
  await buildArea(database);
});
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  await database.drop();
});

beforeEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  await database.db.outbox.deleteMany();
  await database.db.auditLog.deleteMany({ where: { action: 'digest.sent' } });
  await database.db.calendarOverride.deleteMany();
  await database.db.lease.deleteMany();
});

async function start(at: string, env: Record<string, string> = {}, owner?: string): Promise<DigestSchedule> {
  const s = startDigestSchedule({ services: { ...servicesFor(database, env), clock: fixedClock(vn(at)) }, charts, ...(owner ? { owner } : {}) });
  running.push(s);
  await s.ready;
  return s;
}

const outboxCount = () => database.db.outbox.count();

describe('startDigestSchedule', () => {
  it('fires on Mondays at 07:30 Asia/Ho_Chi_Minh, i.e. 00:30 UTC', async () => {
    const s = await start('2026-11-23 06:00');
    const next = s.nextRun()!;
    expect([next.getUTCDay(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 0, 30]);
  });

  it('catches up once after downtime: started at 09:00 on Monday it sends, started again at 10:00 nothing', async () => {
    const first = await start('2026-11-23 09:00');
    expect(first.checks[0]!.result?.status).toBe('sent');
    expect(await outboxCount()).toBe(4);
    await first.stop();
    const second = await start('2026-11-23 10:00');
    expect(second.checks[0]!.result?.status).toBe('already_sent');
    expect(await outboxCount()).toBe(4);
  });

  it('never sends a week late: started on Tuesday, nothing', async () => {
    const s = await start('2026-11-25 09:00');
    expect(s.checks[0]!.due.state).toBe('missed');
    expect(await outboxCount()).toBe(0);
  });

  it('before 07:30 it waits for the time', async () => {
    const s = await start('2026-11-23 07:29');
    expect(s.checks[0]!.due.state).toBe('not_yet');
    expect(await outboxCount()).toBe(0);
  });

  it('on a holiday Monday waits for the next working day (skipping Culture Day on Tuesday 24/11)', async () => {
    await database.db.calendarOverride.create({ data: { date: '2026-11-23', kind: 'day_off', name: 'Nghỉ thử', source: 'test', createdBy: 'test' } });
    for (const at of ['2026-11-23 09:00', '2026-11-24 09:00']) {
      const s = await start(at);
      expect(s.checks[0]!.due.state, at).toBe('not_yet');
      expect(s.checks[0]!.due.dueAt?.toISOString()).toBe('2026-11-25T00:30:00.000Z');
    }
    expect(await outboxCount()).toBe(0);
    const wednesday = await start('2026-11-25 08:15');
    expect(wednesday.checks[0]!.result?.status).toBe('sent');
    expect(await outboxCount()).toBe(4);
  });

  it('with DIGEST_ON_HOLIDAY=skip sends nothing that week; with same_day sends on the holiday', async () => {
    await database.db.calendarOverride.create({ data: { date: '2026-11-23', kind: 'day_off', name: 'Nghỉ thử', source: 'test', createdBy: 'test' } });
    await start('2026-11-23 09:00', { DIGEST_ON_HOLIDAY: 'skip' });
    await start('2026-11-25 09:00', { DIGEST_ON_HOLIDAY: 'skip' });
    expect(await outboxCount()).toBe(0);
    await start('2026-11-23 09:00', { DIGEST_ON_HOLIDAY: 'same_day' });
    expect(await outboxCount()).toBe(4);
  });

  it('during Tết (Monday 16/2/2026) sends nothing', async () => {
    const s = await start('2026-02-16 09:00');
    expect(s.checks[0]!.due.state).toBe('none');
    expect(await outboxCount()).toBe(0);
  });

  it('follows DIGEST_CRON', async () => {
    const s = await start('2026-11-26 09:00', { DIGEST_CRON: '0 8 * * 4' });
    expect(s.checks[0]!.due.dueAt?.toISOString()).toBe('2026-11-26T01:00:00.000Z');
    expect(s.checks[0]!.result?.status).toBe('sent');
    const next = s.nextRun()!;
    expect([next.getUTCDay(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([4, 1, 0]);
  });

  it('two instances starting at the same time write one set of outbox rows', async () => {
    const [a, b] = [
      startDigestSchedule({ services: { ...servicesFor(database), clock: fixedClock(vn('2026-11-23 09:00')) }, charts, owner: 'a' }),
      startDigestSchedule({ services: { ...servicesFor(database), clock: fixedClock(vn('2026-11-23 09:00')) }, charts, owner: 'b' }),
    ];
    running.push(a, b);
    await Promise.all([a.ready, b.ready]);
    const statuses = [a, b].map((s) => s.checks[0]!.result?.status).sort();
    expect(statuses).toEqual(['busy', 'sent']);
    expect(await outboxCount()).toBe(4);
    const keys = (await database.db.outbox.findMany({ select: { dedupKey: true } })).map((r) => r.dedupKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
