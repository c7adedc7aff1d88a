// vega-lite spec -> SVG (headless vega) -> PNG.
import { compile } from 'vega-lite';
import { parse, View } from 'vega';
import type { DigestChart, DigestChartInput } from './types.ts';
import { chartSpec } from './spec.ts';
import { svgToPngAsync } from './png.ts';

/** Compiles the chart spec and lets vega draw it as an SVG string. */
export async function renderDigestSvg(input: DigestChartInput): Promise<string> {
  const { spec } = compile(chartSpec(input));
  const view = new View(parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Renders the weekly digest chart as a PNG. */
export async function renderDigestChart(input: DigestChartInput): Promise<DigestChart> {
  const svg = await renderDigestSvg(input);
  const { png, width, height } = await svgToPngAsync(svg);
  return { png, width, height };
}
