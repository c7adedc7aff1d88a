// Deterministic demo dossiers calibrated on the seed district's figures: about 34,000 a year,
// 75.4% received online, 86.3% digitised, 99.9% of ratings satisfied, a few per cent finished
// late, and, relative to `now`, some dossiers open, some overdue and some due soon.
import { computeDue } from '../calendar/due.ts';
import { addDays, atLocal, localDate } from '../calendar/time.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import { RECEIVING_CHANNEL, STATUS } from '../dossiers/status.ts';
import type { DossierInput, EventInput } from '../dossiers/store.ts';
import { Random } from './random.ts';
import { demoOfficials, demoProcedures, demoUnits, handlingUnits, personName, type DemoProcedure } from './structure.ts';

export const DEMO_CALIBRATION = {
  perYear: 34_000,
  onlineShare: 0.754,
  postalShare: 0.015,
  digitizedShare: 0.863,
  satisfiedShare: 0.999,
  ratedShare: 0.55,
  supplementShare: 0.07,
  secondSupplementShare: 0.004,
  paidOnlineShareOfFeeOnline: 0.65,
} as const;

/** A dossier of the demo area, by unit and procedure code (the seeder turns codes into ids). */
export type DemoDossier = Omit<DossierInput, 'procedureId' | 'unitId' | 'dueAtOrigin' | 'rescheduledDueAt' | 'rescheduleCount' | 'source' | 'events'> & {
  procedureCode: string;
  unitCode: string;
  events: EventInput[];
};

export interface DemoData {
  units: ReturnType<typeof demoUnits>;
  officials: ReturnType<typeof demoOfficials>;
  procedures: DemoProcedure[];
  dossiers: DemoDossier[];
}

const DAY_MS = 86_400_000;
/** Working periods used to place receipts (minutes since local midnight). */
const RECEIPT_WINDOWS = [[7 * 60 + 30, 11 * 60 + 30], [13 * 60 + 30, 17 * 60]] as const;

export function generateDemo(opts: { seed: number; now: Date; calendar: WorkCalendar; days?: number }): DemoData {
  const { now, calendar } = opts;
  const rnd = new Random(opts.seed);
  const days = opts.days ?? 365;
  const units = demoUnits();
  const procedures = demoProcedures();

  // Each handling unit has its own habits, so rankings differ between units.
  const lateRate = new Map<string, number>();
  for (const u of units) lateRate.set(u.code, (u.code.endsWith('-KT') ? 0.07 : 0.01) + rnd.next() * 0.05);

  const pairs = procedures.flatMap((p) => handlingUnits(p).map((h) => ({ proc: p, unit: h.unit, weight: p.weight * h.volume })));
  const cumulative: number[] = [];
  pairs.reduce((acc, x) => (cumulative.push(acc + x.weight), acc + x.weight), 0);

  const today = localDate(now);
  const workdays: string[] = [];
  for (let i = days; i >= 0; i--) {
    const d = addDays(today, -i);
    if (calendar.isWorkingDay(d)) workdays.push(d);
  }
  const total = Math.round((DEMO_CALIBRATION.perYear * days) / 365);
  const agency = new Map(units.map((u) => [u.code, u.agencyCode]));
  const dossiers: DemoDossier[] = [];

  while (dossiers.length < total) {
    const day = rnd.pick(workdays);
    const window = rnd.pick(RECEIPT_WINDOWS);
    const receivedAt = atLocal(day, rnd.int(window[0], window[1] - 1));
    if (receivedAt.getTime() > now.getTime()) continue;
    const pair = pairs[rnd.weighted(cumulative)]!;
    dossiers.push(makeDossier(rnd, pair.proc, pair.unit, receivedAt, now, calendar, lateRate.get(pair.unit) ?? 0.03));
  }

  // Codes follow the local systems' form: agency e-ID, receipt date, daily sequence.
  dossiers.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const seq = new Map<string, number>();
  for (const d of dossiers) {
    const ymd = localDate(d.receivedAt).replaceAll('-', '').slice(2);
    const key = `${d.unitCode}|${ymd}`;
    const n = (seq.get(key) ?? 0) + 1;
    seq.set(key, n);
    d.code = `${agency.get(d.unitCode)}-${ymd}-${String(n).padStart(4, '0')}`;
  }
  return { units, officials: demoOfficials(), procedures, dossiers };
}

