// The SQLite database holds applicant names and ID numbers, so only its owner may read it: the
// file is created 0600 before SQLite opens it (SQLite gives its -wal, -shm and -journal files the
// database's mode) and a folder dunghan creates is 0700, as for the Zalo credentials. Files an
// older version or a copy left readable by others are tightened at start-up, and the caller logs
// it. dunghan tightens only what it creates: the database with its side files, and the folder
// when it is dunghan's own `data/`; never a folder the user named.
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../log.ts';
import type { DatabaseTarget } from './url.ts';

const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;
const SIDE_FILES = ['-wal', '-shm', '-journal'];

export interface FileModes {
  /** Paths whose mode was tightened (they were open to the group or others). */
  tightened: string[];
  /** Paths that could not be tightened (e.g. owned by another user), with the reason. */
  failed: { path: string; error: string }[];
}

/**
 * Creates the database's folder (0700) and an empty database file (0600) when missing, and tightens
 * existing ones. Does nothing for PostgreSQL or an in-memory database.
 */
export function secureSqliteFiles(target: DatabaseTarget): FileModes {
  const result: FileModes = { tightened: [], failed: [] };
  if (target.engine !== 'sqlite' || target.file === ':memory:') return result;
  const folder = dirname(target.file);
  const created = mkdirSync(folder, { recursive: true, mode: FOLDER_MODE });
  if (created !== undefined) chmodSync(folder, FOLDER_MODE); // whatever the umask
  else if (target.ownFolder) tighten(folder, FOLDER_MODE, result);
  try {
    closeSync(openSync(target.file, 'wx', FILE_MODE)); // SQLite takes an empty file as a new database
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  for (const path of [target.file, ...SIDE_FILES.map((s) => target.file + s)]) tighten(path, FILE_MODE, result);
  return result;
}

/** secureSqliteFiles at start-up: what was tightened, or could not be, is one warning each. */
export function secureSqliteFilesLogged(target: DatabaseTarget, log: Logger): void {
  const { tightened, failed } = secureSqliteFiles(target);
  if (tightened.length > 0) log.warn({ files: tightened }, 'database files were readable by other users; tightened to 0600 (folder 0700)');
  if (failed.length > 0) {
    log.warn({ files: failed }, 'database files are readable by other users and could not be tightened; run chmod 600 on them (700 on the folder)');
  }
}

function tighten(path: string, wanted: number, result: FileModes): void {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    return; // absent side file
  }
  if ((mode & 0o077) === 0) return;
  try {
    chmodSync(path, wanted);
    result.tightened.push(path);
  } catch (e) {
    result.failed.push({ path, error: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
}
