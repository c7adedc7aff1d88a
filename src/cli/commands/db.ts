// dunghan db migrate: apply pending migrations (npm run db:migrate).
import { loadConfig } from '../../config.ts';
import { describeDatabase } from '../../db/url.ts';
import { migrate, readMigrations } from '../../db/migrate.ts';
import { secureSqliteFilesLogged } from '../../db/sqlite-files.ts';
import { t } from '../../i18n/translate.ts';
import { cliLogger, UsageError, type CliCommand } from '../context.ts';

export const dbCommand: CliCommand = {
  name: 'db',
  summary: 'cli-db-summary',
  usage: 'cli-db-usage',
  async run(ctx) {
    if (ctx.args[0] !== 'migrate' || ctx.args.length > 1) throw new UsageError(t('cli-db-usage'));
    const config = loadConfig(ctx.env, ctx.cwd);
    secureSqliteFilesLogged(config.database, cliLogger(ctx, config));
    const { applied, modified } = await migrate(config.database);
    const where = describeDatabase(config.database);
    for (const name of modified) ctx.err(t('db-migration-modified', { name }));
    ctx.out(
      applied.length > 0
        ? t('db-migrated', { count: applied.length, names: applied.join(', '), where })
        : t('db-up-to-date', { count: readMigrations(config.database.engine).length, where }),
    );
    return 0;
  },
};
