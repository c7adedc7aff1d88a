// Clock pauses (waiting for a supplement, from request to supply): their working time is added
// back to the deadline.
import type { WorkCalendar } from './calendar.ts';
import { assertValidDate } from './time.ts';

export type Pause = { from: Date; to: Date };

/** Working time inside the pauses after `notBefore`, counted once where pauses overlap. */
export function pausedWorkingMillis(cal: WorkCalendar, pauses: readonly Pause[], notBefore: Date): number {
  const spans: Array<[number, number]> = [];
  for (const { from, to } of pauses) {
    assertValidDate(from, 'pause.from');
    assertValidDate(to, 'pause.to');
    if (to.getTime() < from.getTime()) {
      throw new RangeError(`pause ends before it starts: ${from.toISOString()} > ${to.toISOString()}`);
    }
    const start = Math.max(from.getTime(), notBefore.getTime());
    if (start < to.getTime()) spans.push([start, to.getTime()]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let covered = -Infinity;
  for (const [start, end] of spans) {
    if (end <= covered) continue;
    total += cal.workingMillisBetween(new Date(Math.max(start, covered)), new Date(end));
    covered = end;
  }
  return total;
}
