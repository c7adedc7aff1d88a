// startZalo as the service calls it, with a fake zca-js login: errors that say what to do, a
// takeover of the listener that does not stop delivery, the renewed session saved with mode 600,
// credentials never logged, bad events survived.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startZalo, ZaloStartError, type StartZaloOptions } from '../../../src/channels/zalo/start.ts';
import { zca } from '../../../src/channels/zalo/zca.ts';
import { loadConfig } from '../../../src/config.ts';
import { t } from '../../../src/i18n/translate.ts';
import { testDatabase, type TestDatabase } from '../../support/database.ts';
import { FakeClock } from '../../support/clock.ts';
import { FakeZalo, zaloError } from './fake-zalo.ts';
import { captureLog, WARN } from './log-capture.ts';
import { createServices, type Services } from '../../../src/core/services.ts';

const SECRET = 'zpw-sek-value-never-logged';
const IMEI = 'imei-never-logged';
const GROUP = '9001000000000000001';

let database: TestDatabase;
let dir: string;
let file: string;

beforeAll(async () => {
  database = await testDatabase();
  await database.db.chatGroup.create({ data: { channel: 'zalo', externalId: GROUP, title: 'UBND xã Bình Sơn' } });
  dir = mkdtempSync(join(tmpdir(), 'dunghan-zalo-start-'));
}, 120_000);
afterAll(async () => {
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  file = join(dir, `zalo-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ imei: IMEI, userAgent: 'UA', cookie: [{ key: 'zpw_sek', value: SECRET, domain: 'chat.zalo.me' }] }), { mode: 0o600 });
});

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !condition() && Date.now() < end; ) await new Promise((r) => setImmediate(r));
}

function options(api: FakeZalo, clock: FakeClock, extra: Partial<StartZaloOptions> = {}) {
  const capture = captureLog();
  const services: Services = createServices({ database, config: loadConfig({}), log: capture.log, clock });
  const login = { login: async () => api, loginQR: async () => api };
  return { capture, options: { services, credentialsFile: file, login, saveEveryMs: null, ...extra } satisfies StartZaloOptions };
}

describe('startZalo', () => {
  it('says how to log in when the credentials file is missing or invalid, or the login fails', async () => {
    const clock = new FakeClock();
    const api = new FakeZalo();
    const missing = await startZalo({ ...options(api, clock).options, credentialsFile: join(dir, 'none.json') }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ZaloStartError);
    expect((missing as ZaloStartError).userMessage).toBe(t('zalo-start-no-file', { file: join(dir, 'none.json') }));
    writeFileSync(file, '{"imei": 1}');
    const bad = (await startZalo(options(api, clock).options).catch((e: unknown) => e)) as ZaloStartError;
    expect(bad.userMessage).toBe(t('zalo-start-bad-file', { file }));
    writeFileSync(file, JSON.stringify({ imei: IMEI, userAgent: 'UA', cookie: [{ key: 'zpw_sek', value: SECRET }] }));
    const failing = { login: async () => { throw zaloError('The session key was improperly submitted or has reached its timeout', 102); }, loginQR: async () => api };
    const refused = (await startZalo({ ...options(api, clock).options, login: failing }).catch((e: unknown) => e)) as ZaloStartError;
    expect(refused.userMessage).toMatch(/^Không đăng nhập được Zalo \(The session key.*dunghan zalo login --force$/);
  });

  it('keeps delivering while Zalo Web has taken the listener over, and warns once', async () => {
    const clock = new FakeClock();
    const api = new FakeZalo(() => clock.monotonic());
    const { options: o, capture } = options(api, clock);
    const zalo = await startZalo(o);
    expect(api.listener.starts).toEqual([{ retryOnClose: false }]);
    api.listener.connect();
    api.listener.close(zca.CloseReason.KickConnection);
    await clock.run(zalo.channel.send('7001000000000000001', { text: 'Hồ sơ sắp đến hạn' }));
    await clock.run(zalo.channel.send(GROUP, { text: 'Bản tin tuần' }));
    api.listener.close(zca.CloseReason.KickConnection);
    expect(api.sent.map((s) => [s.threadId, s.type])).toEqual([['7001000000000000001', zca.ThreadType.User], [GROUP, zca.ThreadType.Group]]);
    expect(capture.lines.filter((l) => l.level === WARN && l.msg.includes('opened elsewhere'))).toHaveLength(1);
    expect(zalo.listener.state).toBe('taken_over');
    await clock.run(zalo.stop());
  });

  it('survives a malformed event from zca-js', async () => {
    const clock = new FakeClock();
    const api = new FakeZalo(() => clock.monotonic());
    const { options: o, capture } = options(api, clock);
    const zalo = await startZalo(o);
    api.listener.connect();
    expect(() => api.listener.emit('message', { type: zca.ThreadType.User, threadId: '1', isSelf: false, data: null } as never)).not.toThrow();
    await clock.run(zalo.inbound.idle());
    expect(capture.lines.some((l) => l.msg.includes('incoming message failed'))).toBe(true);
    expect(zalo.listener.state).toBe('connected');
    await clock.run(zalo.stop());
  });

  it('saves the renewed session with mode 600, periodically and at stop, and never logs it', async () => {
    const clock = new FakeClock();
    const api = new FakeZalo(() => clock.monotonic());
    chmodSync(file, 0o644);
    const { options: o, capture } = options(api, clock, { saveEveryMs: 3_600_000 });
    const zalo = await startZalo(o);
    expect(capture.lines.some((l) => l.level === WARN && l.msg.includes('chmod 600'))).toBe(true);
    api.jar.setCookieSync(`zpw_sek=${SECRET}-2; Domain=chat.zalo.me; Path=/`, 'https://chat.zalo.me');
    await clock.advance(3_600_000);
    await until(() => readFileSync(file, 'utf8').includes(`${SECRET}-2`)); // the write is real I/O
    expect(JSON.parse(readFileSync(file, 'utf8')).cookie[0].value).toBe(`${SECRET}-2`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    api.jar.setCookieSync(`zpw_sek=${SECRET}-3; Domain=chat.zalo.me; Path=/`, 'https://chat.zalo.me');
    await clock.run(zalo.stop());
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { imei: string; cookie: { value: string }[] };
    expect([saved.imei, saved.cookie[0]!.value]).toEqual([IMEI, `${SECRET}-3`]);
    expect(capture.text()).not.toContain(SECRET);
    expect(capture.text()).not.toContain(IMEI);
  });

  it('does not overwrite the credentials with a jar that lost the session', async () => {
    const clock = new FakeClock();
    const api = new FakeZalo(() => clock.monotonic());
    const zalo = await startZalo(options(api, clock, { saveEveryMs: 3_600_000 }).options);
    await clock.run(zalo.stop());
    expect(JSON.parse(readFileSync(file, 'utf8')).cookie[0].value).toBe(SECRET);
  });
});
