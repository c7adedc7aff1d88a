// Runs the alert planner every ALERTS_EVERY_MINUTES (node-schedule, Asia/Ho_Chi_Minh), only
// inside working hours of working days, and once at start-up to catch up. A run still going when
// the next one is due is not overlapped; the database lease covers other instances.
import schedule from 'node-schedule';
import { runAlerts } from './run.ts';
import type { Services } from '../core/services.ts';

export interface AlertSchedule {
  /** Runs now (if inside working hours) and resolves when done; used at start-up and in tests. */
  tick(): Promise<void>;
  /** Stops the schedule and waits for a run in progress. */
  stop(): Promise<void>;
}

export function startAlertSchedule(opts: { services: Services; everyMinutes: number }): AlertSchedule {
  const { services } = opts;
  let running: Promise<void> | null = null;
  const tick = async () => {
    if (running) return running;
    running = (async () => {
      try {
        const at = services.clock.now();
        const calendar = await services.loadCalendar();
        if (calendar.workStart(at).getTime() !== at.getTime()) return; // outside working hours
        const r = await runAlerts(services, at, { dryRun: false });
        if (r.written > 0 || r.unaddressed.length > 0) {
          services.log.info({ messages: r.written, items: r.items, unaddressed: r.unaddressed.map((o) => o.code) }, 'alerts planned');
        }
      } catch (e) {
        services.log.error({ err: e }, 'alert run failed');
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const every = Math.max(1, Math.round(opts.everyMinutes));
  const rule = new schedule.RecurrenceRule();
  rule.tz = 'Asia/Ho_Chi_Minh';
  if (every < 60) rule.minute = Array.from({ length: Math.ceil(60 / every) }, (_, i) => i * every).filter((m) => m < 60);
  else {
    rule.minute = 0;
    const hours = Math.max(1, Math.round(every / 60));
    rule.hour = Array.from({ length: Math.ceil(24 / hours) }, (_, i) => i * hours).filter((h) => h < 24);
  }
  const job = schedule.scheduleJob(rule, () => void tick());
  void tick();
  return {
    tick,
    async stop() {
      job?.cancel();
      await running;
    },
  };
}
