// GET /healthz: is the database reachable, when did each source last bring data (and are the
// data stale), messages waiting for a channel no instance runs (outbox.stuck, per channel), and
// the checks other capabilities register (Telegram, Zalo). Only booleans, short
// strings and numbers from a check are shown, token-like strings are masked, and a check that
// throws or hangs reports ok: false without its error text (it might hold a secret).
import type { ServerResponse } from 'node:http';
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { CheckResult, HealthCheck } from '../core/routes.ts';
import type { Database } from '../db/client.ts';
import { dataStaleness, lastSuccessBySource } from '../dossiers/freshness.ts';
import { stuckCounts } from '../outbox/stuck.ts';
import { sendJson } from './respond.ts';


const CHECK_TIMEOUT_MS = 3_000;
/** Bot tokens, bearer tokens, long secrets: never shown even if a check puts one in its detail. */
const SECRETS = /\d{5,}:[A-Za-z0-9_-]{20,}|bearer\s+\S+|dh_[A-Za-z0-9_-]{20,}|[A-Za-z0-9_-]{32,}/gi;

function scrub(result: CheckResult): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = { ok: result.ok === true };
  for (const [k, v] of Object.entries(result as object)) {
    if (k === 'ok') continue;
    if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[k] = v;
    else if (typeof v === 'string') out[k] = v.replace(SECRETS, '***').slice(0, 200);
  }
  return out;
}

async function runCheck(check: HealthCheck): Promise<Record<string, string | number | boolean>> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      check(),
      new Promise<CheckResult>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, timeout: true } as CheckResult), CHECK_TIMEOUT_MS);
      }),
    ]);
    return scrub(result);
  } catch {
    return { ok: false };
  } finally {
    clearTimeout(timer);
  }
}

export class HealthChecks {
  readonly #checks = new Map<string, HealthCheck>();

  add(name: string, check: HealthCheck): void {
    if (this.#checks.has(name)) throw new Error(`health check ${name} is already registered`);
    this.#checks.set(name, check);
  }

  async run(): Promise<Record<string, Record<string, string | number | boolean>>> {
    const entries = await Promise.all([...this.#checks].map(async ([name, check]) => [name, await runCheck(check)] as const));
    return Object.fromEntries(entries);
  }
}

export async function health(
  res: ServerResponse,
  o: { database: Database; checks: HealthChecks; now: Date; calendar: () => Promise<WorkCalendar>; staleAfterWorkingDays: number },
): Promise<void> {
  const { db } = o.database;
  let databaseOk = true;
  try {
    await db.$queryRawUnsafe('SELECT 1');
  } catch {
    databaseOk = false;
  }
  const checks = await o.checks.run();
  if (!databaseOk) {
    sendJson(res, 503, { status: 'down', time: o.now.toISOString(), database: { ok: false, engine: o.database.target.engine }, checks });
    return;
  }
  const [bySource, staleness, stuck] = await Promise.all([
    lastSuccessBySource(db),
    o.calendar().then((calendar) => dataStaleness(db, { now: o.now, calendar, staleAfterWorkingDays: o.staleAfterWorkingDays })),
    stuckCounts(db, o.now),
  ]);
  const degraded = staleness.stale || Object.keys(stuck).length > 0 || Object.values(checks).some((c) => c.ok !== true);
  sendJson(res, 200, {
    status: degraded ? 'degraded' : 'ok',
    time: o.now.toISOString(),
    database: { ok: true, engine: o.database.target.engine },
    ingest: {
      lastSuccessAt: staleness.last?.at.toISOString() ?? null,
      stale: staleness.stale,
      staleAfterWorkingDays: o.staleAfterWorkingDays,
      sources: Object.fromEntries([...bySource].map(([source, at]) => [source, at.toISOString()])),
    },
    outbox: { stuck },
    checks,
  });
}
