// The chat channels of this process: Telegram and Zalo as configured, or the console in demo
// mode. The Zalo account allows one listener, so only the instance holding the "zalo" lease runs it.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { MAX_TEXT } from './limits.ts';
import type { Channel } from './channel.ts';
import { consoleChannel } from './console/channel.ts';
import { startZalo, ZaloStartError } from './zalo/start.ts';
import type { Services } from '../commands/types.ts';
import type { Config } from '../config.ts';
import { holdLease } from '../db/lease.ts';
import { t } from '../i18n/translate.ts';
import type { ChannelName } from '../org/codes.ts';

/** The channels the configuration enables (the same on every instance). */
export function configuredChannels(config: Config): ChannelName[] {
  const names: ChannelName[] = [];
  if (config.telegram) names.push('telegram');
  if (config.ZALO_CREDENTIALS_FILE) names.push('zalo');
  return names;
}

/** What the planner may route to: the configured channels, or the console in demo mode. */
export function plannedChannels(config: Config): Map<ChannelName, { maxText: number }> {
  const names = configuredChannels(config);
  return new Map((names.length > 0 ? names : (['console'] as ChannelName[])).map((c) => [c, { maxText: MAX_TEXT[c] }]));
}

export interface RunningChannels {
  channels: Map<ChannelName, Channel>;
  stop(): Promise<void>;
}

export async function startChannels(services: Services, opts: { now: () => Date; print: (text: string) => void }): Promise<RunningChannels> {
  const { config, log, database } = services;
  const channels = new Map<ChannelName, Channel>();
  const stops: (() => Promise<void>)[] = [];
  if (configuredChannels(config).length === 0) channels.set('console', consoleChannel(opts.print));

  if (config.ZALO_CREDENTIALS_FILE) {
    const lease = await holdLease(database.db, 'zalo', randomUUID(), opts.now);
    if (!lease) {
      opts.print(t('zalo-elsewhere'));
    } else {
      try {
        const zalo = await startZalo({ services, log, now: opts.now, credentialsFile: resolve(config.ZALO_CREDENTIALS_FILE) });
        channels.set('zalo', zalo.channel);
        stops.push(() => zalo.stop(), () => lease.release());
      } catch (e) {
        await lease.release();
        if (!(e instanceof ZaloStartError)) throw e;
        opts.print(e.userMessage);
        log.error({ reason: e.message }, 'zalo channel not started');
      }
    }
  }

  return {
    channels,
    async stop() {
      for (const stop of stops) await stop();
    },
  };
}
