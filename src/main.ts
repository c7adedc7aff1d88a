// The service, assembled in order. Each later capability adds one line here.
import { loadCalendar } from './calendar/load.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { describeDatabase } from './db/url.ts';
import { seedDemo } from './demo/seed.ts';
import { countAttention } from './dossiers/attention.ts';
import { formatInt } from './i18n/format.ts';
import { t } from './i18n/translate.ts';
import type { Logger } from './log.ts';

export interface ServiceOptions {
  config: Config;
  log: Logger;
  now: () => Date;
  /** Where the start-up banner goes (a person reads it). */
  print: (text: string) => void;
}

export interface Service {
  database: Database;
  stop(): Promise<void>;
}

/** Names of the chat channels the configuration enables. */
export function configuredChannels(config: Config): string[] {
  return [config.TELEGRAM_BOT_TOKEN ? 'Telegram' : null, config.ZALO_CREDENTIALS_FILE ? 'Zalo' : null].filter((c): c is string => c !== null);
}

export async function startService({ config, log, now, print }: ServiceOptions): Promise<Service> {
  const migrated = await migrate(config.database);
  if (migrated.applied.length > 0) log.info({ applied: migrated.applied }, 'migrations applied');
  const database = await openDatabase(config.database);
  const { db } = database;
  const channels = configuredChannels(config);

  let seeded: number | null = null;
  const empty = (await db.dossier.count()) === 0 && (await db.unit.count()) === 0;
  if (config.DEMO_SEED === 'always' || (config.DEMO_SEED === 'auto' && empty && channels.length === 0)) {
    seeded = await seedDemo(database, { seed: 1, now: now(), workingHours: config.WORKING_HOURS });
    log.info({ dossiers: seeded }, 'demo data seeded');
  }

  const calendar = await loadCalendar(db, config.WORKING_HOURS);
  const attention = await countAttention(db, now(), calendar, { dueSoonWorkingDays: config.DUE_SOON_WORKING_DAYS });
  const dossiers = await db.dossier.count();
  print(
    [
      t('serve-banner-title'),
      channels.length === 0 ? t('serve-banner-demo') : t('serve-banner-channels', { channels: channels.join(', ') }),
      t('serve-banner-database', { where: describeDatabase(config.database) }),
      ...(seeded !== null ? [t('serve-banner-seeded', { count: formatInt(seeded) })] : []),
      t('serve-banner-counts', {
        dossiers: formatInt(dossiers),
        open: formatInt(attention.open),
        dueSoon: formatInt(attention.dueSoon),
        overdue: formatInt(attention.overdue),
      }),
      t('serve-banner-stop'),
    ].join('\n'),
  );
  log.info({ database: describeDatabase(config.database), channels, dossiers }, 'service started');

  return {
    database,
    async stop() {
      await database.close();
      log.info('service stopped');
    },
  };
}
