// Renders digest charts, once per distinct content: recipients whose charts are identical
// share one PNG (and one Attachment row), and /baocao asked twice renders once.
import { createHash } from 'node:crypto';
import { systemClock, type Clock } from '../core/clock.ts';
import { renderDigestChart } from './chart/render.ts';
import type { DigestChart, DigestChartInput } from './chart/types.ts';

/** Identifies a chart by what it shows (formatPercent is the same function everywhere). */
export function chartKey(input: DigestChartInput): string {
  const { formatPercent: _, ...shown } = input;
  return createHash('sha256').update(JSON.stringify(shown)).digest('hex');
}

export class ChartRenderer {
  readonly #cache = new Map<string, Promise<DigestChart>>();
  /** Renders actually done (cache misses), and the time they took. */
  renders = 0;
  renderMs = 0;

  constructor(
    /** Times the renders. */
    readonly clock: Clock = systemClock,
    readonly render: (input: DigestChartInput) => Promise<DigestChart> = renderDigestChart,
    readonly capacity = 16,
  ) {}

  chart(input: DigestChartInput): Promise<DigestChart> {
    const key = chartKey(input);
    let p = this.#cache.get(key);
    if (!p) {
      const start = this.clock.monotonic();
      this.renders++;
      p = this.render(input).then((c) => {
        this.renderMs += this.clock.monotonic() - start;
        return c;
      });
      p.catch(() => this.#cache.delete(key));
      if (this.#cache.size >= this.capacity) this.#cache.delete(this.#cache.keys().next().value!);
      this.#cache.set(key, p);
    }
    return p;
  }
}

/** Shared by /baocao requests (the same few charts are asked for again and again); ~16 PNGs of 100–300 KB. */
export const sharedCharts = new ChartRenderer();
