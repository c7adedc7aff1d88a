// One digest, ready to send: its numbers, its text, the photo caption and the chart's input.
import type { DigestChartInput } from './chart/types.ts';
import { digestChartInput } from './chart-input.ts';
import type { DigestBuilder, DigestData, DigestKind } from './data.ts';
import type { Period } from '../rates/period.ts';
import type { UnitNode } from '../org/tree.ts';
import { digestCaption, digestText } from './text.ts';

export interface Digest {
  data: DigestData;
  text: string;
  caption: string;
  chart: DigestChartInput;
}

export async function composeDigest(builder: DigestBuilder, kind: DigestKind, unit: UnitNode, period: Period): Promise<Digest> {
  const data = await builder.build(kind, unit, period);
  return { data, text: digestText(data), caption: digestCaption(data), chart: digestChartInput(data, builder.deps.tree) };
}
