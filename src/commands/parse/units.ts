// Which unit an official means. Only a whole name matches: the code ("xbs", "XBS-KT") or the name,
// folded (case, diacritics, punctuation) and with or without its leading kind word ("xã Bình Sơn",
// "binh son", "UBND xã Bình Sơn"). Anything else — part of a name, several names, a typo — gets the
// nearest names as choices, so a query never answers with a unit it did not name.
import { editDistance } from './distance.ts';
import { fold } from '../../i18n/fold.ts';

export interface NamedUnit {
  code: string;
  name: string;
}

export type UnitMatch<U> =
  | { kind: 'match'; unit: U }
  /** Several units have exactly that name (a xã and a phường Bình Sơn): shortest name first, then in the caller's order. */
  | { kind: 'ambiguous'; candidates: U[] }
  /** No unit has that name: up to MAX_SUGGESTIONS near names, nearest first, possibly none. */
  | { kind: 'unknown'; suggestions: U[] };

export const MAX_SUGGESTIONS = 6;

/** Kind words a name may be typed with or without, folded; longest first. */
const KIND_WORDS = [
  'uy ban nhan dan', 'thanh pho', 'dac khu', 'thi tran', 'thi xa', 'ubnd', 'xa', 'phuong', 'tinh', 'tp', 'so', 'phong', 'huyen', 'quan',
].map((p) => p.split(' '));

/** Folded, punctuation as spaces: "Phòng Văn hóa – Xã hội" → "phong van hoa xa hoi". */
function unitKey(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The key without its leading kind words ("ubnd xa binh son" → "binh son"); never empty if the key is not. */
function coreOf(key: string): string {
  let ws = key === '' ? [] : key.split(' ');
  for (;;) {
    const p = KIND_WORDS.find((prefix) => ws.length > prefix.length && prefix.every((w, i) => ws[i] === w));
    if (!p) return ws.join(' ');
    ws = ws.slice(p.length);
  }
}

interface Keys {
  name: string;
  code: string;
  key: string;
  core: string;
  coreWords: string[];
}

const cache = new WeakMap<object, Keys>();

function keysOf(u: NamedUnit): Keys {
  const hit = cache.get(u);
  if (hit && hit.name === u.name && hit.code === u.code) return hit;
  const key = unitKey(u.name);
  const core = coreOf(key);
  const keys = { name: u.name, code: u.code, key, core, coreWords: core === '' ? [] : core.split(' ') };
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
    return { kind: 'ambiguous', candidates: byLength(list).map((e) => e.unit) };
  };

  return (
    // The code, then the whole name, then the name without kind words ("Bình Sơn" is the commune, not its offices).
    pick(all.filter((e) => fold(e.k.code) === qCode || unitKey(e.k.code) === q)) ??
    pick(all.filter((e) => e.k.key === q)) ??
    pick(all.filter((e) => e.k.core === qCore)) ?? { kind: 'unknown', suggestions: suggest(q, qCore, qCode, all) }
  );
}

function byLength<E extends { k: Keys }>(list: E[]): E[] {
  // Stable: equally long names keep the caller's order.
  return [...list].sort((a, b) => a.k.key.length - b.k.key.length);
}

/** Edits allowed for a typo in a query of this many characters. */
function tolerance(length: number): number {
  return length < 3 ? 0 : length < 8 ? 1 : length < 14 ? 2 : 3;
}

/**
 * How near a name is to the query, lower is nearer; null if not near at all.
 *   0: the query is a run of whole words of the name ("nông nghiệp");
 *   1: every word of the query is a word of the name, and they make at least half of it ("văn hóa bình sơn");
 *   2: the query holds the whole name, with or without kind words ("của xã Bình Sơn");
 *   3 + edits: a typo of the name or of the code ("bihn son", "xbx").
 * "hoà bình" is none of these for "Phòng Văn hóa – Xã hội xã Bình Sơn": two of its seven words.
 */
function nearness(q: string, qCore: string, qCode: string, k: Keys): number | null {
  if (within(q, k.key) || within(qCore, k.key)) return 0;
  const qWords = qCore.split(' ');
  if (qWords.every((w) => k.coreWords.includes(w)) && qWords.length * 2 >= k.coreWords.length) return 1;
  if (within(k.key, q) || within(k.core, q)) return 2;
  const max = tolerance(qCore.length);
  if (max === 0) return null;
  const d = Math.min(editDistance(q, k.key, max), editDistance(qCore, k.core, max), editDistance(qCode, fold(k.code), 1) <= 1 ? 1 : max + 1);
  return d <= max ? 3 + d : null;
}

function suggest<U>(q: string, qCore: string, qCode: string, all: { unit: U; k: Keys }[]): U[] {
  return all
    .map(({ unit, k }) => ({ unit, k, n: nearness(q, qCore, qCode, k) }))
    .filter((s): s is { unit: U; k: Keys; n: number } => s.n !== null)
    .sort((a, b) => a.n - b.n || a.k.key.length - b.k.key.length)
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.unit);
}
