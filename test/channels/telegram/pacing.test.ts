// Pacing as Telegram sees it, on the real clock: the channel's guard keeps arrivals within the
// limits even when a request is slow; a burst to one chat waits off the dispatcher's workers
// (other chats go on), goes back to the outbox on stop(), and still gets through under a test's
// fixed clock.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { telegramChannel } from '../../../src/channels/telegram/channel.ts';
import { createLogger } from '../../../src/log.ts';
import { enqueue } from '../../../src/outbox/enqueue.ts';
import { Dispatcher } from '../../../src/outbox/dispatcher.ts';
import { startStubBotApi, type StubBotApi } from './support/stub-bot-api.ts';
import { TOKEN, world, type World } from './support/world.ts';
import { fixedClock } from '../../support/clock.ts';

let stub: StubBotApi;
let w: World;
const log = createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' });
const channel = () => telegramChannel({ token: TOKEN, apiRoot: stub.url, log });
const arrivals = (chat: string) => stub.of('sendMessage').filter((c) => String(c.fields.chat_id) === chat);
const gaps = (xs: { at: number }[]) => xs.slice(1).map((x, i) => x.at - xs[i]!.at);

async function until(cond: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await sleep(20);
  }
}

beforeAll(async () => {
  stub = await startStubBotApi();
});
afterAll(async () => stub.close());
beforeEach(() => {
  stub.calls.length = 0;
  stub.respond = undefined;
});

describe('the channel guard', () => {
  it('counts a send until it is answered: a slow first request does not let the next one arrive too soon', async () => {
    let first = true;
    stub.respond = (c) => (c.method === 'sendMessage' && first ? ((first = false), { delayMs: 300 }) : undefined);
    const c = channel();
    const t0 = performance.now();
    await Promise.all([c.send('1001', { text: 'một' }), c.send('1001', { text: 'hai' })]);
    const [a, b] = arrivals('1001');
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(1_300 - 5);
    expect(performance.now() - t0).toBeLessThan(2_500);
  });

  it('lets 30 messages a second through overall, the 31st only after the first was answered a second ago', async () => {
    const c = channel();
    await Promise.all(Array.from({ length: 31 }, (_, i) => c.send(String(2000 + i), { text: `tin ${i}` })));
    const times = stub.of('sendMessage').map((x) => x.at).sort((p, q) => p - q);
    expect(times).toHaveLength(31);
    expect(times[29]! - times[0]!).toBeLessThan(500);
    expect(times[30]! - times[0]!).toBeGreaterThanOrEqual(1_000 - 5);
  });

  it('a group: at most one message a second, even for a caller with looser limits', async () => {
    const c = telegramChannel({ token: TOKEN, apiRoot: stub.url, log, limits: { perChat: { count: 1, windowMs: 1_000 }, perGroup: { count: 20, windowMs: 60_000 }, overall: { count: 30, windowMs: 1_000 } } });
    await Promise.all([c.send('-100777', { text: 'a' }), c.send('-100777', { text: 'b' }), c.send('-100777', { text: 'c' })]);
    expect(gaps(arrivals('-100777')).every((g) => g >= 1_000 - 5)).toBe(true);
  });
});

describe('a burst to one chat through the dispatcher', () => {
  beforeEach(async () => {
    w = await world();
  });
  afterEach(async () => w.database.drop());

  async function fill(addresses: string[], now = new Date()) {
    await enqueue(w.database.db, w.database.target.engine, addresses.map((address, i) => ({ dedupKey: `m${i}`, officialId: null, channel: 'telegram' as const, address, kind: 'test', payload: { text: `tin ${i} cho ${address}` }, notBefore: now })), now);
  }

  it.each([1, 4])('waits off the workers (concurrency %i): other chats are served at once, the chat gets one a second, in order', async (concurrency) => {
    await fill(['1001', '1001', '1001', '2001', '2002', '2003', '2004']);
    const d = new Dispatcher({ database: w.database, channels: new Map([['telegram', channel()]]), log, maxAttempts: 3, concurrency });
    const t0 = Date.now();
    expect(await d.runOnce()).toBe(7);
    expect(Date.now() - t0).toBeLessThan(800); // nobody waited for chat 1001
    expect(stub.of('sendMessage').map((c) => c.fields.chat_id).sort()).toEqual(['1001', '2001', '2002', '2003', '2004']);
    await until(async () => (await w.database.db.outbox.count({ where: { status: 'sent' } })) === 7);
    expect(arrivals('1001').map((c) => c.fields.text)).toEqual(['tin 0 cho 1001', 'tin 1 cho 1001', 'tin 2 cho 1001']);
    expect(gaps(arrivals('1001')).every((g) => g >= 1_000 - 5)).toBe(true);
    expect((await w.database.db.outbox.findMany()).every((r) => r.attempts === 1)).toBe(true);
  });

  it('stop() puts a message still waiting for its slot back in the outbox', async () => {
    await fill(['1001', '1001']);
    const d = new Dispatcher({ database: w.database, channels: new Map([['telegram', channel()]]), log, maxAttempts: 3, idleMs: 20 });
    d.start();
    await until(() => arrivals('1001').length === 1);
    await sleep(100);
    await d.stop();
    const waiting = await w.database.db.outbox.findUniqueOrThrow({ where: { dedupKey: 'm1' } });
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0, leaseOwner: null });
    expect(arrivals('1001')).toHaveLength(1);
  });

  it('gets through under a fixed test clock too', async () => {
    // The rows are due on the test's clock, whatever the real date (a fixed date in the real
    // clock's past or future must both work).
    const fixed = new Date('2026-12-04T02:00:00Z');
    await fill(['1001', '1001'], fixed);
    const d = new Dispatcher({ database: w.database, channels: new Map([['telegram', channel()]]), log, maxAttempts: 3, clock: fixedClock(fixed) });
    await d.runOnce();
    await until(async () => (await w.database.db.outbox.count({ where: { status: 'sent' } })) === 2, 5_000);
    await d.stop();
  });
});
