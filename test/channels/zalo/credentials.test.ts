// The credentials file: exactly zca-js's login() input, mode 600, replaced atomically, validated.
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { credentialsStatus, CredentialsError, readCredentials, writeCredentials } from '../../../src/channels/zalo/credentials.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dunghan-zalo-cred-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const CREDS = { imei: 'imei-123', userAgent: 'Mozilla/5.0', cookie: [{ key: 'zpw_sek', value: 'secret', domain: 'chat.zalo.me' }] };

describe('credentials file', () => {
  it('is written with mode 600 (its directory 700) and read back as zca-js expects', async () => {
    const file = join(dir, 'nested', 'zalo.json');
    await writeCredentials(file, CREDS);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'nested')).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...CREDS, language: 'vi' });
    const { credentials, mode } = await readCredentials(file);
    expect(credentials).toEqual({ ...CREDS, language: 'vi' });
    expect(mode).toBe(0o600);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['zalo.json']);
  });

  it('replaces a file that was too open with a private one', async () => {
    const file = join(dir, 'zalo.json');
    writeFileSync(file, '{}');
    chmodSync(file, 0o644);
    await writeCredentials(file, CREDS);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reports a missing or invalid file without its content', async () => {
    await expect(readCredentials(join(dir, 'none.json'))).rejects.toMatchObject({ kind: 'missing' });
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ imei: 'secret-imei', cookie: [] }), { mode: 0o600 });
    const e = await readCredentials(file).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(CredentialsError);
    expect((e as CredentialsError).kind).toBe('invalid');
    expect((e as Error).message).not.toContain('secret-imei');
    writeFileSync(file, 'not json {', { mode: 0o600 });
    await expect(readCredentials(file)).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('has a status: present, valid, private', async () => {
    const file = join(dir, 'zalo.json');
    expect(await credentialsStatus(file)).toEqual({ exists: false, mode: null, private: false, valid: false, cookies: 0 });
    await writeCredentials(file, CREDS);
    expect(await credentialsStatus(file)).toEqual({ exists: true, mode: '600', private: true, valid: true, cookies: 1 });
    chmodSync(file, 0o640);
    expect(await credentialsStatus(file)).toEqual({ exists: true, mode: '640', private: false, valid: true, cookies: 1 });
    writeFileSync(file, '{}');
    expect(await credentialsStatus(file)).toMatchObject({ exists: true, valid: false });
  });
});
