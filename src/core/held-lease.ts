// Leases held for as long as the process runs, renewed on the clock, for a job that must run on
// one instance only (the Zalo account's listener, Telegram's long polling); db/lease.ts has the rows.
import { acquireLease, releaseLease } from '../db/lease.ts';
import type { Db } from '../db/client.ts';
import { every, sleep, type Clock } from './clock.ts';

export interface HeldLease {
  /** Stops renewing and gives the lease up. */
  release(): Promise<void>;
}

/**
 * Holds a lease for as long as the process runs (renewing it), for a job that must run on one
 * instance only (the Zalo account's listener). Returns null when another instance holds it.
 */
export async function holdLease(db: Db, name: string, owner: string, clock: Clock, ttlMs = 120_000): Promise<HeldLease | null> {
  if (!(await acquireLease(db, name, owner, ttlMs, clock.now()))) return null;
  const stop = every(clock, ttlMs / 4, () => acquireLease(db, name, owner, ttlMs, clock.now()).catch(() => {}));
  return {
    async release() {
      stop();
      await releaseLease(db, name, owner);
    },
  };
}

/**
 * holdLease for a standby: while another instance holds the lease, tries again every half TTL, so
 * the job moves here at most 1.5 TTL after its holder dies. Resolves with the held lease, or null
 * once `signal` aborts.
 */
export async function awaitLease(db: Db, name: string, owner: string, clock: Clock, signal: AbortSignal, ttlMs = 120_000): Promise<HeldLease | null> {
  while (!signal.aborted) {
    const lease = await holdLease(db, name, owner, clock, ttlMs).catch(() => null);
    if (lease) return lease;
    await sleep(clock, ttlMs / 2, signal).catch(() => {});
  }
  return null;
}
