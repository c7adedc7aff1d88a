// Named, expiring leases: at most one process runs a job at a time (the alert planner, the weekly
// digest), across instances. A holder that dies loses the lease when it expires.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from './client.ts';

export async function acquireLease(db: Db, name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
  const expires = new Date(now.getTime() + ttlMs);
  const rows = await db.$queryRaw<{ owner: string }[]>`
    INSERT INTO "Lease" ("name", "owner", "expiresAt") VALUES (${name}, ${owner}, ${expires})
    ON CONFLICT ("name") DO UPDATE SET "owner" = excluded."owner", "expiresAt" = excluded."expiresAt"
    WHERE "Lease"."expiresAt" < ${now} OR "Lease"."owner" = excluded."owner"
    RETURNING "owner"`;
  return rows.length === 1;
}

export async function releaseLease(db: Db, name: string, owner: string): Promise<void> {
  await db.lease.deleteMany({ where: { name, owner } });
}

/** Runs `fn` holding the lease, or returns null without running it if another holder has it. */
export async function withLease<T>(db: Db, name: string, owner: string, ttlMs: number, now: Date, fn: () => Promise<T>): Promise<T | null> {
  if (!(await acquireLease(db, name, owner, ttlMs, now))) return null;
  try {
    return await fn();
  } finally {
    await releaseLease(db, name, owner);
  }
}

/**
 * Holds a lease for as long as the process runs (renewing it), for a job that must run on one
 * instance only (the Zalo account's listener). Returns null when another instance holds it.
 */
export async function holdLease(db: Db, name: string, owner: string, now: () => Date, ttlMs = 120_000): Promise<{ release(): Promise<void> } | null> {
  if (!(await acquireLease(db, name, owner, ttlMs, now()))) return null;
  const timer = setInterval(() => void acquireLease(db, name, owner, ttlMs, now()).catch(() => {}), ttlMs / 4);
  timer.unref();
  return {
    async release() {
      clearInterval(timer);
      await releaseLease(db, name, owner);
    },
  };
}

/**
 * holdLease for a standby: while another instance holds the lease, tries again every half TTL, so
 * the job moves here at most 1.5 TTL after its holder dies. Resolves with the held lease, or null
 * once `signal` aborts.
 */
export async function awaitLease(db: Db, name: string, owner: string, now: () => Date, signal: AbortSignal, ttlMs = 120_000): Promise<{ release(): Promise<void> } | null> {
  while (!signal.aborted) {
    const lease = await holdLease(db, name, owner, now, ttlMs).catch(() => null);
    if (lease) return lease;
    await sleep(ttlMs / 2, undefined, { signal }).catch(() => {});
  }
  return null;
}
