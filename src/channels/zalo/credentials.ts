// The credentials file written by `dunghan zalo login`: exactly what zca-js's login() takes
// (cookie, imei, userAgent, language) as JSON, readable by its owner only (mode 600), replaced
// atomically. It is a secret: its content is never logged or printed.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, stat, unlink, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ZaloCredentials } from './api.ts';

const cookieList = z.array(z.record(z.string(), z.unknown()));
const schema = z.object({
  imei: z.string().min(1),
  userAgent: z.string().min(1),
  cookie: z.union([cookieList.min(1), z.object({ url: z.string(), cookies: cookieList.min(1) })]),
  language: z.string().optional(),
});

export class CredentialsError extends Error {
  constructor(
    readonly kind: 'missing' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

export interface CredentialsStatus {
  exists: boolean;
  /** Permission bits as octal text ("600"), or null. */
  mode: string | null;
  /** Readable and writable by the owner only. */
  private: boolean;
  valid: boolean;
  cookies: number;
}

const cookieCount = (c: z.infer<typeof schema>['cookie']) => (Array.isArray(c) ? c.length : c.cookies.length);

/** Reads and validates the file; throws CredentialsError (never with the file's content). */
export async function readCredentials(file: string): Promise<{ credentials: ZaloCredentials; mode: number }> {
  let text: string;
  let mode: number;
  try {
    [text, mode] = await Promise.all([readFile(file, 'utf8'), stat(file).then((s) => s.mode & 0o777)]);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CredentialsError(code === 'ENOENT' ? 'missing' : 'invalid', `cannot read ${file}: ${code ?? 'error'}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CredentialsError('invalid', `${file} is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new CredentialsError('invalid', `${file} lacks ${parsed.error.issues.map((i) => i.path.join('.') || 'content').join(', ')}`);
  return { credentials: parsed.data as ZaloCredentials, mode };
}

/** Writes the file with mode 600 (creating its directory with 700), replacing any previous one atomically. */
export async function writeCredentials(file: string, credentials: ZaloCredentials): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(tmp, 'wx', 0o600);
  try {
    const { imei, userAgent, cookie, language } = credentials;
    await handle.writeFile(`${JSON.stringify({ cookie, imei, userAgent, language: language ?? 'vi' }, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await chmod(tmp, 0o600);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
}

export async function credentialsStatus(file: string): Promise<CredentialsStatus> {
  let mode: number;
  try {
    mode = (await stat(file)).mode & 0o777;
  } catch {
    return { exists: false, mode: null, private: false, valid: false, cookies: 0 };
  }
  const base = { exists: true, mode: mode.toString(8).padStart(3, '0'), private: (mode & 0o077) === 0 };
  try {
    const { credentials } = await readCredentials(file);
    return { ...base, valid: true, cookies: cookieCount(credentials.cookie as z.infer<typeof schema>['cookie']) };
  } catch {
    return { ...base, valid: false, cookies: 0 };
  }
}
