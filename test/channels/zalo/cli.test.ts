// dunghan zalo login / status with a fake zca-js QR login: the QR drawn and saved, the
// credentials written with mode 600, never printed; expiry, refusal and Ctrl-C handled.
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoginQREvent, ZaloLogin } from '../../../src/channels/zalo/api.ts';
import { zca } from '../../../src/channels/zalo/zca.ts';
import { zaloCommand, zaloCommandWith } from '../../../src/cli/commands/zalo.ts';
import { CliError, UsageError, type CliCommand } from '../../../src/cli/context.ts';
import { t } from '../../../src/i18n/translate.ts';
import { FakeZalo } from './fake-zalo.ts';
import { makePng } from './png-fixture.ts';
import { systemClock } from '../../../src/core/clock.ts';

const require = createRequire(import.meta.url);
const QRCode = require('qrcode-terminal/vendor/QRCode') as new (type: number, level: number) => { addData(s: string): void; make(): void; modules: boolean[][] };

function qrImageBase64(): string {
  const qr = new QRCode(-1, 0);
  qr.addData('login-code-for-test');
  qr.make();
  const m = qr.modules;
  const scale = 4;
  const size = (m.length + 4) * scale;
  const png = makePng(size, size, (x, y) => (m[Math.floor(y / scale) - 2]?.[Math.floor(x / scale) - 2] ? [0, 0, 0, 255] : [255, 255, 255, 255]));
  return `data:image/png;base64,${png.toString('base64')}`;
}

const SECRET_COOKIE = 'zpw-sek-secret-value';
const IMEI = 'imei-secret-0001';

type Script = (emit: (e: LoginQREvent) => void, actions: { retry: () => void; abort: () => void }) => void;

/** A fake QR login that plays events, like zca-js's loginQR with a callback. */
function fakeLogin(script: Script): ZaloLogin & { qrCodes: number } {
  const api = new FakeZalo();
  api.jar.setCookieSync(`zpw_sek=${SECRET_COOKIE}-renewed; Domain=chat.zalo.me; Path=/`, 'https://chat.zalo.me');
  const self = {
    qrCodes: 0,
    login: async () => api,
    loginQR: (_options: unknown, callback: (e: LoginQREvent) => unknown) =>
      new Promise<FakeZalo>((resolve, reject) => {
        const generate = () => {
          self.qrCodes++;
          callback({ type: zca.LoginQRCallbackEventType.QRCodeGenerated, data: { code: 'c', image: qrImageBase64().replace(/^data:image\/png;base64,/, ''), options: { enabledCheckOCR: false, enabledMultiLayer: false }, token: 't' }, actions: { saveToFile: async () => {}, retry, abort } });
        };
        const retry = () => generate();
        const abort = () => reject(new zca.ZaloApiLoginQRAborted());
        generate();
        // zca-js long-polls Zalo while the person scans: give the QR time to be saved and shown.
        setTimeout(() => {
          script((e) => callback(e), { retry, abort });
          setImmediate(() => resolve(api));
        }, 50);
      }),
  };
  return self;
}

