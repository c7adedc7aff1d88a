// Which unit an official means: a code ("xbs", "XBS-KT"), a name with or without diacritics
// ("xa binh son"), a name without its administrative prefix ("Bình Sơn"), part of a name, or a
// typo ("bihn son") answered with the nearest names.
import { editDistance } from './distance.ts';
import { fold } from '../../i18n/fold.ts';

export interface NamedUnit {
  code: string;
  name: string;
}

export type UnitMatch<U> =
  | { kind: 'match'; unit: U }
  /** Several units fit equally: shortest name first (a commune before its offices), then in the caller's order. */
  | { kind: 'ambiguous'; candidates: U[] }
  /** Nothing fits: up to MAX_SUGGESTIONS near misses, nearest first, possibly none. */
  | { kind: 'unknown'; suggestions: U[] };

export const MAX_SUGGESTIONS = 3;

/** Administrative prefixes a name may be typed without, folded; longest first. */
const PREFIXES = [
  'uy ban nhan dan', 'van phong', 'trung tam', 'thanh pho', 'dac khu', 'thi tran', 'thi xa', 'ubnd', 'xa', 'phuong',
  'tinh', 'tp', 'so', 'phong', 'huyen', 'quan',
].map((p) => p.split(' '));

/** Folded, punctuation as spaces: "Phòng Văn hóa – Xã hội" → "phong van hoa xa hoi". */
export function unitKey(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The key without its leading administrative prefixes ("xa binh son" → "binh son"); never empty if the key is not. */
export function coreOf(key: string): string {
  let ws = key === '' ? [] : key.split(' ');
  for (;;) {
    const p = PREFIXES.find((prefix) => ws.length > prefix.length && prefix.every((w, i) => ws[i] === w));
    if (!p) return ws.join(' ');
    ws = ws.slice(p.length);
  }
}

interface Keys {
  name: string;
  code: string;
  key: string;
  core: string;
  words: string[];
}

const cache = new WeakMap<object, Keys>();

function keysOf(u: NamedUnit): Keys {
  const hit = cache.get(u);
  if (hit && hit.name === u.name && hit.code === u.code) return hit;
  const key = unitKey(u.name);
  const keys = { name: u.name, code: u.code, key, core: coreOf(key), words: key === '' ? [] : key.split(' ') };
  cache.set(u, keys);
  return keys;
}

/** `part` occurs in `whole` on word boundaries. */
const within = (part: string, whole: string): boolean => part !== '' && ` ${whole} `.includes(` ${part} `);

export function matchUnit<U extends NamedUnit>(query: string, units: readonly U[]): UnitMatch<U> {
  const q = unitKey(query);
  if (q === '') return { kind: 'unknown', suggestions: [] };
  const qCore = coreOf(q);
  const qCode = fold(query).replace(/\s+/g, '');
  const all = units.map((unit) => ({ unit, k: keysOf(unit) }));
  type Entry = (typeof all)[number];

  const pick = (list: Entry[]): UnitMatch<U> | null => {
    if (list.length === 0) return null;
    if (list.length === 1) return { kind: 'match', unit: list[0]!.unit };
    return { kind: 'ambiguous', candidates: ordered(list).map((e) => e.unit) };
  };

  const qWords = qCore.split(' ');
  return (
    // 1. The code.
    pick(all.filter((e) => fold(e.k.code) === qCode || unitKey(e.k.code) === q)) ??
    // 2. The whole name.
    pick(all.filter((e) => e.k.key === q)) ??
    // 3. The name without its prefix: "Bình Sơn" is the commune, not "Phòng Kinh tế xã Bình Sơn".
    pick(all.filter((e) => e.k.core === qCore)) ??
    // 4. Part of the name, word for word.
    pick(all.filter((e) => within(q, e.k.key) || within(qCore, e.k.key))) ??
    // 5. All the words, in any order: "văn hóa bình sơn".
    pick(all.filter((e) => qWords.every((w) => e.k.words.includes(w)))) ??
    // 6. The query contains a whole name: "của xã Bình Sơn" → the longest such name.
    pick(longest(all.filter((e) => within(e.k.key, q) || within(e.k.core, q)), (e) => (within(e.k.key, q) ? e.k.key : e.k.core).length)) ?? {
      kind: 'unknown',
      suggestions: suggest(q, qCore, qCode, all),
    }
  );
}

function ordered<E extends { k: Keys }>(list: E[]): E[] {
  // Stable: equally long names keep the caller's order.
  return [...list].sort((a, b) => a.k.key.length - b.k.key.length);
}

function longest<E>(list: E[], size: (e: E) => number): E[] {
  const max = Math.max(0, ...list.map(size));
  return list.filter((e) => size(e) === max);
}

/** Edits allowed for a typo in a query of this many characters. */
function tolerance(length: number): number {
  return length < 3 ? 0 : length < 8 ? 1 : length < 14 ? 2 : 3;
}

function suggest<U>(q: string, qCore: string, qCode: string, all: { unit: U; k: Keys }[]): U[] {
  const max = tolerance(qCore.length);
  if (max === 0) return [];
  const n = qCore.split(' ').length;
  const scored = all.map(({ unit, k }) => {
    let d = Math.min(editDistance(q, k.key, max), editDistance(qCore, k.core, max), editDistance(qCode, fold(k.code), 1) <= 1 ? 1 : max + 1);
    // Against each run of as many words in the name: "binh sonn" ~ "… xã Bình Sơn".
    for (let i = 0; i + n <= k.words.length && d > 0; i++) d = Math.min(d, editDistance(qCore, k.words.slice(i, i + n).join(' '), max));
    return { unit, k, d };
  });
  return scored
    .filter((s) => s.d <= max)
    .sort((a, b) => a.d - b.d || a.k.key.length - b.k.key.length)
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.unit);
}
