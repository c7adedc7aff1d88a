// DATABASE_URL: `file:<path>` selects SQLite (the embedded default), `postgresql://…` selects
// PostgreSQL. A `?schema=<name>` parameter picks the PostgreSQL schema (default public).
import { dirname, resolve } from 'node:path';

export type DatabaseTarget =
  /** ownFolder: the file is in dunghan's own `data/` folder of the working directory (whose mode dunghan may tighten). */
  | { engine: 'sqlite'; file: string; url: string; ownFolder: boolean }
  | { engine: 'postgresql'; url: string; schema: string };

export const DEFAULT_DATABASE_URL = 'file:./data/dunghan.db';

/** Parses DATABASE_URL; returns null when it names neither engine. */
export function parseDatabaseUrl(url: string, cwd: string): DatabaseTarget | null {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path || path.includes('?')) return null;
    const file = path === ':memory:' ? path : resolve(cwd, path);
    return { engine: 'sqlite', file, url, ownFolder: file !== ':memory:' && dirname(file) === resolve(cwd, 'data') };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return null;
    }
    if (!parsed.hostname && !parsed.searchParams.get('host')) return null;
    const schema = parsed.searchParams.get('schema') ?? 'public';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) return null;
    parsed.searchParams.delete('schema');
    return { engine: 'postgresql', url: parsed.toString(), schema };
  }
  return null;
}

/** The URL with its password hidden, for banners and logs. */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.engine === 'sqlite') return `SQLite ${target.file}`;
  const u = new URL(target.url);
  if (u.password) u.password = '***';
  return `PostgreSQL ${u.host}${u.pathname}${target.schema === 'public' ? '' : ` (schema ${target.schema})`}`;
}
