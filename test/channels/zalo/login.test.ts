// The real zca-js login wrapper, with zca-js's network calls replaced: it must turn off the
// update check (a request to the npm registry) and zca-js's console logging.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ZaloCredentials } from '../../../src/channels/zalo/api.ts';
import { refreshedCredentials, zcaLogin } from '../../../src/channels/zalo/login.ts';
import { zca } from '../../../src/channels/zalo/zca.ts';
import { FakeZalo } from './fake-zalo.ts';

afterEach(() => vi.restoreAllMocks());

describe('zcaLogin', () => {
  it('creates zca-js clients with checkUpdate and logging off, and passes the credentials through', async () => {
    const seen: unknown[] = [];
    const fake = new FakeZalo();
    vi.spyOn(zca.Zalo.prototype, 'login').mockImplementation(async function (this: unknown, credentials: ZaloCredentials) {
      seen.push((this as { options: unknown }).options, credentials);
      return fake as never;
    });
    const credentials = { imei: 'i', userAgent: 'ua', cookie: [{ key: 'zpw_sek', value: 'v' }] };
    expect(await zcaLogin().login(credentials)).toBe(fake);
    expect(seen).toEqual([{ checkUpdate: false, logging: false, selfListen: false }, credentials]);
  });

  it('saves renewed cookies only when the jar still holds the session cookie', () => {
    const api = new FakeZalo();
    const base = { imei: 'i', userAgent: 'ua', cookie: [{ key: 'zpw_sek', value: 'old' }] };
    expect(refreshedCredentials(api, base)).toBeNull();
    api.jar.setCookieSync('zpw_sek=new; Domain=chat.zalo.me; Path=/', 'https://chat.zalo.me');
    const fresh = refreshedCredentials(api, base)!;
    expect(fresh.imei).toBe('i');
    expect((fresh.cookie as { key: string; value: string }[]).map((c) => [c.key, c.value])).toEqual([['zpw_sek', 'new']]);
  });
});
