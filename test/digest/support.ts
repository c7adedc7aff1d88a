// Shared by the digest tests: services over a test database, and a digest builder at an instant.
import { loadCalendar } from '../../src/calendar/load.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { DigestBuilder } from '../../src/digest/data.ts';
import { createLogger } from '../../src/log.ts';
import { RateReports } from '../../src/rates/rates.ts';
import { loadUnitTree } from '../../src/org/tree.ts';
import { createServices, type Services } from '../../src/core/services.ts';

export function servicesFor(database: Database, env: Record<string, string> = {}): Services {
  return createServices({ database, config: loadConfig(env), log: createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' }) });
}

export async function builderAt(database: Database, now: Date): Promise<DigestBuilder> {
  const { db } = database;
  const [tree, calendar] = await Promise.all([loadUnitTree(db), loadCalendar(db)]);
  return new DigestBuilder({ db, rates: new RateReports(database, calendar, tree), tree, calendar }, now);
}
