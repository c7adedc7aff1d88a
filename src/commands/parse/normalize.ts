// Text normalisation for forgiving matching of what officials type (fold() is in i18n/fold.ts).
import { fold } from '../../i18n/fold.ts';

const INVISIBLE = /\p{Cf}/gu;
const SPACES = /\s+/gu;

/** The folded words of a text. */
export function tokens(text: string): string[] {
  const folded = fold(text);
  return folded === '' ? [] : folded.split(' ');
}

/** NFC, invisible characters dropped, single spaces, trimmed; case and diacritics kept. */
export function tidy(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Whitespace-separated words of tidy(text). */
export function words(text: string): string[] {
  const t = tidy(text);
  return t === '' ? [] : t.split(' ');
}

const EDGE_PUNCT = /^[\s"'“”‘’«»([{]+|[\s"'“”‘’«»)\]},;:!?…]+$/gu;

/** A word without surrounding quotes, brackets and sentence punctuation (a trailing '.' is kept). */
export function bare(word: string): string {
  return word.replace(EDGE_PUNCT, '');
}
