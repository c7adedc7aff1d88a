// The SQLite database holds applicant names and ID numbers: dunghan creates it 0600 in a 0700
// data/ folder, tightens what it owns at start-up (saying so in the log), and never changes the
// mode of a folder the user named. Runs on SQLite files whatever engine the suite is testing.
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { openDatabase } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { secureSqliteFiles } from '../../src/db/sqlite-files.ts';
import { parseDatabaseUrl } from '../../src/db/url.ts';
import { exitOf, spawnCli } from '../support/cli.ts';
import { systemClock } from '../../src/core/clock.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dunghan-modes-'));
  chmodSync(dir, 0o755); // like a project folder, not a private temporary one
  dirs.push(dir);
  return dir;
}

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

async function run(argv: string[], cwd: string, env: Record<string, string> = {}): Promise<number> {
  return runCli(argv, { env: { LOG_LEVEL: 'silent', ...env }, cwd, out: () => {}, err: () => {}, clock: systemClock, signal: new AbortController().signal });
}

describe('SQLite file modes', () => {
  it('on a fresh directory, the default data/ folder is created 0700 and the database 0600, with its -wal and -shm', async () => {
    const cwd = freshDir();
    expect(await run(['db', 'migrate'], cwd)).toBe(0);
    expect(mode(join(cwd, 'data'))).toBe('700');
    expect(mode(join(cwd, 'data', 'dunghan.db'))).toBe('600');
    expect(mode(cwd)).toBe('755');

    const database = await openDatabase(parseDatabaseUrl('file:./data/dunghan.db', cwd)!);
    try {
      await database.db.auditLog.create({ data: { at: new Date(), actor: 'test', action: 'test' } });
      expect(mode(join(cwd, 'data', 'dunghan.db-wal'))).toBe('600');
      expect(mode(join(cwd, 'data', 'dunghan.db-shm'))).toBe('600');
    } finally {
      await database.close();
    }
  });

  it('a folder the user named keeps its mode; one dunghan has to create is created 0700', async () => {
    const cwd = freshDir();
    mkdirSync(join(cwd, 'mine'), { mode: 0o755 });
    const target = parseDatabaseUrl(`file:${join(cwd, 'mine', 'x.db')}`, cwd)!;
    await migrate(target);
    await (await openDatabase(target)).close();
    expect(mode(join(cwd, 'mine'))).toBe('755');
    expect(mode(join(cwd, 'mine', 'x.db'))).toBe('600');

    expect(await run(['db', 'migrate'], cwd, { DATABASE_URL: 'file:./new/deeper/y.db' })).toBe(0);
    expect(mode(join(cwd, 'new', 'deeper'))).toBe('700');
    expect(mode(join(cwd, 'new', 'deeper', 'y.db'))).toBe('600');
  });

  it('at start-up, tightens an existing data/ folder and database files left readable by others, and logs it', async () => {
    const cwd = freshDir();
    const data = join(cwd, 'data');
    mkdirSync(data, { mode: 0o755 });
    const file = join(data, 'dunghan.db');
    // An older version's files: the database in WAL mode, its -wal and -shm, and an empty -journal.
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE x (a)');
    old.close();
    closeSync(openSync(`${file}-journal`, 'w'));
    closeSync(openSync(`${file}-wal`, 'w'));
    for (const f of [data, file, `${file}-journal`, `${file}-wal`]) chmodSync(f, f === data ? 0o755 : 0o644);

    const child = spawnCli(['db', 'migrate'], { LOG_PRETTY: '0' }, cwd);
    expect(await exitOf(child), child.errors()).toBe(0);
    expect([mode(data), mode(file)]).toEqual(['700', '600']);
    // SQLite may delete the side files when the migration closes the database; any still there is private.
    for (const side of [`${file}-journal`, `${file}-wal`]) if (existsSync(side)) expect(mode(side), side).toBe('600');
    const lines = child.errors().trim().split('\n').map((l) => JSON.parse(l) as { level: number; msg: string; files?: string[] });
    const tightened = lines.find((l) => l.msg.includes('tightened'));
    expect(tightened?.level).toBe(40); // warn: seen with the CLI's default log level too
    expect(tightened?.files).toEqual(expect.arrayContaining([data, file, `${file}-journal`, `${file}-wal`]));

    // Nothing left to tighten the next time.
    expect(secureSqliteFiles(parseDatabaseUrl('file:./data/dunghan.db', cwd)!)).toEqual({ tightened: [], failed: [] });
  }, 60_000);
});
