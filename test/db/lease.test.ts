// Leases across instances: a standby (awaitLease) takes a job over when its holder releases it or
// dies without releasing it, and gives up when told to stop.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { awaitLease, holdLease } from '../../src/core/held-lease.ts';
import { acquireLease } from '../../src/db/lease.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { systemClock } from '../../src/core/clock.ts';

let database: TestDatabase;
afterEach(async () => database?.drop());
const TTL = 1_000;

describe('a standby instance', () => {
  it('waits while the holder renews, and takes over soon after the holder releases', async () => {
    database = await testDatabase();
    const holder = (await holdLease(database.db, 'job', 'a', systemClock, TTL))!;
    expect(holder).not.toBeNull();
    let taken: Awaited<ReturnType<typeof awaitLease>> | undefined;
    const waiting = awaitLease(database.db, 'job', 'b', systemClock, new AbortController().signal, TTL).then((l) => (taken = l));
    await sleep(TTL * 2); // the holder renews every TTL/4: the standby keeps waiting
    expect(taken).toBeUndefined();
    await holder.release();
    await waiting;
    expect(taken).not.toBeNull();
    expect(await acquireLease(database.db, 'job', 'c', TTL, new Date())).toBe(false);
    await taken!.release();
  });

  it('takes over from a holder that died (its lease expires), and stops waiting when aborted', async () => {
    database = await testDatabase();
    expect(await acquireLease(database.db, 'job', 'dead', TTL, new Date())).toBe(true); // never renewed
    const started = Date.now();
    const lease = await awaitLease(database.db, 'job', 'b', systemClock, new AbortController().signal, TTL);
    expect(lease).not.toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(TTL - 50);
    const stop = new AbortController();
    const other = awaitLease(database.db, 'job', 'c', systemClock, stop.signal, TTL);
    await sleep(50);
    stop.abort();
    expect(await other).toBeNull();
    await lease!.release();
  });
});
