// One alert run: plan → dedup → group → quiet hours → outbox, under a lease so that two
// overlapping runs (or two instances) never plan the same reminders twice. Each reminder goes to
// the official's linked chat accounts (preferred first), whichever process plans it: never to the
// channels the planning process happens to run. A channel no instance runs leaves its messages
// pending and visibly stuck (src/outbox/stuck.ts) until one does.
import { randomUUID } from 'node:crypto';
import { localDate } from '../calendar/time.ts';
import { withLease } from '../db/lease.ts';
import { attentionList, type AttentionItem } from '../dossiers/attention-list.ts';
import { loadClocks } from '../dossiers/clocks.ts';
import { stateOf } from '../dossiers/open.ts';
import { MAX_TEXT } from '../core/channel.ts';
import type { ChannelName } from '../org/codes.ts';
import { loadUnitTree } from '../org/tree.ts';
import { addressesOf } from '../outbox/routing.ts';
import { sentKeys, dropSent } from './dedup.ts';
import { groupMessages, type AlertMessage } from './group.ts';
import { planItems, type Ack, type DossierFacts } from './plan.ts';
import { nextWindow } from './quiet.ts';
import { loadRecipients, type Person } from './recipients.ts';
import { writeAlerts } from './write.ts';
import type { Services } from '../core/services.ts';

export interface AlertRunOptions {
  /** Print the plan without writing anything. */
  dryRun: boolean;
}

export interface AlertRunResult {
  /** False when another run held the lease. */
  ran: boolean;
  items: number;
  messages: AlertMessage[];
  /** Officials who should be reminded but have no linked chat account. */
  unaddressed: Person[];
  notBefore: Date;
  written: number;
}

const LEASE_MS = 10 * 60_000;

export async function runAlerts(services: Services, at: Date, opts: AlertRunOptions): Promise<AlertRunResult> {
  if (opts.dryRun) return plan(services, at);
  // The lease covers planning and writing: a second run waits its turn and then finds the
  // items already logged.
  const result = await withLease(services.database.db, 'alerts', randomUUID(), LEASE_MS, at, async () => {
    const r = await plan(services, at);
    return { ...r, written: await writeAlerts(services.database, r.messages, r.notBefore, at) };
  });
  return result ?? { ran: false, items: 0, messages: [], unaddressed: [], notBefore: at, written: 0 };
}

async function plan(services: Services, at: Date): Promise<AlertRunResult> {
  const { database, config } = services;
  const { db } = database;
  const [tree, calendar] = await Promise.all([loadUnitTree(db), services.loadCalendar()]);
  const recipients = await loadRecipients(db, tree);
  const unitIds = [...tree.byId.keys()];
  const common = { unitIds, now: at, calendar, tree, dueSoonWorkingDays: config.DUE_SOON_WORKING_DAYS };
  const [due, rescheduled] = await Promise.all([
    attentionList(db, { ...common, kind: 'both' }),
    loadClocks(db, { finishedAt: null, rescheduleCount: { gte: 2 } }),
  ]);
  const items: AttentionItem[] = due;
  const seen = new Set(items.map((i) => i.dossier.id));
  for (const d of rescheduled) if (!seen.has(d.id)) items.push({ dossier: d, state: stateOf(d, at, calendar, tree) });

  const procedures = new Map((await db.procedure.findMany({ select: { id: true, name: true, fieldCode: true } })).map((p) => [p.id, p]));
  const facts = new Map<number, DossierFacts>();
  for (const { dossier } of items) {
    const p = procedures.get(dossier.procedureId);
    if (p) facts.set(dossier.id, { fieldCode: p.fieldCode, procedureName: p.name, rescheduleCount: dossier.rescheduleCount });
  }
  const acks = new Map<string, Ack>();
  const recent = await db.acknowledgement.findMany({ where: { createdAt: { gte: new Date(at.getTime() - 90 * 86_400_000) } }, orderBy: { createdAt: 'asc' } });
  for (const a of recent) acks.set(`${a.dossierId}:${a.officialId}`, { id: a.id, kind: a.kind === 'snooze' ? 'snooze' : 'commit', until: a.until });

  const planned = planItems({
    items, facts, recipients, acks, today: localDate(at),
    rules: { overdueRepeatDays: config.ALERT_OVERDUE_REPEAT_DAYS, escalateAfterDays: config.ALERT_ESCALATE_AFTER_DAYS, includeDeputies: config.ALERT_INCLUDE_DEPUTIES === '1' },
  });
  const fresh = dropSent(planned, await sentKeys(database, planned.map((i) => i.key)));

  const addresses = await addressesOf(db, fresh.map((i) => i.official.id));
  const { messages, unaddressed } = groupMessages(fresh, {
    addresses, tree, calendar, at,
    maxText: (channel) => MAX_TEXT[channel as ChannelName] ?? MAX_TEXT.zalo,
  });
  return { ran: true, items: fresh.length, messages, unaddressed, notBefore: nextWindow(at, calendar), written: 0 };
}
