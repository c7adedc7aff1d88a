// Named, expiring leases: at most one process runs a job at a time (the alert planner, the weekly
// digest), across instances. A holder that dies loses the lease when it expires. Leases held for
// as long as the process runs (renewed on the clock) are core/held-lease.ts.
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
