// A channel that fails one send in five (429 with retry_after, 5xx, timeouts): everything is still
// delivered, and no send starts on the channel before a retry_after has passed.
import { afterEach, describe, expect, it } from 'vitest';
import { ChannelError, type Channel } from '../../src/core/channel.ts';
import { Random } from '../../src/demo/random.ts';
import { createLogger } from '../../src/log.ts';
import { Dispatcher } from '../../src/outbox/dispatcher.ts';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
afterEach(async () => database?.drop());
const silent = createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' });
const fast = { count: 1_000_000, windowMs: 1_000 };

describe('the dispatcher against a failing channel', () => {
  it('delivers 2,000 messages although 20% of sends fail, honouring retry_after', async () => {
    database = await testDatabase();
    const n = 2_000;
    const now = new Date();
    await enqueue(database.db, database.target.engine, Array.from({ length: n }, (_, i) => ({
      dedupKey: `f${i}`, officialId: null, channel: 'telegram' as const, address: `chat-${i % 97}`, kind: 'test', payload: { text: `f${i}` }, notBefore: now,
    })), now);

    const rnd = new Random(7);
    const delivered = new Set<string>();
    const starts: number[] = [];
    const holds: { from: number; until: number }[] = [];
    const failures = { rate: 0, server: 0, timeout: 0 };
    const channel: Channel = {
      name: 'telegram', maxText: 4096, limits: { perChat: fast, perGroup: fast, overall: fast }, isGroup: () => false,
      async send(_address, message) {
        const t = Date.now();
        starts.push(t);
        const x = rnd.next();
        if (x < 0.07) {
          failures.rate++;
          const retry = 30 + rnd.int(0, 70);
          holds.push({ from: t, until: t + retry });
          throw new ChannelError('rate_limited', 'Too Many Requests', retry);
        }
        if (x < 0.14) {
          failures.server++;
          throw new ChannelError('transient', '502 Bad Gateway');
        }
        if (x < 0.2) {
          failures.timeout++;
          return new Promise(() => {}); // never answers
        }
        delivered.add(message.text);
      },
    };
    const dispatcher = new Dispatcher({
      database, channels: new Map([['telegram', channel]]), log: silent,
      maxAttempts: 50, concurrency: 1, sendTimeoutMs: 50, backoffMs: 10, maxBackoffMs: 200, idleMs: 5,
    });
    const deadline = Date.now() + 120_000;
    while (delivered.size < n && Date.now() < deadline) {
      if ((await dispatcher.runOnce()) === 0) await new Promise((r) => setTimeout(r, 5));
    }
    expect(delivered.size).toBe(n);
    expect(await database.db.outbox.count({ where: { status: 'sent' } })).toBe(n);
    expect(failures.rate + failures.server + failures.timeout).toBeGreaterThan(n * 0.15);
    expect(failures.rate).toBeGreaterThan(50);
    // No send started while the channel had been told to wait.
    for (const h of holds) expect(starts.filter((s) => s > h.from && s < h.until - 2), `hold ${JSON.stringify(h)}`).toEqual([]);
  }, 180_000);

  it('marks an unreachable chat inactive, re-routes to the official’s other channel, and tells the admins once', async () => {
    database = await testDatabase();
    const { db } = database;
    const unit = await db.unit.create({ data: { code: 'U', name: 'Đơn vị', kind: 'office', path: '/1/' } });
    const o = await db.official.create({ data: { code: 'o1', fullName: 'Cán bộ Một', title: 'Trưởng phòng', role: 'unit_head', unitId: unit.id, preferredChannel: 'telegram' } });
    const admin = await db.official.create({ data: { code: 'ad', fullName: 'Quản trị', title: 'Quản trị', role: 'admin', unitId: unit.id } });
    await db.chatIdentity.createMany({ data: [
      { officialId: o.id, channel: 'telegram', externalId: '111' },
      { officialId: o.id, channel: 'zalo', externalId: 'u:222' },
      { officialId: admin.id, channel: 'zalo', externalId: 'u:999' },
    ] });
    const now = new Date();
    await enqueue(db, database.target.engine, [1, 2].map((i) => ({
      dedupKey: `r${i}`, officialId: o.id, channel: 'telegram' as const, address: '111', kind: 'overdue', payload: { text: `nhắc ${i}` }, notBefore: now,
    })), now);
    const sent: string[] = [];
    const telegram: Channel = {
      name: 'telegram', maxText: 4096, limits: { perChat: fast, perGroup: fast, overall: fast }, isGroup: () => false,
      async send() {
        throw new ChannelError('unreachable', 'Forbidden: bot was blocked by the user');
      },
    };
    const zalo: Channel = { ...telegram, name: 'zalo', async send(address, m) { sent.push(`${address} ${m.text}`); } };
    const dispatcher = new Dispatcher({ database, channels: new Map([['telegram', telegram], ['zalo', zalo]]), log: silent, maxAttempts: 5, idleMs: 5 });
    while ((await dispatcher.runOnce()) > 0);

    expect(await db.chatIdentity.findUnique({ where: { channel_externalId: { channel: 'telegram', externalId: '111' } } })).toMatchObject({ active: false });
    expect(sent.filter((s) => s.startsWith('u:222')).sort()).toEqual(['u:222 nhắc 1', 'u:222 nhắc 2']);
    const toAdmin = sent.filter((s) => s.startsWith('u:999'));
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0]).toContain('telegram 111');
    expect(await db.outbox.count({ where: { status: 'dead' } })).toBe(2);
    expect(await db.outbox.count({ where: { status: { in: ['pending', 'sending'] } } })).toBe(0);
  });

  it('gives up after the maximum attempts and tells the admins once', async () => {
    database = await testDatabase();
    const { db } = database;
    const unit = await db.unit.create({ data: { code: 'U', name: 'Đơn vị', kind: 'office', path: '/1/' } });
    const admin = await db.official.create({ data: { code: 'ad', fullName: 'Quản trị', title: 'Quản trị', role: 'admin', unitId: unit.id } });
    await db.chatIdentity.create({ data: { officialId: admin.id, channel: 'zalo', externalId: 'u:999' } });
    const now = new Date();
    await enqueue(db, database.target.engine, [{ dedupKey: 'x', officialId: null, channel: 'telegram', address: '5', kind: 'overdue', payload: { text: 'x' }, notBefore: now }], now);
    const toAdmin: string[] = [];
    const telegram: Channel = { name: 'telegram', maxText: 4096, limits: { perChat: fast, perGroup: fast, overall: fast }, isGroup: () => false, async send() { throw new Error('socket hang up'); } };
    const zalo: Channel = { ...telegram, name: 'zalo', async send(_a, m) { toAdmin.push(m.text); } };
    const dispatcher = new Dispatcher({ database, channels: new Map([['telegram', telegram], ['zalo', zalo]]), log: silent, maxAttempts: 3, backoffMs: 1, maxBackoffMs: 2, idleMs: 1 });
    for (let i = 0; i < 50 && (await db.outbox.count({ where: { status: { in: ['pending', 'sending'] } } })) > 0; i++) {
      await dispatcher.runOnce();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await db.outbox.findFirst({ where: { dedupKey: 'x' } })).toMatchObject({ status: 'dead', attempts: 3 });
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0]).toContain('dunghan outbox --status dead');
  });
});
