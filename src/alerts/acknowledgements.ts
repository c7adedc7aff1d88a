// Records an official's commitment (or snooze) on a dossier, once: the database holds one row per
// dossier, official, kind and date (a unique key), so a button pressed twice — or by two
// instances at the same moment — writes one acknowledgement and one audit row. Going back to a
// date given before makes that row the latest again (the planner reads the latest one).
import type { Db } from '../db/client.ts';

export interface NewAcknowledgement {
  dossierId: number;
  dossierCode: string;
  officialId: number;
  /** The official's code, for the audit log. */
  actor: string;
  kind: 'commit' | 'snooze';
  /** YYYY-MM-DD. */
  until: string;
  channel: string;
  at: Date;
}

/** 'recorded' if this changed what holds; 'already' if it was the latest acknowledgement already. */
export async function recordAcknowledgement(db: Db, a: NewAcknowledgement): Promise<'recorded' | 'already'> {
  const key = { dossierId: a.dossierId, officialId: a.officialId, kind: a.kind, until: a.until };
  const detail = JSON.stringify({ until: a.until, channel: a.channel });
  const audit = { at: a.at, actor: a.actor, action: `dossier.${a.kind}`, target: a.dossierCode, detail };
  const existing = await db.acknowledgement.findUnique({ where: { dossierId_officialId_kind_until: key } });
  if (!existing) {
    try {
      await db.$transaction([db.acknowledgement.create({ data: { ...key, channel: a.channel, createdAt: a.at } }), db.auditLog.create({ data: audit })]);
      return 'recorded';
    } catch (e) {
      // Another press created the same row first (the unique key refused ours, and the transaction wrote nothing).
      if (await db.acknowledgement.findUnique({ where: { dossierId_officialId_kind_until: key }, select: { id: true } })) return 'already';
      throw e;
    }
  }
  const latest = await db.acknowledgement.findFirst({
    where: { dossierId: a.dossierId, officialId: a.officialId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  if (latest?.id === existing.id) return 'already';
  // An earlier date chosen again: it becomes the latest, once even if two presses race (the second finds createdAt moved).
  return db.$transaction(async (tx) => {
    const moved = await tx.acknowledgement.updateMany({
      where: { id: existing.id, createdAt: existing.createdAt },
      data: { createdAt: a.at, channel: a.channel },
    });
    if (moved.count === 0) return 'already';
    await tx.auditLog.create({ data: audit });
    return 'recorded';
  });
}
