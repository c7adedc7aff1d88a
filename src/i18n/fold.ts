// Text folded for forgiving comparison: lower case, no Vietnamese diacritics (đ → d), single
// spaces. Works on precomposed (NFC) and decomposed (NFD) input alike.
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
