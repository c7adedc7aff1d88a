// dunghan serve (npm start): run the service until Ctrl-C or SIGTERM.
import { once } from 'node:events';
import { loadConfig } from '../../config.ts';
import { t } from '../../i18n/translate.ts';
import { createLogger } from '../../log.ts';
import { startService } from '../../main.ts';
import { parse } from '../args.ts';
import type { CliCommand } from '../context.ts';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'cli-serve-summary',
  usage: 'cli-serve-usage',
  async run(ctx) {
    parse(ctx.args, {}, t('cli-serve-usage'));
    const config = loadConfig(ctx.env, ctx.cwd);
    const log = createLogger(config);
    const service = await startService({ config, log, clock: ctx.clock, print: ctx.out, input: ctx.stdin });
    // Keep the event loop alive until asked to stop.
    const keepAlive = setInterval(() => {}, 1 << 30);
    if (!ctx.signal.aborted) await once(ctx.signal, 'abort');
    clearInterval(keepAlive);
    await service.stop();
    ctx.out(t('serve-stopped'));
    return 0;
  },
};
