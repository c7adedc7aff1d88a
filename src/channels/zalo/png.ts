// Just enough PNG reading for Zalo: the size of a chart for its attachment metadata, and the
// pixels of zca-js's login QR code to draw it in a terminal (8-bit and palette images, not
// interlaced). Anything else is reported as unreadable rather than guessed.
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const isPng = (b: Buffer): boolean => b.length > 24 && b.subarray(0, 8).equals(SIGNATURE) && b.toString('latin1', 12, 16) === 'IHDR';

/** Width and height from the IHDR chunk, or null if this is not a PNG. */
export function pngSize(b: Buffer): { width: number; height: number } | null {
  return isPng(b) ? { width: b.readUInt32BE(16), height: b.readUInt32BE(20) } : null;
}

export interface Gray {
  width: number;
  height: number;
  /** Luminance 0–255 per pixel, composited on white, row by row. */
  luma: Uint8Array;
}

/** Decodes a PNG to luminance, or null if it uses a feature not handled here. */
export function decodePngGray(b: Buffer): Gray | null {
  const size = pngSize(b);
  if (!size) return null;
  const { width, height } = size;
  const depth = b[24]!;
  const colorType = b[25]!;
  if (b[28] !== 0) return null; // interlaced
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colorType];
  if (channels === undefined || (depth !== 8 && !(colorType === 3 || colorType === 0)) || ![1, 2, 4, 8].includes(depth)) return null;
  if (width === 0 || height === 0 || width * height > 16_000_000) return null;

  let palette: Buffer | null = null;
  let alpha: Buffer | null = null;
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= b.length; ) {
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    const data = b.subarray(at + 8, at + 8 + length);
    if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') alpha = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (colorType === 3 && !palette) return null;

  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat));
  } catch {
    return null;
  }
  const bitsPerPixel = depth * channels;
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const bpp = Math.max(1, bitsPerPixel >> 3);
  if (raw.length < height * (stride + 1)) return null;

  const rows = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = rows.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : null;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[x - bpp]! : 0;
      const up = prev ? prev[x]! : 0;
      const c = prev && x >= bpp ? prev[x - bpp]! : 0;
      let v = line[x]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += up;
      else if (filter === 3) v += (a + up) >> 1;
      else if (filter === 4) {
        const p = a + up - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - up), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      } else if (filter !== 0) return null;
      out[x] = v & 0xff;
    }
  }

  const luma = new Uint8Array(width * height);
  const sample = (y: number, i: number): number => {
    // The i-th sample of a row, at any bit depth.
    if (depth === 8) return rows[y * stride + i]!;
    const bit = i * depth;
    return (rows[y * stride + (bit >> 3)]! >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
  };
  const mix = (value: number, a: number) => Math.round((value * a + 255 * (255 - a)) / 255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r: number, g: number, bl: number, a = 255;
      if (colorType === 3) {
        const i = sample(y, x);
        r = palette![i * 3] ?? 0; g = palette![i * 3 + 1] ?? 0; bl = palette![i * 3 + 2] ?? 0;
        a = alpha?.[i] ?? 255;
      } else if (colorType === 0 || colorType === 4) {
        const scale = 255 / ((1 << depth) - 1);
        r = g = bl = Math.round(sample(y, x * channels) * scale);
        if (colorType === 4) a = sample(y, x * channels + 1);
      } else {
        r = sample(y, x * channels); g = sample(y, x * channels + 1); bl = sample(y, x * channels + 2);
        if (colorType === 6) a = sample(y, x * channels + 3);
      }
      luma[y * width + x] = mix(Math.round(0.299 * r + 0.587 * g + 0.114 * bl), a);
    }
  }
  return { width, height, luma };
}
