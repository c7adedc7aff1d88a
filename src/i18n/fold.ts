// Text folded for forgiving comparison: lower case, no diacritics (đ → d), single spaces. Works
// alike on precomposed (NFC) and decomposed (NFD, as some phones send) input, and on
// compatibility forms such as full-width digits. Idempotent: fold(fold(x)) === fold(x).

const MARKS = /\p{M}/gu;
/** Zero-width spaces and joiners, BOM, soft hyphen, bidi marks: invisible, dropped. */
const INVISIBLE = /\p{Cf}/gu;
const SPACES = /\s+/gu;
/** Letters that look like Đ but have no decomposition: đ, and ð / ɖ that legacy encodings and some keyboards produce. */
const D_LIKE = /[đðɖ]/gu;

export function fold(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    // Lower-casing can itself produce a combining mark (İ → i + U+0307): strip again.
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(D_LIKE, 'd')
    .replace(SPACES, ' ')
    .trim();
}
