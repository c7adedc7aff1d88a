// Messages for a channel that no running instance sends on: each instance's heartbeat per channel
// says which channels run somewhere; rows of the others stay pending with a lastError saying so,
// are counted per channel, and lose that line once an instance runs the channel. Nothing here
// depends on the channel's name (a future "zns" works the same), and an unreachable address is
// re-routed to the official's other account even when this instance does not run that channel.
import { afterEach, describe, expect, it } from 'vitest';
import { ChannelError, type Channel } from '../../src/core/channel.ts';
import { HEARTBEAT_TTL_MS, liveChannels, startHeartbeat } from '../../src/outbox/heartbeat.ts';
import { createLogger } from '../../src/log.ts';
import type { ChannelName } from '../../src/org/codes.ts';
import { Dispatcher } from '../../src/outbox/dispatcher.ts';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { markStuck, noInstanceError, stuckCounts } from '../../src/outbox/stuck.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { clockReading, fixedClock } from '../support/clock.ts';

let database: TestDatabase;
afterEach(async () => database?.drop());
const silent = createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' });
const fast = { count: 1_000_000, windowMs: 1_000 };
const T0 = new Date('2026-12-01T02:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

async function write(keys: string[], channel: string, now: Date): Promise<void> {
  await enqueue(database.db, database.target.engine, keys.map((dedupKey) => ({
    dedupKey, officialId: null, channel: channel as ChannelName, address: `a-${dedupKey}`, kind: 'admin', payload: { text: dedupKey }, notBefore: now,
  })), now);
}
const errors = async () => Object.fromEntries((await database.db.outbox.findMany({ orderBy: { dedupKey: 'asc' } })).map((r) => [r.dedupKey, r.lastError]));

describe('channels that no instance runs', () => {
  it('a row is written with lastError saying no instance runs its channel, counted per channel until an instance runs it', async () => {
    database = await testDatabase();
    const { db } = database;
    await write(['t1', 't2'], 'telegram', T0);
    await write(['z1'], 'zns', T0);
    expect(await stuckCounts(db, T0)).toEqual({ telegram: 2, zns: 1 });
    expect(await errors()).toEqual({ t1: noInstanceError('telegram'), t2: noInstanceError('telegram'), z1: noInstanceError('zns') });
    expect(noInstanceError('zns')).toContain('zns');

    // Instance A runs Telegram: its rows are no longer stuck, and the sweep clears their line.
    let clock = T0;
    const a = await startHeartbeat(db, ['telegram'], { clock: clockReading(() => clock), log: silent, instance: 'A', afterBeat: () => markStuck(db, clock) });
    expect([...(await liveChannels(db, clock))]).toEqual(['telegram']);
    expect(await stuckCounts(db, clock)).toEqual({ zns: 1 });
    expect(await errors()).toEqual({ t1: null, t2: null, z1: noInstanceError('zns') });
    // A row written now starts without that line.
    await write(['t3'], 'telegram', clock);
    expect((await errors()).t3).toBeNull();

    // Instance B also runs Telegram; A stopping cleanly leaves B's heartbeat.
    const ticking = clockReading(() => clock);
    const b = await startHeartbeat(db, ['telegram', 'zns'], { clock: ticking, log: silent, instance: 'B', afterBeat: () => markStuck(db, clock) });
    expect(await stuckCounts(db, clock)).toEqual({});
    await a.stop();
    expect(await liveChannels(db, clock)).toEqual(new Set(['telegram', 'zns']));

    // B dies without stopping: once its heartbeat expires, the rows are stuck again, and the next sweep (any process) says so.
    clock = at(HEARTBEAT_TTL_MS + 1);
    expect(await stuckCounts(db, clock)).toEqual({ telegram: 3, zns: 1 });
    expect(await markStuck(db, clock)).toBe(4);
    const telegram = noInstanceError('telegram');
    expect(await errors()).toEqual({ t1: telegram, t2: telegram, t3: telegram, z1: noInstanceError('zns') });
    expect(await markStuck(db, clock)).toBe(0); // nothing changes twice
    await b.stop();
  });

  it('sent and dead rows are never stuck; only pending ones', async () => {
    database = await testDatabase();
    const { db } = database;
    await write(['p', 's', 'd'], 'zalo', T0);
    await db.outbox.updateMany({ where: { dedupKey: 's' }, data: { status: 'sent' } });
    await db.outbox.updateMany({ where: { dedupKey: 'd' }, data: { status: 'dead' } });
    expect(await stuckCounts(db, T0)).toEqual({ zalo: 1 });
  });

  it('an unreachable Telegram chat re-routes to the official’s Zalo although this instance does not run Zalo', async () => {
    database = await testDatabase();
    const { db } = database;
    const unit = await db.unit.create({ data: { code: 'U', name: 'Đơn vị', kind: 'office', path: '/1/' } });
    const o = await db.official.create({ data: { code: 'o1', fullName: 'Cán bộ Một', title: 'Trưởng phòng', role: 'unit_head', unitId: unit.id } });
    await db.chatIdentity.createMany({ data: [
      { officialId: o.id, channel: 'telegram', externalId: '111' },
      { officialId: o.id, channel: 'zalo', externalId: 'u:222' },
    ] });
    const reminder = { dedupKey: 'r1', officialId: o.id, channel: 'telegram' as const, address: '111', kind: 'overdue', payload: { text: 'nhắc' } };
    await enqueue(db, database.target.engine, [{ ...reminder, notBefore: T0 }], T0);
    const telegram: Channel = {
      name: 'telegram', maxText: 4096, limits: { perChat: fast, perGroup: fast, overall: fast }, isGroup: () => false,
      async send() {
        throw new ChannelError('unreachable', 'Forbidden: bot was blocked by the user');
      },
    };
    const dispatcher = new Dispatcher({ database, channels: new Map([['telegram', telegram]]), log: silent, maxAttempts: 5, clock: fixedClock(T0) });
    await dispatcher.runOnce();
    const rerouted = await db.outbox.findFirstOrThrow({ where: { channel: 'zalo' } });
    expect(rerouted).toMatchObject({ address: 'u:222', status: 'pending', lastError: noInstanceError('zalo') });
    expect(await stuckCounts(db, T0)).toEqual({ zalo: 1 });
  });
});
