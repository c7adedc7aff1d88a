// Drawing zca-js's login QR PNG in a terminal: modules sampled from the pixels, never decoded.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { decodePngGray, pngSize } from '../../../src/channels/zalo/png.ts';
import { qrModules, renderQr } from '../../../src/channels/zalo/qr-terminal.ts';
import { CHART_PNG, makePalettePng, makePng } from './png-fixture.ts';

const require = createRequire(import.meta.url);
const QRCode = require('qrcode-terminal/vendor/QRCode') as new (type: number, level: number) => { addData(s: string): void; make(): void; modules: boolean[][] };
const LEVEL = require('qrcode-terminal/vendor/QRCode/QRErrorCorrectLevel') as { M: number };

function qrMatrix(text: string): boolean[][] {
  const qr = new QRCode(-1, LEVEL.M);
  qr.addData(text);
  qr.make();
  return qr.modules.map((row) => row.map(Boolean));
}

/** The matrix as a PNG like Zalo's: `scale` pixels per module, a white margin, in a colour. */
function qrPng(modules: boolean[][], scale: number, margin: number, dark: [number, number, number] = [0, 0, 0], filter: number | 'mixed' = 'mixed'): Buffer {
  const size = (modules.length + 2 * margin) * scale;
  const at = (x: number, y: number) => modules[Math.floor(y / scale) - margin]?.[Math.floor(x / scale) - margin] ?? false;
  return makePng(size, size, (x, y) => (at(x, y) ? [...dark, 255] : [255, 255, 255, 255]), filter);
}

describe('QR in the terminal', () => {
  it.each([
    ['small modules', 4, 4],
    ['large modules, thin margin', 7, 1],
    ['odd scale', 5, 3],
  ])('reads back exactly the modules of a QR image (%s)', (_name, scale, margin) => {
    const modules = qrMatrix('https://id.zalo.me/account/qr?code=example-login-code-0123456789');
    const gray = decodePngGray(qrPng(modules, scale, margin))!;
    expect(gray).not.toBeNull();
    expect(qrModules(gray)).toEqual(modules);
  });

  it('reads a QR drawn in a dark colour', () => {
    const modules = qrMatrix('zalo');
    expect(qrModules(decodePngGray(qrPng(modules, 6, 2, [0, 104, 255]))!)).toEqual(modules);
  });

  it.each([0, 1, 2, 3, 4])('reads every PNG row filter (%i), in RGBA and in a 1-bit palette', (filter) => {
    const modules = qrMatrix('filters');
    expect(qrModules(decodePngGray(qrPng(modules, 3, 2, [0, 0, 0], filter))!)).toEqual(modules);
    const scale = 3;
    const size = (modules.length + 4) * scale;
    const palette = makePalettePng(size, size, (x, y) => modules[Math.floor(y / scale) - 2]?.[Math.floor(x / scale) - 2] ?? false, filter);
    expect(qrModules(decodePngGray(palette)!)).toEqual(modules);
  });

  it('draws each module as two coloured characters, with a quiet zone', () => {
    const modules = qrMatrix('zalo');
    const text = renderQr(modules);
    const lines = text.split('\n');
    expect(lines).toHaveLength(modules.length + 4);
    const dark = '\x1b[40m  \x1b[0m';
    expect(lines[2]!.startsWith('\x1b[47m  \x1b[0m'.repeat(2) + dark.repeat(7))).toBe(true);
  });

  it('refuses an image that is not a plain QR code', () => {
    expect(qrModules(decodePngGray(CHART_PNG)!)).toBeNull();
    expect(qrModules(decodePngGray(makePng(30, 30, () => [255, 255, 255, 255]))!)).toBeNull();
    expect(decodePngGray(Buffer.from('not a png'))).toBeNull();
  });

  it('reads the size of a PNG', () => {
    expect(pngSize(CHART_PNG)).toEqual({ width: 40, height: 20 });
    expect(pngSize(Buffer.from('GIF89a'))).toBeNull();
  });
});
