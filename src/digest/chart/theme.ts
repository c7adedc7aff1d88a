// Sizes (CSS px before the PNG scale) and colours of the digest chart.

/** Font family embedded in the SVG; must match the family of the TTFs given to resvg. */
export const FONT_FAMILY = 'DejaVu Sans';

/** Width of the plotting area shared by both panels. */
export const CHART_WIDTH = 800;
export const PADDING = 16;
export const PANEL_SPACING = 28;

export const TITLE_SIZE = 22;
export const SUBTITLE_SIZE = 15;
export const PANEL_TITLE_SIZE = 17;
export const LABEL_SIZE = 15;
export const VALUE_SIZE = 14;
export const AXIS_LABEL_SIZE = 13;

/** Height of one unit row: its name on top, the bar below. */
export const ROW_HEIGHT = 44;
export const BAR_THICKNESS = 16;
/** Distance from the row centre down to the bar centre. */
export const BAR_OFFSET = 8;

export const TREND_HEIGHT = 260;
/** Room left of the trend plot for y-axis labels such as "100%". */
export const TREND_AXIS_ROOM = 52;
/** At most this many weeks are drawn in the trend panel. */
export const MAX_WEEKS = 12;

/** Longest unit label, in characters, before it is cut with an ellipsis. */
export const MAX_LABEL_CHARS = 40;

export const COLORS = {
  background: '#ffffff',
  text: '#1f2933',
  muted: '#5f6b7a',
  bar: '#2f6db5',
  barBelowTarget: '#e07b24',
  track: '#e9edf2',
  highlightRow: '#fff1bf',
  target: '#4a5563',
  grid: '#e3e7ec',
  onTime: '#2f6db5',
  online: '#1b9e77',
} as const;
