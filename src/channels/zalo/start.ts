// Starting the Zalo channel for the service: read the credentials file, log in, listen for
// messages (answered by the command layer), and hand back the channel the outbox sends through.
import type { Db } from '../../db/client.ts';
import { t } from '../../i18n/translate.ts';
import type { ZaloAddress } from './address.ts';
import type { ZaloApi, ZaloLogin } from './api.ts';
import { sleep } from '../../core/clock.ts';
import { CredentialsError, readCredentials, writeCredentials } from './credentials.ts';
import { GroupDirectory } from './groups.ts';
import { Inbound } from './inbound.ts';
import { refreshedCredentials, zcaLogin } from './login.ts';
import { ListenerSupervisor, type SupervisorOptions } from './supervisor.ts';
import { ZaloChannel } from './zalo-channel.ts';
import type { Services } from '../../core/services.ts';

export interface StartZaloOptions {
  /** Its log, and its clock (pacing, reconnecting, saving the session). */
  services: Services;
  /** ZALO_CREDENTIALS_FILE. */
  credentialsFile: string;
  /** Default: services.config.ZALO_MIN_INTERVAL_MS. */
  minIntervalMs?: number;
  /** Default: zca-js for real. Tests pass a fake. */
  login?: ZaloLogin;
  random?: () => number;
  /** Save the renewed session cookies to the credentials file this often, and at stop (null: never). */
  saveEveryMs?: number | null;
  /** Listener tuning (reconnect backoff, takeover reclaim). */
  listener?: Pick<SupervisorOptions, 'baseDelayMs' | 'maxDelayMs' | 'stableMs' | 'reclaimAfterMs' | 'maxReclaimMs'>;
}

export interface ZaloService {
  channel: ZaloChannel;
  listener: ListenerSupervisor;
  inbound: Inbound;
  stop(): Promise<void>;
}

/** Why Zalo did not start; `userMessage` is for the banner (Vietnamese). */
export class ZaloStartError extends Error {
  constructor(
    message: string,
    readonly userMessage: string,
  ) {
    super(message);
  }
}

export async function startZalo(options: StartZaloOptions): Promise<ZaloService> {
  const { services, credentialsFile } = options;
  const { clock, log } = services;
  const { db } = services.database;

  let read;
  try {
    read = await readCredentials(credentialsFile);
  } catch (e) {
    const reason = e instanceof CredentialsError ? e.kind : 'invalid';
    throw new ZaloStartError(`zalo: credentials file ${reason}`, t(reason === 'missing' ? 'zalo-start-no-file' : 'zalo-start-bad-file', { file: credentialsFile }));
  }
  if ((read.mode & 0o077) !== 0) log.warn({ file: credentialsFile, mode: read.mode.toString(8) }, 'zalo: the credentials file is readable by others; run chmod 600 on it');
  const credentials = read.credentials;

  let api: ZaloApi;
  try {
    api = await (options.login ?? zcaLogin()).login(credentials);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new ZaloStartError(`zalo: login failed: ${reason}`, t('zalo-start-login-failed', { reason: reason.slice(0, 200) }));
  }
  const ownId = String(api.getOwnId());

  const groups = new GroupDirectory(db, clock);
  await groups.load();
  const channel = new ZaloChannel({
    api,
    log,
    clock,
    minIntervalMs: options.minIntervalMs ?? services.config.ZALO_MIN_INTERVAL_MS,
    groups,
    nameOf: (a) => nameOf(db, groups, a),
  });
  const inbound = new Inbound({ services, channel, groups, ownId });
  const listener = new ListenerSupervisor({
    listener: api.listener,
    log,
    clock,
    onMessage: (m) => inbound.handle(m),
    ...(options.random ? { random: options.random } : {}),
    ...options.listener,
  });
  listener.start();

  // Zalo renews the session cookies as they are used; keeping them lets a restart days later log in.
  const saveEveryMs = options.saveEveryMs === undefined ? 6 * 3_600_000 : options.saveEveryMs;
  const save = async () => {
    const fresh = refreshedCredentials(api, credentials);
    if (!fresh) return;
    try {
      await writeCredentials(credentialsFile, fresh);
    } catch (e) {
      log.warn({ err: e, file: credentialsFile }, 'zalo: could not save the renewed session');
    }
  };
  let saveTimer: unknown = null;
  let stopped = false;
  const scheduleSave = () => {
    if (saveEveryMs !== null && !stopped) saveTimer = clock.setTimeout(() => void save().finally(scheduleSave), saveEveryMs);
  };
  scheduleSave();
  log.info('zalo: logged in; listening');

  return {
    channel,
    listener,
    inbound,
    async stop() {
      stopped = true;
      if (saveTimer !== null) clock.clearTimeout(saveTimer);
      saveTimer = null;
      listener.stop();
      await Promise.race([inbound.idle(), sleep(clock, 10_000)]);
      if (saveEveryMs !== null) await save();
      log.info('zalo: stopped');
    },
  };
}

/** An official's name or a group's title, for the line that tells repeated texts apart. */
async function nameOf(db: Db, groups: GroupDirectory, a: ZaloAddress): Promise<string | null> {
  if (a.kind === 'group') return (await groups.get(a.id))?.title ?? null;
  const identity = await db.chatIdentity.findUnique({
    where: { channel_externalId: { channel: 'zalo', externalId: a.id } },
    select: { displayName: true, official: { select: { fullName: true } } },
  });
  return identity?.official.fullName ?? identity?.displayName ?? null;
}
