// The service, assembled in order: the database, the HTTP server, the banner, the channels, then
// delivery and the schedules. Every part gets the same services (database, configuration, log, clock).
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { secureSqliteFilesLogged } from './db/sqlite-files.ts';
import { describeDatabase } from './db/url.ts';
import { seedDemo } from './demo/seed.ts';
import { countAttention } from './dossiers/attention.ts';
import { formatInt } from './i18n/format.ts';
import { t } from './i18n/translate.ts';
import type { Logger } from './log.ts';
import type { Clock } from './core/clock.ts';
import { startAlertSchedule } from './alerts/schedule.ts';
import { defaultPersona, startConsoleChat, type ConsoleChat } from './channels/console/chat.ts';
import { startHeartbeat } from './outbox/heartbeat.ts';
import { configuredChannels, startChannels } from './channels/start.ts';
import { startDigestSchedule } from './digest/schedule.ts';
import { Dispatcher } from './outbox/dispatcher.ts';
import { startRetention } from './outbox/retention.ts';
import { markStuck } from './outbox/stuck.ts';
import { startHttpServer, type HttpServer } from './http/server.ts';
import { startRunRetention } from './ingest/run-retention.ts';
import { markInterruptedRuns } from './ingest/runs.ts';
import { watchStaleness } from './alerts/staleness.ts';
import { createServices, type Services } from './core/services.ts';

export interface ServiceOptions {
  config: Config;
  log: Logger;
  clock: Clock;
  /** Where the start-up banner goes (a person reads it). */
  print: (text: string) => void;
  /** In demo mode, the console chat reads commands from here (stdin). */
  input?: NodeJS.ReadableStream;
}

export interface Service {
  database: Database;
  services: Services;
  stop(): Promise<void>;
}

export async function startService({ config, log, clock, print, input }: ServiceOptions): Promise<Service> {
  secureSqliteFilesLogged(config.database, log);
  const migrated = await migrate(config.database);
  if (migrated.applied.length > 0) log.info({ applied: migrated.applied }, 'migrations applied');
  const database = await openDatabase(config.database);
  const services = createServices({ database, config, log, clock });
  const channels = configuredChannels(config);

  // Listen before anything else is started or printed: a port in use stops start-up here, with
  // one line naming HTTP_PORT (exit code 78), never after the banner.
  let http: HttpServer;
  try {
    http = await startHttpServer({
      database, log, clock, host: config.HTTP_HOST, port: config.HTTP_PORT, maxBodyBytes: config.INGEST_MAX_BODY_BYTES,
      staleAfterWorkingDays: config.STALE_AFTER_WORKING_DAYS, dueSoonWorkingDays: config.DUE_SOON_WORKING_DAYS, workingHours: config.WORKING_HOURS,
    });
  } catch (e) {
    await database.close();
    throw e;
  }
  try {
    return await assembleService(services, { print, input }, http, channels);
  } catch (e) {
    await http.close();
    await database.close();
    throw e;
  }
}

/** Everything after the HTTP server is listening: demo data, the banner, channels, schedules. */
async function assembleService(
  services: Services,
  { print, input }: Pick<ServiceOptions, 'print' | 'input'>,
  http: HttpServer,
  channels: ReturnType<typeof configuredChannels>,
): Promise<Service> {
  const { database, config, log, clock } = services;
  const { db } = database;
  const now = () => clock.now();
  const interrupted = await markInterruptedRuns(db, now());
  if (interrupted.length > 0) log.warn({ runs: interrupted }, 'imports cut off by a dead process marked interrupted');

  let seeded: number | null = null;
  const empty = (await db.dossier.count()) === 0 && (await db.unit.count()) === 0;
  if (config.DEMO_SEED === 'always' || (config.DEMO_SEED === 'auto' && empty && channels.length === 0)) {
    seeded = await seedDemo(database, { seed: 1, now: now(), workingHours: config.WORKING_HOURS });
    log.info({ dossiers: seeded }, 'demo data seeded');
  }

  const calendar = await services.loadCalendar();
  const attention = await countAttention(db, now(), calendar, { dueSoonWorkingDays: config.DUE_SOON_WORKING_DAYS });
  const dossiers = await db.dossier.count();
  print(
    [
      t('serve-banner-title'),
      channels.length === 0 ? t('serve-banner-demo') : t('serve-banner-channels', { channels: channels.map((c) => t(`channel-name-${c}`)).join(', ') }),
      t('serve-banner-database', { where: describeDatabase(config.database) }),
      ...(seeded !== null ? [t('serve-banner-seeded', { count: formatInt(seeded) })] : []),
      t('serve-banner-counts', {
        dossiers: formatInt(dossiers),
        open: formatInt(attention.open),
        dueSoon: formatInt(attention.dueSoon),
        overdue: formatInt(attention.overdue),
      }),
    ].join('\n'),
  );
  log.info({ database: describeDatabase(config.database), channels, dossiers }, 'service started');

  let consoleChat: ConsoleChat | null = null;
  const persona = channels.length === 0 && input ? await defaultPersona(services) : null;
  if (persona && input) {
    const o = await db.official.findUniqueOrThrow({ where: { code: persona } });
    print(t('console-intro', { code: o.code, title: o.title }));
    consoleChat = startConsoleChat({ services, input, print, persona });
  }

  // Delivery: the outbox dispatcher sends through this process's channels (in demo mode the
  // console prints what would be sent), and a heartbeat per channel tells every process which
  // channels run somewhere. The planners route by the officials' chat accounts.
  const running = await startChannels(services, { print });
  running.mount(http);
  print(t('http-listening', { url: http.url }));
  const dispatcher = new Dispatcher({ database, channels: running.channels, log, maxAttempts: config.OUTBOX_MAX_ATTEMPTS, clock });
  dispatcher.start();
  const heartbeat = await startHeartbeat(db, [...running.channels.keys()], { clock, log, afterBeat: () => markStuck(db, now()) });
  const alerts = startAlertSchedule({ services, everyMinutes: config.ALERTS_EVERY_MINUTES });
  const digest = startDigestSchedule({ services });
  const retention = startRetention(db, log, clock, config.OUTBOX_RETENTION_DAYS);
  const runRetention = startRunRetention(db, log, clock, config.OUTBOX_RETENTION_DAYS);
  const staleness = watchStaleness(services, config.ALERTS_EVERY_MINUTES * 60_000);
  print(t('serve-banner-stop'));

  return {
    database,
    services,
    async stop() {
      consoleChat?.close();
      await alerts.stop();
      await digest.stop();
      retention.stop();
      runRetention.stop();
      staleness.stop();
      await dispatcher.stop();
      await heartbeat.stop();
      await running.stop();
      await http.close();
      await database.close();
      log.info('service stopped');
    },
  };
}
