import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../src/config.ts';
import { messageIds } from '../src/i18n/translate.ts';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, '/srv/dunghan');
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a configuration error');
}

describe('configuration', () => {
  it('defaults to a SQLite file under ./data with no chat channel', () => {
    const c = loadConfig({}, '/srv/dunghan');
    expect(c.database).toEqual({ engine: 'sqlite', file: '/srv/dunghan/data/dunghan.db', url: 'file:./data/dunghan.db', ownFolder: true });
    expect(c.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(c.LOG_LEVEL).toBe('info');
  });

  it('reads working hours as ordered periods', () => {
    expect(loadConfig({ WORKING_HOURS: '07:00-11:30, 13:00-17:00' }, '/x').WORKING_HOURS).toEqual([
      { start: '07:00', end: '11:30' },
      { start: '13:00', end: '17:00' },
    ]);
    expect(loadConfig({}, '/x').WORKING_HOURS).toEqual([{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }]);
  });

  it('treats an empty variable (as .env files write them) as unset', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '', DATABASE_URL: ' ' }, '/x').database.engine).toBe('sqlite');
  });

  it('selects PostgreSQL and its schema from a postgresql:// URL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgresql://u:p@db.local:5432/dunghan?schema=tinh' }, '/x');
    expect(c.database).toMatchObject({ engine: 'postgresql', schema: 'tinh' });
    expect(c.database.engine === 'postgresql' && c.database.url).not.toContain('schema=');
  });

  it.each([
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'postgresql://h/db?schema=bad;drop'],
    ['LOG_LEVEL', 'loud'],
    ['DEMO_SEED', 'sometimes'],
    ['TELEGRAM_API_ROOT', 'ftp://example'],
    ['WORKING_HOURS', '13:30-17:00,07:30-11:30'],
    ['WORKING_HOURS', '7h30-11h30'],
    ['DUE_SOON_WORKING_DAYS', '-1'],
  ])('rejects %s=%s with one line naming the variable in Vietnamese and English', (variable, value) => {
    const e = errorOf({ [variable]: value });
    expect(e.variable).toBe(variable);
    expect(e.message).not.toContain('\n');
    expect(e.message).toContain(`Cấu hình sai: biến ${variable}`);
    expect(e.message).toContain(`Configuration error: ${variable}`);
  });

  it('never echoes a secret value in the error', () => {
    const e = errorOf({ TELEGRAM_BOT_TOKEN: 'not-a-token-but-secret-ish' });
    expect(e.variable).toBe('TELEGRAM_BOT_TOKEN');
    expect(e.message).not.toContain('not-a-token-but-secret-ish');
  });

  it('documents every variable in .env.example and explains it in both languages', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    for (const v of CONFIG_VARIABLES) {
      expect(example, v).toMatch(new RegExp(`^#? ?${v}=`, 'm'));
      expect(messageIds('vi'), v).toContain(`config-hint-${v.toLowerCase().replaceAll('_', '-')}`);
    }
    const en = messageIds('en').filter((id) => id.startsWith('config-'));
    const vi = messageIds('vi').filter((id) => id.startsWith('config-'));
    expect(en.sort()).toEqual(vi.sort());
  });
});