function makeDossier(rnd: Random, proc: DemoProcedure, unitCode: string, receivedAt: Date, now: Date, calendar: WorkCalendar, lateRate: number): DemoDossier {
  const c = DEMO_CALIBRATION;
  const x = rnd.next();
  const channel = x < c.onlineShare ? RECEIVING_CHANNEL.online : x < c.onlineShare + c.postalShare ? RECEIVING_CHANNEL.postal : RECEIVING_CHANNEL.direct;
  const submittedAt = channel === RECEIVING_CHANNEL.online ? new Date(receivedAt.getTime() - rnd.int(10, 48 * 60) * 60_000) : receivedAt;
  const limit = { value: proc.limitValue, unit: proc.limitUnit };
  const dueAt = computeDue(receivedAt, limit, calendar).dueAt;

  // Supplement requests pause the clock from request to supply.
  const supplements: DemoDossier['supplements'] = [];
  const window = Math.max(dueAt.getTime() - receivedAt.getTime(), 30 * 60_000);
  if (proc.limitValue > 0 && rnd.chance(c.supplementShare)) {
    const count = rnd.chance(c.secondSupplementShare / c.supplementShare) ? 2 : 1;
    let at = receivedAt.getTime() + window * 0.3;
    for (let seq = 1; seq <= count; seq++) {
      const requestedAt = new Date(at);
      if (requestedAt.getTime() > now.getTime()) break; // not requested yet
      const supplied = atLocal(calendar.nextWorkingDay(localDate(requestedAt), rnd.int(1, 6)), rnd.int(8 * 60, 16 * 60));
      const suppliedAt = supplied.getTime() <= now.getTime() ? supplied : null;
      supplements.push({ requestedAt, suppliedAt });
      if (!suppliedAt) break;
      at = suppliedAt.getTime() + window * 0.1;
    }
  }
  const pauses = supplements.filter((s) => s.suppliedAt).map((s) => ({ from: s.requestedAt, to: s.suppliedAt! }));
  const effectiveDue = pauses.length > 0 ? computeDue(receivedAt, limit, calendar, { pauses }).dueAt : dueAt;

  // When the work would be done: mostly early, some on the due date, some late.
  let finish: Date;
  const lastPause = pauses.length > 0 ? pauses[pauses.length - 1]!.to.getTime() : receivedAt.getTime();
  if (rnd.chance(lateRate)) {
    const lateDay = calendar.nextWorkingDay(localDate(effectiveDue), rnd.int(1, 8));
    finish = atLocal(lateDay, rnd.int(8 * 60, 16 * 60 + 30));
  } else {
    const span = effectiveDue.getTime() - lastPause;
    finish = new Date(lastPause + Math.max(span, 20 * 60_000) * (0.1 + 0.9 * rnd.next() ** 0.8));
    if (finish.getTime() > effectiveDue.getTime()) finish = effectiveDue;
  }
  const pending = supplements.find((s) => !s.suppliedAt);
  const finished = !pending && finish.getTime() <= now.getTime();

  const events: DemoDossier['events'] = [{ at: receivedAt, kind: 'status', fromStatus: null, toStatus: STATUS.received }];
  for (const s of supplements) {
    events.push({ at: s.requestedAt, kind: 'supplement_requested', fromStatus: STATUS.processing, toStatus: STATUS.waitingSupplement });
    if (s.suppliedAt) events.push({ at: s.suppliedAt, kind: 'supplement_supplied', fromStatus: STATUS.waitingSupplement, toStatus: STATUS.processing });
  }

  let status: number = pending ? STATUS.waitingSupplement : now.getTime() - receivedAt.getTime() < DAY_MS ? STATUS.received : STATUS.processing;
  let finishedAt: Date | null = null;
  let returnedAt: Date | null = null;
  let satisfaction: number | null = null;
  if (finished) {
    finishedAt = finish;
    const y = rnd.next();
    if (y < 0.003) status = STATUS.withdrawn;
    else if (y < 0.007) status = STATUS.stopped;
    else {
      const handOver = new Date(finish.getTime() + rnd.int(0, 2 * 24 * 60) * 60_000);
      if (handOver.getTime() <= now.getTime()) {
        status = STATUS.returned;
        returnedAt = handOver;
        if (rnd.chance(c.ratedShare)) satisfaction = rnd.chance(c.satisfiedShare) ? rnd.pick([2, 3, 3]) : 1;
      } else status = STATUS.resolved;
    }
    events.push({ at: finish, kind: 'status', fromStatus: STATUS.processing, toStatus: status });
  }

  const named = rnd.chance(0.5);
  return {
    code: '',
    procedureCode: proc.code,
    unitCode,
    channel,
    submittedAt,
    receivedAt,
    dueAt,
    status,
    finishedAt,
    returnedAt,
    supplements,
    digitized: rnd.chance(c.digitizedShare),
    paidOnline: proc.fee > 0 && channel === RECEIVING_CHANNEL.online && rnd.chance(c.paidOnlineShareOfFeeOnline),
    feeAmount: proc.fee,
    satisfaction,
    applicantName: named ? personName(rnd.int(1000, 1_000_000)) : null,
    applicantIdNumber: named ? `051${String(rnd.int(0, 999_999_999)).padStart(9, '0')}` : null,
    events,
  };
}
