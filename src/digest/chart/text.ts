// Text helpers: label shortening and title wrapping.

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** NFC-normalises and cuts text longer than maxChars graphemes, ending it with "…". */
export function truncateLabel(text: string, maxChars: number): string {
  const normalized = text.normalize('NFC').trim();
  const parts = Array.from(graphemes.segment(normalized), (s) => s.segment);
  if (parts.length <= maxChars) return normalized;
  return `${parts.slice(0, maxChars - 1).join('').trimEnd()}…`;
}

/**
 * Width vega assumes for a string when no canvas is available (it lays out and
 * sizes the SVG with this estimate, so wrapping must use the same measure).
 */
export function estimatedWidth(text: string, fontSize: number): number {
  return Math.floor(0.8 * text.length * fontSize);
}

/** Splits text at spaces into lines whose estimated width fits maxWidth. */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const words = text.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && estimatedWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}
