// Every text a person reads comes from locales/<lang>/*.ftl (Fluent, the grammY convention), one
// file per capability. A message id defined twice is an error.
import { readdirSync, readFileSync } from 'node:fs';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

export type Lang = 'vi' | 'en';
export type Args = Record<string, FluentVariable>;
export type Translate = (id: string, args?: Args) => string;

const localesDir = new URL('../../locales/', import.meta.url);
const bundles = new Map<Lang, FluentBundle>();

function bundle(lang: Lang): FluentBundle {
  let b = bundles.get(lang);
  if (!b) {
    b = new FluentBundle(lang === 'vi' ? 'vi-VN' : 'en-GB', { useIsolating: false });
    for (const file of localeFiles(lang)) {
      const errors = b.addResource(new FluentResource(readFileSync(new URL(file, localesDir), 'utf8')));
      if (errors.length > 0) throw new Error(`locales/${file}: ${errors.map(String).join('; ')}`);
    }
    bundles.set(lang, b);
  }
  return b;
}

/** Formats message `id`; a missing id throws, so a typo fails loudly in tests, not in chat. */
export function translate(lang: Lang, id: string, args?: Args): string {
  const b = bundle(lang);
  const message = b.getMessage(id);
  if (!message?.value) throw new Error(`locales/${lang}/ has no message "${id}"`);
  const errors: Error[] = [];
  const text = b.formatPattern(message.value, args ?? null, errors);
  if (errors.length > 0) throw new Error(`locales/${lang}/ "${id}": ${errors.map((e) => e.message).join('; ')}`);
  return text;
}

/** The Vietnamese translator used for everything people read. */
export const t: Translate = (id, args) => translate('vi', id, args);

/** The locale's files, relative to locales/. */
export function localeFiles(lang: Lang): string[] {
  return readdirSync(new URL(`${lang}/`, localesDir)).filter((f) => f.endsWith('.ftl')).sort().map((f) => `${lang}/${f}`);
}

/** Message ids defined in a locale (for tests that compare locales). */
export function messageIds(lang: Lang): string[] {
  return localeFiles(lang).flatMap((file) => [...readFileSync(new URL(file, localesDir), 'utf8').matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((m) => m[1]!));
}