const success: Script = (emit) => {
  emit({ type: zca.LoginQRCallbackEventType.QRCodeScanned, data: { avatar: '', display_name: 'UBND xã Bình Sơn' }, actions: { retry: () => {}, abort: () => {} } });
  emit({ type: zca.LoginQRCallbackEventType.GotLoginInfo, data: { cookie: [{ key: 'zpw_sek', value: SECRET_COOKIE }], imei: IMEI, userAgent: 'Mozilla/5.0 test' }, actions: null });
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dunghan-zalo-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(command: CliCommand, args: string[], env: Record<string, string> = { ZALO_CREDENTIALS_FILE: 'secrets/zalo.json' }, signal = new AbortController().signal) {
  const out: string[] = [];
  let code: number;
  try {
    code = await command.run({ args, env, cwd: dir, out: (s) => out.push(s), err: (s) => out.push(s), clock: systemClock, signal });
  } catch (e) {
    if (!(e instanceof CliError || e instanceof UsageError)) throw e;
    out.push(e.message);
    code = e instanceof UsageError ? 2 : 1;
  }
  return { code, out: out.join('\n') };
}

describe('dunghan zalo login', () => {
  it('draws the QR, saves it as PNG while waiting, and writes the credentials with mode 600', async () => {
    let qrSeen = false;
    const login = fakeLogin((emit, actions) => {
      qrSeen = existsSync(join(dir, 'secrets', 'zalo-login-qr.png')) && (statSync(join(dir, 'secrets', 'zalo-login-qr.png')).mode & 0o777) === 0o600;
      success(emit, actions);
    });
    const { code, out } = await run(zaloCommandWith({ login }), ['login']);
    expect(code).toBe(0);
    expect(qrSeen).toBe(true);
    expect(out).toContain('\x1b[40m  \x1b[0m');
    expect(out).toContain(t('zalo-login-qr', { file: join(dir, 'secrets', 'zalo-login-qr.png') }));
    expect(out).toContain(t('zalo-login-scanned', { name: 'UBND xã Bình Sơn' }));
    expect(out).toContain(t('zalo-login-done', { file: join(dir, 'secrets', 'zalo.json') }));
    const file = join(dir, 'secrets', 'zalo.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { imei: string; userAgent: string; cookie: { key: string; value: string }[] };
    expect(saved.imei).toBe(IMEI);
    expect(saved.userAgent).toBe('Mozilla/5.0 test');
    expect(saved.cookie.find((c) => c.key === 'zpw_sek')?.value).toBe(`${SECRET_COOKIE}-renewed`);
    // Secrets are never printed; the QR image is removed once used.
    expect(out).not.toContain(SECRET_COOKIE);
    expect(out).not.toContain(IMEI);
    expect(existsSync(join(dir, 'secrets', 'zalo-login-qr.png'))).toBe(false);
  });

  it('saves the QR where --qr says', async () => {
    let at = '';
    const login = fakeLogin((emit, actions) => {
      at = existsSync(join(dir, 'qr.png')) ? 'qr.png' : '';
      success(emit, actions);
    });
    expect((await run(zaloCommandWith({ login }), ['login', '--qr', 'qr.png'])).code).toBe(0);
    expect(at).toBe('qr.png');
  });

  it('points to the PNG when the image cannot be drawn', async () => {
    const login = fakeLogin(success);
    const original = login.loginQR;
    login.loginQR = (options, callback) =>
      original(options, (e) => callback(e.type === zca.LoginQRCallbackEventType.QRCodeGenerated ? { ...e, data: { ...e.data, image: makePng(10, 10, () => [255, 255, 255, 255]).toString('base64') } } : e));
    const { code, out } = await run(zaloCommandWith({ login }), ['login']);
    expect(code).toBe(0);
    expect(out).toContain(t('zalo-login-qr-file-only', { file: join(dir, 'secrets', 'zalo-login-qr.png') }));
  });

  it('makes new codes when one expires, and gives up after three', async () => {
    const login = fakeLogin((emit, { retry, abort }) => {
      for (let i = 0; i < 3; i++) emit({ type: zca.LoginQRCallbackEventType.QRCodeExpired, data: null, actions: { retry, abort } });
    });
    const { code, out } = await run(zaloCommandWith({ login }), ['login']);
    expect(code).toBe(1);
    expect(login.qrCodes).toBe(3);
    expect(out).toContain(t('zalo-login-expired'));
    expect(out).toContain(t('zalo-login-gave-up', { count: 3 }));
    expect(existsSync(join(dir, 'secrets', 'zalo.json'))).toBe(false);
  });

  it('stops when the login is declined on the phone, or on Ctrl-C', async () => {
    const declined = fakeLogin((emit, { retry, abort }) => emit({ type: zca.LoginQRCallbackEventType.QRCodeDeclined, data: { code: 'c' }, actions: { retry, abort } }));
    const r1 = await run(zaloCommandWith({ login: declined }), ['login']);
    expect([r1.code, r1.out.split('\n').at(-1)]).toEqual([1, t('zalo-login-declined')]);

    const controller = new AbortController();
    const waiting = fakeLogin(() => controller.abort());
    waiting.loginQR = ((original) => (o, cb) => original(o, cb).then(() => new Promise<never>(() => {})))(waiting.loginQR);
    const r2 = await run(zaloCommandWith({ login: waiting }), ['login'], undefined, controller.signal);
    expect([r2.code, r2.out.split('\n').at(-1)]).toEqual([1, t('zalo-login-aborted')]);
  });

  it('refuses to overwrite existing credentials without --force, and needs ZALO_CREDENTIALS_FILE', async () => {
    await run(zaloCommandWith({ login: fakeLogin(success) }), ['login']);
    const again = await run(zaloCommandWith({ login: fakeLogin(success) }), ['login']);
    expect(again.code).toBe(1);
    expect(again.out).toBe(t('zalo-login-exists', { file: join(dir, 'secrets', 'zalo.json') }));
    expect((await run(zaloCommandWith({ login: fakeLogin(success) }), ['login', '--force'])).code).toBe(0);
    const none = await run(zaloCommand, ['login'], {});
    expect([none.code, none.out]).toEqual([1, t('zalo-cli-no-file')]);
    expect((await run(zaloCommand, ['frobnicate'])).code).toBe(2);
  });
});

describe('dunghan zalo status', () => {
  it('says whether the credentials exist, are valid and private', async () => {
    const missing = await run(zaloCommand, ['status']);
    expect([missing.code, missing.out]).toEqual([1, t('zalo-status-missing', { file: join(dir, 'secrets', 'zalo.json') })]);
    await run(zaloCommandWith({ login: fakeLogin(success) }), ['login']);
    const ok = await run(zaloCommand, ['status', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toEqual({ file: join(dir, 'secrets', 'zalo.json'), exists: true, mode: '600', private: true, valid: true, cookies: 1 });
    chmodSync(join(dir, 'secrets', 'zalo.json'), 0o644);
    const open = await run(zaloCommand, ['status']);
    expect(open.code).toBe(1);
    expect(open.out).toContain(t('zalo-status-not-private', { file: join(dir, 'secrets', 'zalo.json'), mode: '644' }));
    expect(open.out).not.toContain(SECRET_COOKIE);
  });
});
