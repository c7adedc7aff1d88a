// The weekly run: every recipient's digest into the outbox, once per ISO week and recipient.
// A lease keeps two instances from running at once, the dedup keys keep a message from being
// written twice, and an audit row records that the week was done, so a restart does nothing.
import { randomUUID } from 'node:crypto';
import { acquireLease, releaseLease } from '../db/lease.ts';
import { RateReports } from '../rates/rates.ts';
import { lastWeek, type Period } from '../rates/period.ts';
import { loadUnitTree } from '../org/tree.ts';
import { enqueue, storeAttachment } from '../outbox/enqueue.ts';
import type { OutboxMessage } from '../outbox/message.ts';
import { composeDigest, type Digest } from './compose.ts';
import { DigestBuilder } from './data.ts';
import { ChartRenderer, chartKey } from './images.ts';
import { digestRecipients, recipientKey, type DigestRecipient } from './recipients.ts';
import { isoWeek } from './week.ts';
import type { Services } from '../core/services.ts';

export const DIGEST_LEASE = 'digest';
const LEASE_MS = 10 * 60_000;
/** The audit action that marks a week as done. */
const DIGEST_DONE = 'digest.sent';

export interface PlannedDigest {
  recipients: DigestRecipient[];
  digest: Digest;
  chartKey: string;
}

export interface DigestPlan {
  week: Period;
  isoWeek: string;
  /** One entry per distinct digest, with the recipients that have a chat address. */
  digests: PlannedDigest[];
  /** Recipients without a linked chat account (nothing is built for them). */
  unreachable: DigestRecipient[];
}

/** Builds the digests of every reachable recipient for `week` (no rendering, no writing). */
export async function planDigests(services: Services, now: Date, week: Period = lastWeek(now)): Promise<DigestPlan> {
  const { db } = services.database;
  const [tree, calendar] = await Promise.all([loadUnitTree(db), services.loadCalendar()]);
  const rates = new RateReports(services.database, calendar, tree, services.ratesCache);
  const builder = new DigestBuilder({ db, rates, tree, calendar }, now);
  const all = await digestRecipients(db, tree);
  const byDigest = new Map<string, DigestRecipient[]>();
  for (const r of all) {
    if (!r.address) continue;
    const k = `${r.kind}:${r.unit.id}`;
    byDigest.set(k, [...(byDigest.get(k) ?? []), r]);
  }
  const digests: PlannedDigest[] = [];
  // A stable order: area digests first, then unit digests, each by unit code.
  const order = [...byDigest.values()].sort((a, b) => (a[0]!.kind === b[0]!.kind ? a[0]!.unit.code.localeCompare(b[0]!.unit.code) : a[0]!.kind === 'area' ? -1 : 1));
  for (const recipients of order) {
    const first = recipients[0]!;
    const digest = await composeDigest(builder, first.kind, first.unit, week);
    digests.push({ recipients, digest, chartKey: chartKey(digest.chart) });
  }
  return { week, isoWeek: isoWeek(week.from), digests, unreachable: all.filter((r) => !r.address) };
}

export interface RunOptions {
  /** The week to send; by default the week before `now`'s. */
  week?: Period;
  /** Run even if the week is recorded as done (the dedup keys still stop duplicates). */
  force?: boolean;
  /** Who holds the lease (one id per process). */
  owner?: string;
  /** Audit actor: "system" for the schedule, "cli" for dunghan digest --send. */
  actor?: string;
  charts?: ChartRenderer;
}

export interface RunResult {
  status: 'sent' | 'already_sent' | 'busy';
  isoWeek: string;
  /** Messages written now, and those already in the outbox. */
  enqueued: number;
  existing: number;
  unreachable: number;
  digests: number;
  /** Charts rendered (distinct contents). */
  charts: number;
  ms: { total: number; build: number; render: number };
}

export async function runDigest(services: Services, now: Date, opts: RunOptions = {}): Promise<RunResult> {
  const { database, log, clock } = services;
  const started = clock.monotonic();
  const { db } = database;
  const week = opts.week ?? lastWeek(now);
  const label = isoWeek(week.from);
  const owner = opts.owner ?? randomUUID();
  const empty = { isoWeek: label, enqueued: 0, existing: 0, unreachable: 0, digests: 0, charts: 0 };
  const elapsed = () => Math.round(clock.monotonic() - started);
  if (!(await acquireLease(db, DIGEST_LEASE, owner, LEASE_MS, now))) return { status: 'busy', ...empty, ms: { total: elapsed(), build: 0, render: 0 } };
  try {
    if (!opts.force && (await db.auditLog.findFirst({ where: { action: DIGEST_DONE, target: label } }))) {
      return { status: 'already_sent', ...empty, ms: { total: elapsed(), build: 0, render: 0 } };
    }
    const plan = await planDigests(services, now, week);
    const built = elapsed();
    // One at a time: rasterising runs on the thread pool, but vega's layout runs on this thread.
    const charts = opts.charts ?? new ChartRenderer(clock);
    const pngs = new Map<string, Buffer>();
    for (const d of plan.digests) if (!pngs.has(d.chartKey)) pngs.set(d.chartKey, (await charts.chart(d.digest.chart)).png);
    const rendered = elapsed();

    const { enqueued, total } = await db.$transaction(async (tx) => {
      const sha = new Map<string, string>();
      for (const [key, png] of pngs) sha.set(key, await storeAttachment(tx, png, now));
      const messages: OutboxMessage[] = plan.digests.flatMap((d) =>
        d.recipients.map((r) => ({
          dedupKey: `digest:${label}:${recipientKey(r)}`,
          officialId: r.officialId,
          channel: r.address!.channel,
          address: r.address!.address,
          kind: 'digest',
          payload: { text: d.digest.text, image: { sha256: sha.get(d.chartKey)!, caption: d.digest.caption } },
          notBefore: now,
        })),
      );
      const added = await enqueue(tx, database.target.engine, messages, now);
      await tx.auditLog.create({
        data: { at: now, actor: opts.actor ?? 'system', action: DIGEST_DONE, target: label, detail: JSON.stringify({ enqueued: added.length, messages: messages.length, unreachable: plan.unreachable.length }) },
      });
      return { enqueued: added.length, total: messages.length };
    }, { timeout: 60_000, maxWait: 30_000 });

    const result: RunResult = {
      status: 'sent', isoWeek: label, enqueued, existing: total - enqueued, unreachable: plan.unreachable.length,
      digests: plan.digests.length, charts: pngs.size, ms: { total: elapsed(), build: built, render: rendered - built },
    };
    log.info({ ...result }, 'weekly digest enqueued');
    return result;
  } finally {
    await releaseLease(db, DIGEST_LEASE, owner);
  }
}
