// Small valid PNG files for tests (RGBA, 8 bits, filter 0), drawn by a function per pixel.
import { crc32, deflateSync } from 'node:zlib';

const chunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
};

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** Encodes rows with a PNG filter (0 none, 1 sub, 2 up, 3 average, 4 Paeth; per row: y % 5 for "mixed"). */
function filterRows(rows: Buffer[], bpp: number, filter: number | 'mixed'): Buffer {
  const out: Buffer[] = [];
  rows.forEach((row, y) => {
    const f = filter === 'mixed' ? y % 5 : filter;
    const prev = rows[y - 1];
    const line = Buffer.alloc(row.length + 1);
    line[0] = f;
    for (let x = 0; x < row.length; x++) {
      const a = x >= bpp ? row[x - bpp]! : 0;
      const b = prev ? prev[x]! : 0;
      const c = prev && x >= bpp ? prev[x - bpp]! : 0;
      const predictor = f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : f === 4 ? paeth(a, b, c) : 0;
      line[x + 1] = (row[x]! - predictor) & 0xff;
    }
    out.push(line);
  });
  return Buffer.concat(out);
}

function png(width: number, height: number, depth: number, colorType: number, data: Buffer, extra: Buffer[] = []): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = depth;
  header[9] = colorType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...extra,
    chunk('IDAT', deflateSync(data)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An RGBA PNG (8 bits per channel). */
export function makePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number], filter: number | 'mixed' = 0): Buffer {
  const rows = Array.from({ length: height }, (_, y) => {
    const row = Buffer.alloc(width * 4);
    for (let x = 0; x < width; x++) row.set(pixel(x, y), x * 4);
    return row;
  });
  return png(width, height, 8, 6, filterRows(rows, 4, filter));
}

/** A two-colour palette PNG at 1 bit per pixel (index 1 = dark). */
export function makePalettePng(width: number, height: number, dark: (x: number, y: number) => boolean, filter: number | 'mixed' = 0): Buffer {
  const rows = Array.from({ length: height }, (_, y) => {
    const row = Buffer.alloc(Math.ceil(width / 8));
    for (let x = 0; x < width; x++) if (dark(x, y)) row[x >> 3]! |= 0x80 >> (x & 7);
    return row;
  });
  return png(width, height, 1, 3, filterRows(rows, 1, filter), [chunk('PLTE', Buffer.from([255, 255, 255, 0, 0, 0]))]);
}

/** A small chart-like image. */
export const CHART_PNG = makePng(40, 20, (x, y) => (x > y ? [30, 90, 200, 255] : [255, 255, 255, 255]));
