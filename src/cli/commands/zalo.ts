// dunghan zalo login [--qr <file.png>] [--force]: logs the unit's Zalo account in by QR code (drawn
// in the terminal and saved as a PNG) and writes ZALO_CREDENTIALS_FILE with mode 600.
// dunghan zalo status [--json]: whether that file exists, is valid and is private.
// The credentials are never printed or logged.
import { existsSync } from 'node:fs';
import { chmod, mkdir, open, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { LoginQREvent, ZaloApi, ZaloLogin } from '../../channels/zalo/api.ts';
import { credentialsStatus, readCredentials, writeCredentials } from '../../channels/zalo/credentials.ts';
import { refreshedCredentials, zcaLogin } from '../../channels/zalo/login.ts';
import { decodePngGray } from '../../channels/zalo/png.ts';
import { qrModules, renderQr } from '../../channels/zalo/qr-terminal.ts';
import { zca } from '../../channels/zalo/zca.ts';
import { loadConfig } from '../../config.ts';
import { t } from '../../i18n/translate.ts';
import { parse } from '../args.ts';
import { CliError, UsageError, type CliCommand, type CliContext } from '../context.ts';

/** QR codes expire after about 100 s; give up after this many. */
const MAX_QR_CODES = 3;

export interface ZaloCliDeps {
  login?: ZaloLogin;
}

export function zaloCommandWith(deps: ZaloCliDeps): CliCommand {
  return {
    name: 'zalo',
    summary: 'cli-zalo-summary',
    usage: 'cli-zalo-usage',
    async run(ctx) {
      const [sub, ...rest] = ctx.args;
      if (sub === 'login') return login(ctx, rest, deps.login ?? zcaLogin());
      if (sub === 'status') return status(ctx, rest);
      throw new UsageError(t('cli-zalo-usage'));
    },
  };
}

export const zaloCommand = zaloCommandWith({});

function credentialsFile(ctx: CliContext): string {
  const file = loadConfig(ctx.env, ctx.cwd).ZALO_CREDENTIALS_FILE;
  if (!file) throw new CliError(t('zalo-cli-no-file'));
  return resolve(ctx.cwd, file);
}

async function status(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } }, t('cli-zalo-usage'));
  if (positionals.length > 0) throw new UsageError(t('cli-zalo-usage'));
  const file = credentialsFile(ctx);
  const s = await credentialsStatus(file);
  const ok = s.exists && s.valid && s.private;
  if (values.json) {
    ctx.out(JSON.stringify({ file, ...s }));
    return ok ? 0 : 1;
  }
  if (!s.exists) ctx.out(t('zalo-status-missing', { file }));
  else if (!s.valid) ctx.out(t('zalo-status-invalid', { file }));
  else ctx.out(t('zalo-status-ok', { file, mode: s.mode ?? '', cookies: s.cookies }));
  if (s.exists && !s.private) ctx.out(t('zalo-status-not-private', { file, mode: s.mode ?? '' }));
  return ok ? 0 : 1;
}

async function login(ctx: CliContext, args: string[], zalo: ZaloLogin): Promise<number> {
  const { values, positionals } = parse(args, { qr: { type: 'string' }, force: { type: 'boolean' } }, t('cli-zalo-usage'));
  if (positionals.length > 0) throw new UsageError(t('cli-zalo-usage'));
  const file = credentialsFile(ctx);
  if (existsSync(file) && !values.force) throw new CliError(t('zalo-login-exists', { file }));
  const qrFile = values.qr ? resolve(ctx.cwd, values.qr) : join(dirname(file), 'zalo-login-qr.png');

  let codes = 0;
  let outcome: 'declined' | 'gave_up' | null = null;
  let abortQr: (() => unknown) | null = null;
  const pending: Promise<void>[] = [];
  const onAbort = () => abortQr?.();
  ctx.signal.addEventListener('abort', onAbort, { once: true });

  // zca-js calls this without awaiting it: file writes are collected and awaited afterwards.
  const onEvent = (event: LoginQREvent) => {
    switch (event.type) {
      case zca.LoginQRCallbackEventType.QRCodeGenerated:
        codes++;
        abortQr = event.actions.abort;
        pending.push(showQr(ctx, qrFile, event.data.image).catch((e: unknown) => {
          event.actions.abort(); // nobody can scan a code that could not be shown
          throw e;
        }));
        if (ctx.signal.aborted) event.actions.abort();
        break;
      case zca.LoginQRCallbackEventType.QRCodeExpired:
        if (codes >= MAX_QR_CODES) {
          outcome = 'gave_up';
          event.actions.abort();
        } else {
          ctx.out(t('zalo-login-expired'));
          event.actions.retry();
        }
        break;
      case zca.LoginQRCallbackEventType.QRCodeScanned:
        ctx.out(t('zalo-login-scanned', { name: event.data.display_name }));
        break;
      case zca.LoginQRCallbackEventType.QRCodeDeclined:
        outcome = 'declined';
        event.actions.abort();
        break;
      case zca.LoginQRCallbackEventType.GotLoginInfo: {
        const { cookie, imei, userAgent } = event.data;
        pending.push(writeCredentials(file, { cookie, imei, userAgent, language: 'vi' }));
        break;
      }
    }
  };

  let api: ZaloApi;
  try {
    api = await zalo.loginQR({ language: 'vi', qrPath: qrFile }, onEvent);
    await Promise.all(pending);
  } catch (e) {
    await Promise.allSettled(pending);
    if (outcome === 'declined') throw new CliError(t('zalo-login-declined'));
    if (outcome === 'gave_up') throw new CliError(t('zalo-login-gave-up', { count: codes }));
    if (ctx.signal.aborted) throw new CliError(t('zalo-login-aborted'));
    throw new CliError(t('zalo-login-failed', { reason: e instanceof Error ? e.message : String(e) }));
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    await unlink(qrFile).catch(() => {});
  }
  // The login itself renews the cookies: save the freshest ones.
  const fresh = refreshedCredentials(api, (await readCredentials(file)).credentials);
  if (fresh) await writeCredentials(file, fresh);
  ctx.out(t('zalo-login-done', { file }));
  return 0;
}

/** Saves the QR PNG (mode 600) and draws it in the terminal if its modules can be read. */
async function showQr(ctx: CliContext, qrFile: string, base64: string): Promise<void> {
  const png = Buffer.from(base64.replace(/^data:image\/png;base64,/, ''), 'base64');
  await mkdir(dirname(qrFile), { recursive: true, mode: 0o700 });
  const handle = await open(qrFile, 'w', 0o600);
  try {
    await handle.writeFile(png);
  } finally {
    await handle.close();
  }
  await chmod(qrFile, 0o600);
  const gray = decodePngGray(png);
  const modules = gray ? qrModules(gray) : null;
  if (modules) {
    ctx.out(renderQr(modules));
    ctx.out(t('zalo-login-qr', { file: qrFile }));
  } else ctx.out(t('zalo-login-qr-file-only', { file: qrFile }));
}
