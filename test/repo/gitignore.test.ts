// .gitignore keeps personal data and secrets out of git wherever they are written: databases,
// environment files and credential files, in any folder; the documented example stays tracked.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** For each path, whether git would ignore it (by the repository's rules, tracked or not). */
function ignored(paths: string[]): Record<string, boolean> {
  // --non-matching lists every path; a line is "<source>:<line>:<pattern>\t<path>", empty fields when no rule matched.
  let out: string;
  try {
    out = execFileSync('git', ['check-ignore', '--no-index', '--verbose', '--non-matching', ...paths], { cwd: root, encoding: 'utf8' });
  } catch (e) {
    out = (e as { stdout: string }).stdout; // exit 1 = none ignored, still listed
  }
  return Object.fromEntries(out.trim().split('\n').map((line) => {
    const [rule, path] = line.split('\t') as [string, string];
    const pattern = rule.split(':').slice(2).join(':');
    return [path, pattern !== '' && !pattern.startsWith('!')];
  }));
}

describe('.gitignore', () => {
  it('ignores environment files, SQLite files and credential files in any folder', () => {
    const secret = [
      '.env', '.env.local', '.env.production', 'deploy/.env.staging',
      'x.sqlite', 'backups/dunghan.sqlite3', 'dunghan.db', 'old/dunghan.db-journal', 'dunghan.db-wal', 'x.sqlite-shm',
      'zalo.json', 'secrets/zalo.json', 'ops/zalo-credentials.json', 'credentials.json', 'config/telegram-credentials.json', 'zalo-login-qr.png',
    ];
    const result = ignored(secret);
    expect(Object.keys(result).sort()).toEqual([...secret].sort());
    expect(Object.entries(result).filter(([, ok]) => !ok).map(([p]) => p)).toEqual([]);
  });

  it('keeps .env.example and the source tracked', () => {
    const kept = ['.env.example', 'src/channels/zalo/credentials.ts', 'test/channels/zalo/credentials.test.ts', 'package.json', 'README.md',
      'locales/vi/zalo.ftl'];
    expect(ignored(kept)).toEqual(Object.fromEntries(kept.map((p) => [p, false])));
  });
});
