// SVG -> PNG with resvg and the bundled fonts.
import { Resvg, renderAsync } from '@resvg/resvg-js';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { fontOptions } from './fonts.ts';
import { COLORS } from './theme.ts';

/** Preferred pixel density, for sharp text on phones. */
export const PREFERRED_SCALE = 2;
/** Telegram photos: width + height at most 10000 px. */
export const MAX_SIDES_SUM = 10_000;

export interface RasterImage {
  png: Buffer;
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Uint8Array;
}

/** Size attributes of the root <svg> element (as written by vega). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attr = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1] ?? NaN);
  const width = attr('width');
  const height = attr('height');
  if (!(width > 0 && height > 0)) throw new Error('SVG root element has no width/height');
  return { width, height };
}

/** Largest scale up to PREFERRED_SCALE that keeps width + height within MAX_SIDES_SUM. */
export function pickScale(width: number, height: number): number {
  const fit = Math.floor((MAX_SIDES_SUM / (width + height)) * 100) / 100;
  return Math.min(PREFERRED_SCALE, fit);
}

function renderOptions(svg: string): ResvgRenderOptions {
  const { width, height } = svgSize(svg);
  return {
    font: fontOptions(),
    fitTo: { mode: 'zoom', value: pickScale(width, height) },
    background: COLORS.background,
    logLevel: 'off',
  };
}

/** Renders an SVG synchronously; also returns the RGBA pixels for inspection. */
export function svgToPng(svg: string): RasterImage {
  const image = new Resvg(svg, renderOptions(svg)).render();
  return { png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels };
}

/** Like svgToPng, but rasterises on the libuv thread pool and returns only the PNG. */
export async function svgToPngAsync(svg: string): Promise<Omit<RasterImage, 'pixels'>> {
  const image = await renderAsync(svg, renderOptions(svg));
  return { png: image.asPng(), width: image.width, height: image.height };
}
