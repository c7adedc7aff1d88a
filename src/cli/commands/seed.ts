// dunghan seed --demo [--now ISO] [--seed N] [--force]: replace the data with the demo area.
import { hasRealData, seedDemo } from '../../demo/seed.ts';
import { t } from '../../i18n/translate.ts';
import { parse, parseInstant, parseInteger } from '../args.ts';
import { CliError, UsageError, withDatabase, type CliCommand } from '../context.ts';

export const seedCommand: CliCommand = {
  name: 'seed',
  summary: 'cli-seed-summary',
  usage: 'cli-seed-usage',
  async run(ctx) {
    const { values } = parse(ctx.args, { demo: { type: 'boolean' }, now: { type: 'string' }, seed: { type: 'string' }, force: { type: 'boolean' } }, t('cli-seed-usage'));
    if (!values.demo) throw new UsageError(t('cli-seed-usage'));
    const now = values.now ? parseInstant(values.now, '--now') : ctx.clock.now();
    const seed = values.seed ? parseInteger(values.seed, '--seed', 0, 2 ** 31 - 1) : 1;
    return withDatabase(ctx, async ({ config, database }) => {
      if (!values.force && (await hasRealData(database.db))) throw new CliError(t('seed-refused-real-data'));
      const count = await seedDemo(database, { seed, now, workingHours: config.WORKING_HOURS });
      ctx.out(t('seed-done', { count, seed }));
      return 0;
    });
  },
};
