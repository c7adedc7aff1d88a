// Single-use, expiring invitations that link a chat account to an official. Only the SHA-256 of
// the code is stored; failed attempts are audited and limited per chat account.
import { createHash, randomInt } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { ChannelName } from './codes.ts';

/** No 0/O, 1/I/L: codes are read aloud and typed on phones. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_HOURS = 72;
const MAX_FAILURES_PER_HOUR = 5;

const canonicalCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
const hash = (code: string): string => createHash('sha256').update(canonicalCode(code)).digest('hex');

/**
 * Creates an invitation for an official; returns the code (shown once, never stored). `validFrom`
 * (default `now`) starts its validity, e.g. `dunghan invite --at`; `now` is when it is made (audited).
 */
export async function createInvite(
  db: Db,
  officialId: number,
  opts: { now: Date; validFrom?: Date | undefined; hours?: number; createdBy: string },
): Promise<{ code: string; expiresAt: Date }> {
  const raw = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4)}`;
  const expiresAt = new Date((opts.validFrom ?? opts.now).getTime() + (opts.hours ?? INVITE_HOURS) * 3_600_000);
  await db.$transaction([
    db.invite.create({ data: { officialId, codeHash: hash(code), expiresAt, createdAt: opts.now, createdBy: opts.createdBy } }),
    db.auditLog.create({ data: { at: opts.now, actor: opts.createdBy, action: 'invite.create', target: String(officialId), detail: JSON.stringify({ expiresAt }) } }),
  ]);
  return { code, expiresAt };
}

export type RedeemResult =
  | { kind: 'linked'; officialId: number }
  | { kind: 'already'; officialId: number }
  | { kind: 'invalid' | 'used' | 'expired' | 'too_many' | 'linked_elsewhere' };

export interface ChatAccount {
  channel: ChannelName;
  externalId: string;
  displayName?: string | undefined;
}

export async function redeemInvite(db: Db, code: string, account: ChatAccount, now: Date): Promise<RedeemResult> {
  const target = `${account.channel}:${account.externalId}`;
  const failures = await db.auditLog.count({ where: { action: 'invite.failed', target, at: { gte: new Date(now.getTime() - 3_600_000) } } });
  if (failures >= MAX_FAILURES_PER_HOUR) return { kind: 'too_many' };
  const fail = async (kind: 'invalid' | 'used' | 'expired' | 'linked_elsewhere'): Promise<RedeemResult> => {
    await db.auditLog.create({ data: { at: now, actor: target, action: 'invite.failed', target, detail: JSON.stringify({ reason: kind }) } });
    return { kind };
  };

  const invite = canonicalCode(code).length === 8 ? await db.invite.findUnique({ where: { codeHash: hash(code) } }) : null;
  if (!invite) return fail('invalid');
  const identity = await db.chatIdentity.findUnique({ where: { channel_externalId: { channel: account.channel, externalId: account.externalId } } });
  if (identity?.active && identity.officialId === invite.officialId) return { kind: 'already', officialId: invite.officialId };
  if (invite.usedAt) return fail('used');
  if (invite.expiresAt.getTime() < now.getTime()) return fail('expired');
  if (identity?.active && identity.officialId !== invite.officialId) return fail('linked_elsewhere');

  return db.$transaction(async (tx) => {
    // The guard on usedAt makes a race between two redemptions of one code end with one winner.
    const { count } = await tx.invite.updateMany({
      where: { id: invite.id, usedAt: null },
      data: { usedAt: now, usedByChannel: account.channel, usedByExternal: account.externalId },
    });
    if (count === 0) return { kind: 'used' as const };
    await tx.chatIdentity.upsert({
      where: { channel_externalId: { channel: account.channel, externalId: account.externalId } },
      create: { officialId: invite.officialId, channel: account.channel, externalId: account.externalId, displayName: account.displayName ?? null, linkedAt: now },
      update: { officialId: invite.officialId, active: true, deactivatedAt: null, deactivatedWhy: null, displayName: account.displayName ?? null, linkedAt: now },
    });
    await tx.auditLog.create({ data: { at: now, actor: target, action: 'invite.redeem', target: String(invite.officialId) } });
    return { kind: 'linked' as const, officialId: invite.officialId };
  });
}
