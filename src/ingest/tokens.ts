// Bearer tokens of the source systems that push dossiers to the ingest API. A token is shown
// once when created; only its SHA-256 is stored. Creating and revoking are audited.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';

/** Source system names: what IngestRun.source and Dossier.source ("api:<name>") carry. */
export const SOURCE_NAME = /^[a-z0-9][a-z0-9._-]{0,39}$/;
const PREFIX = 'dh_';
/** The shape of a token, checked before any database lookup. */
const TOKEN = /^dh_[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createToken(db: Db, source: string, actor: string, now: Date): Promise<{ id: number; token: string }> {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({ data: { source, tokenHash: hashToken(token), createdAt: now, createdBy: actor }, select: { id: true } });
    await tx.auditLog.create({ data: { at: now, actor, action: 'token.create', target: String(row.id), detail: JSON.stringify({ source }) } });
    return row.id;
  });
  return { id, token };
}

export type RevokeResult = { kind: 'revoked'; source: string } | { kind: 'already'; at: Date } | { kind: 'missing' };

export async function revokeToken(db: Db, id: number, actor: string, now: Date): Promise<RevokeResult> {
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id } });
    if (!row) return { kind: 'missing' as const };
    if (row.revokedAt) return { kind: 'already' as const, at: row.revokedAt };
    await tx.apiToken.update({ where: { id }, data: { revokedAt: now } });
    await tx.auditLog.create({ data: { at: now, actor, action: 'token.revoke', target: String(id), detail: JSON.stringify({ source: row.source }) } });
    return { kind: 'revoked' as const, source: row.source };
  });
}

export async function listTokens(db: Db) {
  return db.apiToken.findMany({ select: { id: true, source: true, createdAt: true, createdBy: true, lastUsedAt: true, revokedAt: true }, orderBy: { id: 'asc' } });
}

export type TokenCheck = { kind: 'ok'; id: number; source: string } | { kind: 'revoked' } | { kind: 'invalid' };

/** Checks a presented token (never logged) and notes its use. */
export async function verifyToken(db: Db, token: string | null, now: Date): Promise<TokenCheck> {
  if (!token || !TOKEN.test(token)) return { kind: 'invalid' };
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, source: true, revokedAt: true } });
  if (!row) return { kind: 'invalid' };
  if (row.revokedAt) return { kind: 'revoked' };
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return { kind: 'ok', id: row.id, source: row.source };
}
