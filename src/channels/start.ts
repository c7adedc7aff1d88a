// The chat channels of this process: Telegram and Zalo as configured, or the console in demo
// mode. The Zalo account allows one listener, so only the instance holding the "zalo" lease runs
// it. Every instance delivers Telegram messages and serves its webhook; in polling mode Telegram
// allows one getUpdates at a time, so only the instance holding the "telegram-polling" lease
// polls, and the others stand by to take over.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Channel } from '../core/channel.ts';
import { consoleChannel } from './console/channel.ts';
import { startTelegram } from './telegram/start.ts';
import { startZalo, ZaloStartError } from './zalo/start.ts';
import type { Config } from '../config.ts';
import { awaitLease, holdLease } from '../core/held-lease.ts';
import type { Routes } from '../core/routes.ts';
import { t } from '../i18n/translate.ts';
import type { ChannelName } from '../org/codes.ts';
import type { Services } from '../core/services.ts';

/** The channels the configuration enables (the same on every instance). */
export function configuredChannels(config: Config): ChannelName[] {
  const names: ChannelName[] = [];
  if (config.telegram) names.push('telegram');
  if (config.ZALO_CREDENTIALS_FILE) names.push('zalo');
  return names;
}

export interface RunningChannels {
  channels: Map<ChannelName, Channel>;
  /** Adds the channels' routes (the Telegram webhook) and /healthz checks to the HTTP server. */
  mount(http: Routes): void;
  stop(): Promise<void>;
}

export async function startChannels(services: Services, opts: { print: (text: string) => void }): Promise<RunningChannels> {
  const { config, log, database, clock } = services;
  const channels = new Map<ChannelName, Channel>();
  const stops: (() => Promise<void>)[] = [];
  const mounts: RunningChannels['mount'][] = [];
  if (configuredChannels(config).length === 0) channels.set('console', consoleChannel(opts.print));

  if (config.telegram) {
    // Polling: the lease holder polls; another instance waits on standby and takes over when the
    // holder stops or dies (its lease expires).
    const polling = config.telegram.mode === 'polling';
    const owner = randomUUID();
    const first = polling ? await holdLease(database.db, 'telegram-polling', owner, clock) : null;
    if (polling && !first) opts.print(t('telegram-polling-elsewhere'));
    const standby = new AbortController();
    const lease = first || !polling ? Promise.resolve(first) : awaitLease(database.db, 'telegram-polling', owner, clock, standby.signal);
    const telegram = await startTelegram({ services, pollWhen: lease.then((l) => l !== null) });
    channels.set('telegram', telegram.channel);
    mounts.push((http) => {
      if (telegram.webhook) http.addRoute('POST', telegram.webhook.path, (req, res) => telegram.webhook!.handle(req, res));
      http.addHealthCheck('telegram', () => telegram.health());
    });
    stops.push(async () => {
      standby.abort();
      await telegram.stop();
      await (await lease)?.release();
    });
  }

  if (config.ZALO_CREDENTIALS_FILE) {
    const lease = await holdLease(database.db, 'zalo', randomUUID(), clock);
    if (!lease) {
      opts.print(t('zalo-elsewhere'));
    } else {
      try {
        const zalo = await startZalo({ services, credentialsFile: resolve(config.ZALO_CREDENTIALS_FILE) });
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
    mount(http) {
      for (const mount of mounts) mount(http);
    },
    async stop() {
      for (const stop of stops) await stop();
    },
  };
}
