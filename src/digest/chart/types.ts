/** One unit's row in the "on-time rate by unit" panel. */
export interface DigestChartUnit {
  /** Display name; long names are shortened with an ellipsis. */
  label: string;
  /** Percentage 0–100, or null when the unit had no dossiers due. */
  onTimeRate: number | null;
  /** The recipient's own unit; drawn with a highlighted row. */
  highlight?: boolean;
}

/** One week of the area's trend (percentages 0–100, null = no data). */
export interface DigestChartWeek {
  /** Week label shown on the x axis, e.g. "18/11". */
  label: string;
  onTimeRate: number | null;
  onlineRate: number | null;
}

/**
 * Everything the chart shows. All text is supplied by the caller (localised),
 * the module itself contains no human-facing words.
 */
export interface DigestChartInput {
  title: string;
  subtitle?: string;
  units: DigestChartUnit[];
  unitsTitle: string;
  /** Oldest week first; at most the last 12 are drawn. */
  trend: DigestChartWeek[];
  trendTitle: string;
  seriesLabels: { onTime: string; online: string };
  /** Goal rate (0–100): reference line; bars below it use the warning colour. */
  target?: number;
  /** Formats a percentage for value labels, e.g. 82.84 -> "82,84%". */
  formatPercent: (p: number) => string;
}

export interface DigestChart {
  png: Buffer;
  /** Pixel size of the PNG. */
  width: number;
  height: number;
}
