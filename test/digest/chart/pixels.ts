// Pixel inspection helpers for rendered charts.
import type { RasterImage } from '../../../src/digest/chart/png.ts';

type Image = Pick<RasterImage, 'width' | 'height' | 'pixels'>;

/** Whether the pixel at (x, y) is visibly different from white. */
export function isInk(img: Image, x: number, y: number): boolean {
  const i = (y * img.width + x) * 4;
  const [r = 255, g = 255, b = 255] = img.pixels.subarray(i, i + 3);
  return r < 235 || g < 235 || b < 235;
}

/** Number of non-white pixels in rows [top, bottom). */
export function inkInRows(img: Image, top: number, bottom: number): number {
  let n = 0;
  for (let y = Math.max(0, top); y < Math.min(img.height, bottom); y++) {
    for (let x = 0; x < img.width; x++) if (isInk(img, x, y)) n++;
  }
  return n;
}

/** First and last row containing ink, or null for a blank image. */
export function inkRows(img: Image): { first: number; last: number } | null {
  let first = -1;
  let last = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (isInk(img, x, y)) {
        if (first < 0) first = y;
        last = y;
        break;
      }
    }
  }
  return first < 0 ? null : { first, last };
}

/** Number of pixels of exactly this "#rrggbb" colour. */
export function countColor(img: Image, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < img.pixels.length; i += 4) {
    if (img.pixels[i] === r && img.pixels[i + 1] === g && img.pixels[i + 2] === b) n++;
  }
  return n;
}

/** Text contents of the <text> elements of a vega SVG, entities decoded. */
export function svgTexts(svg: string): string[] {
  const decode = (s: string) =>
    s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'")
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');
  const texts: string[] = [];
  for (const m of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
    const inner = m[1] ?? '';
    const spans = [...inner.matchAll(/<tspan\b[^>]*>([\s\S]*?)<\/tspan>/g)].map((s) => s[1] ?? '');
    texts.push(...(spans.length > 0 ? spans : [inner]).map(decode));
  }
  return texts;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
