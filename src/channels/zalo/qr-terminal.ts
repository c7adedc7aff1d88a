// Draws zca-js's login QR code in a terminal. zca-js hands over only a PNG, not the QR's
// content, so nothing is decoded: the image's modules are sampled (module size from the top-left
// finder pattern), the three finder patterns are checked, and the same matrix is drawn with
// background colours. If any check fails, null: the caller points to the saved PNG instead.
import type { Gray } from './png.ts';

/** The QR modules (true = dark), or null if the image does not look like a plain QR code. */
export function qrModules(img: Gray): boolean[][] | null {
  const dark = (x: number, y: number) => img.luma[Math.floor(y) * img.width + Math.floor(x)]! < 128;
  let left = img.width, right = -1, top = img.height, bottom = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (!dark(x, y)) continue;
      left = Math.min(left, x); right = Math.max(right, x);
      top = Math.min(top, y); bottom = Math.max(bottom, y);
    }
  }
  if (right < 0) return null;
  const runAt = (y: number) => {
    let x = left;
    while (x <= right && dark(x, y)) x++;
    return x - left;
  };
  // Measure the finder's top edge in the middle of its first module row.
  const rough = runAt(top) / 7;
  if (rough < 1) return null;
  const moduleSize = runAt(Math.min(bottom, top + Math.floor(rough / 2))) / 7;
  const width = right - left + 1;
  const n = Math.round(width / moduleSize);
  if (n < 21 || n > 177 || (n - 17) % 4 !== 0) return null;
  if (Math.abs(bottom - top + 1 - width) > moduleSize) return null;
  const m = width / n;
  const modules = Array.from({ length: n }, (_, row) => Array.from({ length: n }, (_, col) => dark(left + (col + 0.5) * m, top + (row + 0.5) * m)));
  const finderOk = (r0: number, c0: number) => {
    for (let r = 0; r < 7; r++) {
      for (let c = 0; c < 7; c++) {
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        if (modules[r0 + r]![c0 + c] !== (ring !== 2)) return false;
      }
    }
    return true;
  };
  return finderOk(0, 0) && finderOk(0, n - 7) && finderOk(n - 7, 0) ? modules : null;
}

const DARK = '\x1b[40m  \x1b[0m';
const LIGHT = '\x1b[47m  \x1b[0m';

/** The modules drawn two characters per module, with a quiet zone. */
export function renderQr(modules: boolean[][], quiet = 2): string {
  const n = modules.length;
  const blank = LIGHT.repeat(n + 2 * quiet);
  const lines: string[] = [];
  for (let i = 0; i < quiet; i++) lines.push(blank);
  for (const row of modules) lines.push(LIGHT.repeat(quiet) + row.map((d) => (d ? DARK : LIGHT)).join('') + LIGHT.repeat(quiet));
  for (let i = 0; i < quiet; i++) lines.push(blank);
  return lines.join('\n');
}
