// Is Telegram reachable with this token? getMe, answered within a few seconds and cached briefly
// so a busy /healthz does not hammer the Bot API. The result never holds the token.
import type { UserFromGetMe } from 'grammy/types';
import type { Clock } from '../../core/clock.ts';
import { classify } from './errors.ts';

/** A type, not an interface, so it fits the HTTP server's check result ({ ok, …details }). */
export type TelegramHealth = {
  ok: boolean;
  username?: string;
  error?: string;
};

export interface HealthOptions {
  token: string;
  clock: Clock;
  cacheMs?: number;
}

/** `getMe` should fail fast (a client with a timeout of a few seconds). */
export function telegramHealth(getMe: () => Promise<UserFromGetMe>, o: HealthOptions): () => Promise<TelegramHealth> {
  let last: { at: number; result: TelegramHealth } | null = null;
  let pending: Promise<TelegramHealth> | null = null;
  const check = async (): Promise<TelegramHealth> => {
    try {
      const me = await getMe();
      return { ok: true, username: me.username };
    } catch (e) {
      return { ok: false, error: classify(e, o.token).message };
    }
  };
  return async () => {
    const t = o.clock.monotonic();
    if (last && t - last.at < (o.cacheMs ?? 15_000)) return last.result;
    pending ??= check().then((result) => {
      last = { at: o.clock.monotonic(), result };
      pending = null;
      return result;
    });
    return pending;
  };
}
