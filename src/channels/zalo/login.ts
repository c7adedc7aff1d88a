// The real login: zca-js's Zalo class, with its update check (a request to the npm registry) and
// its console logging off, so nothing about the session reaches stdout or the logs.
import type { ZaloApi, ZaloCredentials, ZaloLogin } from './api.ts';
import { zca } from './zca.ts';

export function zcaLogin(): ZaloLogin {
  const zalo = () => new zca.Zalo({ checkUpdate: false, logging: false, selfListen: false });
  return {
    login: (credentials) => zalo().login(credentials),
    loginQR: (options, callback) => zalo().loginQR(options, callback),
  };
}

/**
 * The credentials with the session's current cookies (Zalo renews them as the session is used),
 * or null if the jar does not hold a session cookie worth saving.
 */
export function refreshedCredentials(api: Pick<ZaloApi, 'getCookie'>, base: ZaloCredentials): ZaloCredentials | null {
  const cookies = api.getCookie()?.toJSON()?.cookies ?? [];
  if (!cookies.some((c) => c.key === 'zpw_sek')) return null;
  return { ...base, cookie: cookies };
}
