// Deadline clock benchmark: computeDue and deadline-state classification over 100,000 synthetic
// dossiers, against a naive day-by-day baseline (Date objects and a Set of holiday strings).
// Run: npx tsx bench/deadline.bench.ts
import { WorkCalendar } from '../src/calendar/calendar.ts';
import { computeDue, type TimeLimit } from '../src/calendar/due.ts';
import { DAY_MS, HOUR_MS } from '../src/calendar/time.ts';
import { deadlineStates, type DossierClock } from '../src/dossiers/deadline.ts';
import { Random } from '../src/demo/random.ts';

const DOSSIERS = 100_000;
const RUNS = 5;
const SEED = 20261127;
// An open-dossier workload: receipts over the 120 days before AT, across 1/1, the Saturday
// worked on 10/1 and the 9-day Tết 2026 break.
const AT = new Date('2026-03-16T10:00:00+07:00');
const RECEIPT_SPAN = 120 * DAY_MS;
const FIRST_RECEIPT = AT.getTime() - RECEIPT_SPAN;
const LOCAL_OFFSET = 7 * HOUR_MS;

type Input = { receivedAt: Date; limit: TimeLimit; pauses: Array<{ from: Date; to: Date }> };

function generate(): Input[] {
  const rnd = new Random(SEED);
  const random = () => rnd.next();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: DOSSIERS }, () => {
    const receivedAt = new Date(FIRST_RECEIPT + Math.floor(random() * RECEIPT_SPAN));
    const roll = random();
    const limit: TimeLimit =
      roll < 0.7
        ? { value: pick([1, 2, 3, 5, 7, 10, 15, 20, 30]), unit: 'working_days' }
        : roll < 0.8
          ? { value: 0, unit: 'working_days' }
          : roll < 0.9
            ? { value: pick([4, 8, 16]), unit: 'working_hours' }
            : { value: pick([7, 15, 30]), unit: 'calendar_days' };
    const pauses = [];
    if (random() < 0.1) {
      const from = new Date(receivedAt.getTime() + Math.floor(random() * 5 * DAY_MS));
      pauses.push({ from, to: new Date(from.getTime() + Math.floor(random() * 3 * DAY_MS)) });
    }
    return { receivedAt, limit, pauses };
  });
}

function clocksFor(inputs: readonly Input[], dues: readonly Date[]): DossierClock[] {
  const rnd = new Random(SEED + 1);
  const random = () => rnd.next();
  return inputs.map(({ receivedAt, pauses }, i) => {
    const dueAt = dues[i]!;
    const finished = random() < 0.4;
    return {
      receivedAt,
      dueAt,
      finishedAt: finished ? new Date(dueAt.getTime() + Math.floor((random() - 0.7) * 10 * DAY_MS)) : null,
      supplements: pauses.map(({ from, to }) => ({ requestedAt: from, suppliedAt: random() < 0.8 ? to : null })),
    };
  });
}

/** The naive baseline: weekends plus two sets of local date strings. */
function naiveCalendar(cal: WorkCalendar) {
  const off = new Set<string>();
  const worked = new Set<string>();
  for (let year = 2025; year <= 2027; year++) {
    for (const day of cal.daysOff(year)) (day.working ? worked : off).add(day.date);
  }
  const isWorking = (d: Date): boolean => {
    const key = d.toISOString().slice(0, 10);
    const dow = d.getUTCDay();
    return worked.has(key) || (dow !== 0 && dow !== 6 && !off.has(key));
  };
  /** N working days after the receipt day, due 17:00 (all limits treated as working days). */
  const due = (receivedAt: Date, days: number): Date => {
    const d = new Date(receivedAt.getTime() + LOCAL_OFFSET); // local wall clock held as UTC
    d.setUTCHours(0, 0, 0, 0);
    for (let left = days; left > 0; ) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (isWorking(d)) left--;
    }
    return new Date(d.getTime() + 17 * HOUR_MS - LOCAL_OFFSET);
  };
  /** Signed working days from the due date to today, counted one day at a time. */
  const daysFromDue = (dueAt: Date, at: Date): number => {
    const d = new Date(dueAt.getTime() + LOCAL_OFFSET);
    const today = new Date(at.getTime() + LOCAL_OFFSET).toISOString().slice(0, 10);
    d.setUTCHours(0, 0, 0, 0);
    const forward = d.toISOString().slice(0, 10) <= today;
    let count = 0;
    while (d.toISOString().slice(0, 10) !== today) {
      d.setUTCDate(d.getUTCDate() + (forward ? 1 : -1));
      if (isWorking(d)) count += forward ? 1 : -1;
    }
    return count;
  };
  const localDate = (d: Date): string => new Date(d.getTime() + LOCAL_OFFSET).toISOString().slice(0, 10);
  return { due, daysFromDue, localDate };
}

function time(runs: number, body: () => void): { best: number; median: number } {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    body();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { best: samples[0]!, median: samples[Math.floor(samples.length / 2)]! };
}

const cal = new WorkCalendar();
const inputs = generate();
// The stored due date is the one computed at receipt; supplements shift it when classified.
const dues = inputs.map(({ receivedAt, limit }) => computeDue(receivedAt, limit, cal).dueAt);
const clocks = clocksFor(inputs, dues);
const naive = naiveCalendar(cal);

let sink = 0; // keeps results observable so no work is optimised away
const results = {
  computeDue: time(RUNS, () => {
    for (const { receivedAt, limit, pauses } of inputs) {
      sink += computeDue(receivedAt, limit, cal, { pauses }).dueAt.getTime();
    }
  }),
  deadlineStates: time(RUNS, () => {
    sink += deadlineStates(clocks, AT, cal).length;
  }),
  naiveDue: time(RUNS, () => {
    for (const { receivedAt, limit } of inputs) sink += naive.due(receivedAt, Math.ceil(limit.value)).getTime();
  }),
  naiveStates: time(RUNS, () => {
    for (const clock of clocks) {
      const finished = clock.finishedAt !== null && clock.finishedAt.getTime() <= AT.getTime();
      sink += finished ? naive.localDate(clock.finishedAt!).length : naive.daysFromDue(clock.dueAt, AT);
    }
  }),
};

const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
console.log(`${DOSSIERS.toLocaleString('en')} dossiers, ${RUNS} runs (best / median)`);
for (const [name, { best, median }] of Object.entries(results)) {
  console.log(`  ${name.padEnd(15)} ${ms(best)} / ${ms(median)}`);
}
const ratio = (a: { median: number }, b: { median: number }) => (a.median / b.median).toFixed(1);
const dueRatio = ratio(results.naiveDue, results.computeDue);
const stateRatio = ratio(results.naiveStates, results.deadlineStates);
console.log(`  naive ÷ dunghan (median): due dates ×${dueRatio}, states ×${stateRatio}`);
if (sink === 0) console.log('(no work)');
