// What every part of the running service shares: the database, the configuration, the log, the
// clock, the working calendar as configured, and the rates of past periods. Made by one function,
// createServices(), wherever a process starts (main.ts, a CLI subcommand, a test).
import type { WorkCalendar } from '../calendar/calendar.ts';
import { loadCalendar } from '../calendar/load.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Logger } from '../log.ts';
import type { PerUnit } from '../rates/sources.ts';
import { systemClock, type Clock } from './clock.ts';

export interface Services {
  readonly database: Database;
  readonly config: Config;
  readonly log: Logger;
  readonly clock: Clock;
  /** The working calendar as the database (overrides, notices) and WORKING_HOURS define it now. */
  loadCalendar(): Promise<WorkCalendar>;
  /** Rates of past periods, shared by all requests until the data change. */
  readonly ratesCache: Map<string, PerUnit>;
}

export function createServices(o: { database: Database; config: Config; log: Logger; clock?: Clock }): Services {
  const { database, config } = o;
  return {
    database,
    config,
    log: o.log,
    clock: o.clock ?? systemClock,
    loadCalendar: () => loadCalendar(database.db, config.WORKING_HOURS),
    ratesCache: new Map(),
  };
}
