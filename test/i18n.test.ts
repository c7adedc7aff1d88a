import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from '@fluent/syntax';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatInt, formatPercent } from '../src/i18n/format.ts';
import { fold } from '../src/i18n/fold.ts';
import { localeFiles, messageIds, t } from '../src/i18n/translate.ts';

describe('locales', () => {
  it.each([...localeFiles('vi'), ...localeFiles('en')])('%s parses without a broken entry (a broken one would silently vanish)', (file) => {
    const resource = parse(readFileSync(new URL(`../locales/${file}`, import.meta.url), 'utf8'), {});
    const junk = resource.body.filter((e) => e.type === 'Junk').map((e) => (e as { content: string }).content.slice(0, 80));
    expect(junk).toEqual([]);
  });

  it('defines every message id once', () => {
    const ids = messageIds('vi');
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('every message id used in src/ exists in vi.ftl', () => {
    const ids = new Set(messageIds('vi'));
    const used = execSync(String.raw`grep -rhoE "\bt\('[a-z][a-z0-9-]*'" src`, { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((m) => m.slice(3, -1));
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('Vietnamese text keeps its diacritics', () => {
    expect(t('serve-banner-title')).toBe('Đúng Hạn đang chạy.');
  });
});

describe('Vietnamese formatting', () => {
  it('formats numbers, percentages and dates the Vietnamese way', () => {
    expect(formatInt(34000)).toBe('34.000');
    expect(formatPercent(82.8412)).toBe('82,84%');
    expect(formatPercent(null)).toBe('–');
    expect(formatDate(new Date('2026-11-27T16:59:00Z'))).toBe('27/11/2026');
    expect(formatDate(new Date('2026-11-27T17:00:00Z'))).toBe('28/11/2026');
    expect(formatDateTime(new Date('2026-11-27T02:05:00Z'))).toBe('09:05 27/11/2026');
  });

  it('folds diacritics for forgiving comparison, NFC or NFD', () => {
    expect(fold('  Xã  Bình Sơn ')).toBe('xa binh son');
    expect(fold('Đông Sơn'.normalize('NFD'))).toBe('dong son');
    expect(fold('ĐĂNG KÝ')).toBe('dang ky');
  });
});
