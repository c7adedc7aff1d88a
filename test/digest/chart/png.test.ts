import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { svgToPng } from '../../../src/digest/chart/png.ts';
import { renderDigestSvg } from '../../../src/digest/chart/render.ts';
import { FONT_FILES } from '../../../src/digest/chart/fonts.ts';
import { MAX_SIDES_SUM, PREFERRED_SCALE, pickScale, svgSize } from '../../../src/digest/chart/png.ts';
import { PADDING, TITLE_SIZE } from '../../../src/digest/chart/theme.ts';
import { makeInput } from './fixtures.ts';
import { inkInRows, inkRows, PNG_SIGNATURE, pngSize } from './pixels.ts';

/** Rows of the first title line, in pixels at the preferred scale. */
const titleBand = [PADDING * PREFERRED_SCALE, (PADDING + TITLE_SIZE * 1.5) * PREFERRED_SCALE] as const;

const titleOnly = (title: string) => renderDigestSvg({ ...makeInput(0, 0), title, subtitle: undefined });

describe('svgToPng', () => {
  it('uses font files shipped in node_modules', () => {
    expect(FONT_FILES.length).toBeGreaterThan(0);
    for (const file of FONT_FILES) expect(file).toMatch(/dejavu-fonts-ttf[/\\]ttf[/\\]DejaVuSans.*\.ttf$/);
  });

  it('returns a PNG, its size and RGBA pixels', async () => {
    const svg = await renderDigestSvg(makeInput(3, 3));
    const img = svgToPng(svg);
    expect(img.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(img.png)).toEqual({ width: img.width, height: img.height });
    expect(img.pixels.length).toBe(img.width * img.height * 4);
    const css = svgSize(svg);
    expect(img.width).toBe(Math.round(css.width * PREFERRED_SCALE));
  });

  it('draws the title text; the same SVG without font files has a blank title band', async () => {
    const svg = await renderDigestSvg(makeInput(3, 3));
    const withFonts = svgToPng(svg);
    expect(inkInRows(withFonts, ...titleBand)).toBeGreaterThan(500);

    // What happens if the bundled fonts are not loaded: resvg silently drops all text.
    const rendered = new Resvg(svg, {
      font: { loadSystemFonts: false },
      fitTo: { mode: 'zoom', value: PREFERRED_SCALE },
      background: '#ffffff',
    }).render();
    const withoutFonts = { width: rendered.width, height: rendered.height, pixels: rendered.pixels };
    expect(withoutFonts.width).toBe(withFonts.width);
    expect(inkInRows(withoutFonts, ...titleBand)).toBe(0);
  });

  it('draws Vietnamese diacritics above and below the letter', async () => {
    const plain = inkRows(svgToPng(await titleOnly('E')));
    const marked = svgToPng(await titleOnly('Ệ'));
    const markedRows = inkRows(marked);
    expect(plain).not.toBeNull();
    expect(markedRows).not.toBeNull();
    if (!plain || !markedRows) return;
    // The circumflex sits above the top of a plain E, the dot below its baseline.
    expect(inkInRows(marked, 0, plain.first)).toBeGreaterThan(20);
    expect(markedRows.first).toBeLessThan(plain.first - 2);
    expect(markedRows.last).toBeGreaterThan(plain.last + 2);
  });

  it('lowers the scale only when needed to stay within Telegram limits', () => {
    expect(pickScale(832, 1400)).toBe(PREFERRED_SCALE);
    const scale = pickScale(832, 9000);
    expect(scale).toBeLessThan(PREFERRED_SCALE);
    expect(Math.ceil(832 * scale) + Math.ceil(9000 * scale)).toBeLessThanOrEqual(MAX_SIDES_SUM);
  });

  it('rejects an SVG without a size', () => {
    expect(() => svgToPng('<svg xmlns="http://www.w3.org/2000/svg"></svg>')).toThrow(/width\/height/);
  });
});
