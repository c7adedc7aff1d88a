// Runs the weekly digest on DIGEST_CRON (Asia/Ho_Chi_Minh) with node-schedule, which keeps its
// jobs in memory only. So at start-up, and whenever the cron fires, the decision is made again
// from the clock (due.ts): send if due today and not yet done (catch-up after downtime), wait for
// a later time this week (holiday deferral), or do nothing. Checks of one instance run one after
// another; between instances the run's lease and the week's audit row decide.
import { randomUUID } from 'node:crypto';
import schedule from 'node-schedule';
import { localDate } from '../calendar/time.ts';
import { parseCron } from './cron.ts';
import type { ChartRenderer } from './images.ts';
import { digestDue, type DigestDue } from './due.ts';
import { runDigest, type RunResult } from './run.ts';
import type { Services } from '../core/services.ts';

const DIGEST_TZ = 'Asia/Ho_Chi_Minh';

export interface DigestScheduleOptions {
  /** With the clock the schedule reads. */
  services: Services;
  /** This instance's lease owner id. */
  owner?: string;
  /** Wait before checking again while another instance holds the lease, or after a failure. */
  retryMs?: number;
  /** Failed runs retried per day at most. */
  maxFailures?: number;
  /** Renders the charts (a fresh renderer per run by default). */
  charts?: ChartRenderer;
}

export interface DigestSchedule {
  /** Resolves when the start-up check (and any catch-up send) is done. */
  ready: Promise<void>;
  /** The cron's next firing. */
  nextRun(): Date | null;
  /** The latest checks (at most 50), for logs and tests. */
  checks: { at: Date; due: DigestDue; result?: RunResult }[];
  stop(): Promise<void>;
}

export function startDigestSchedule(opts: DigestScheduleOptions): DigestSchedule {
  const { services } = opts;
  const { config, log, clock } = services;
  const cron = parseCron(config.DIGEST_CRON);
  const owner = opts.owner ?? randomUUID();
  const retryMs = opts.retryMs ?? 2 * 60_000;
  const maxFailures = opts.maxFailures ?? 3;
  const checks: DigestSchedule['checks'] = [];
  let stopped = false;
  let chain: Promise<void> = Promise.resolve();
  let later: unknown = null;
  const failures = new Map<string, number>();

  /** Checks again at `when` by the clock (always within the week, so well inside setTimeout's range). */
  const at = (when: Date) => {
    if (later !== null) clock.clearTimeout(later);
    later = stopped ? null : clock.setTimeout(() => void check('timer'), Math.max(0, when.getTime() - clock.now().getTime()));
  };

  async function once(reason: string): Promise<void> {
    if (stopped) return;
    const t = clock.now();
    const calendar = await services.loadCalendar();
    const due = digestDue(t, { cron, onHoliday: config.DIGEST_ON_HOLIDAY, calendar });
    const entry: DigestSchedule['checks'][number] = { at: t, due };
    checks.push(entry);
    if (checks.length > 50) checks.shift();
    log.debug({ reason, week: due.isoWeek, state: due.state, dueAt: due.dueAt }, 'digest check');
    if (due.state === 'not_yet' && due.dueAt) {
      // The cron fires at the nominal time; a deferred (or any) due time gets a timer of its own.
      at(due.dueAt);
      return;
    }
    if (due.state !== 'due') return;
    const day = localDate(t);
    try {
      entry.result = await runDigest(services, t, { week: due.week, owner, ...(opts.charts ? { charts: opts.charts } : {}) });
      if (entry.result.status === 'busy') at(new Date(t.getTime() + retryMs));
    } catch (e) {
      const n = (failures.get(day) ?? 0) + 1;
      failures.set(day, n);
      log.error({ err: e, week: due.isoWeek, attempt: n }, 'weekly digest failed');
      if (n < maxFailures) at(new Date(t.getTime() + retryMs));
    }
  }

  function check(reason: string): Promise<void> {
    chain = chain.then(() => once(reason)).catch((e: unknown) => log.error({ err: e }, 'digest check failed'));
    return chain;
  }

  const job = schedule.scheduleJob({ rule: config.DIGEST_CRON, tz: DIGEST_TZ }, () => void check('cron'));
  if (!job) throw new Error(`DIGEST_CRON is not a schedule node-schedule accepts: ${config.DIGEST_CRON}`);
  const ready = check('startup');

  return {
    ready,
    checks,
    nextRun() {
      const fire = job.nextInvocation() as unknown as { getTime(): number } | null;
      return fire ? new Date(fire.getTime()) : null;
    },
    async stop() {
      stopped = true;
      job.cancel();
      if (later !== null) clock.clearTimeout(later);
      await chain;
    },
  };
}
