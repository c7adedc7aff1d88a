// Bundled font files for resvg, so text never depends on the machine's fonts.
import { createRequire } from 'node:module';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FAMILY } from './theme.ts';

const require = createRequire(import.meta.url);

/** Regular and bold DejaVu Sans from the `dejavu-fonts-ttf` package. */
export const FONT_FILES: readonly string[] = [
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
];

/** resvg font options: only the bundled files, no system fonts. */
export function fontOptions(): NonNullable<ResvgRenderOptions['font']> {
  return { fontFiles: [...FONT_FILES], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY };
}
