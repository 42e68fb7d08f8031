/**
 * Chart specifications: plain data the chart renderer (webview/ui/chart.ts) draws with Observable Plot.
 * Built from the report's figures only; nothing here computes a statistic.
 */

/** A theme colour by role; the renderer resolves it from the --vscode-charts-* variables. */
export type SeriesColor = 'blue' | 'orange' | 'green' | 'red' | 'purple' | 'yellow' | 'foreground';

/** Codes a bar or mean chart shows at most: beyond this bars become unreadable slivers; tables list all. */
export const CHART_CODES = 40;

/** Title suffix saying a chart shows only the first CHART_CODES of `total` codes. */
export function firstOf(total: number): string {
  return total > CHART_CODES ? ` (the first ${CHART_CODES} of ${total} codes, as in the table)` : '';
}

export const SERIES_COLORS: readonly SeriesColor[] = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'];

export interface Bar {
  /** Category on the axis (level, code). */
  label: string;
  /** Series within a category (a group); '' when there is one series. */
  series: string;
  value: number;
  /** Error bar (CI) in the value's unit; null when there is none. */
  low: number | null;
  high: number | null;
  /** Tooltip. */
  title: string;
}

/** Bars with optional error bars; `horizontal` puts categories on the y axis (long code names). */
export interface BarChart {
  /** Layout width in px (the SVG scales down, never up); absent = the default. */
  width?: number;
  kind: 'bars';
  id: string;
  title: string;
  valueLabel: string;
  /** Fixed value domain (percentages 0–100); null = from the data. */
  domain: [number, number] | null;
  horizontal: boolean;
  /** Category order. */
  labels: string[];
  /** Series order (legend); [''] for a single series. */
  series: string[];
  bars: Bar[];
}

export interface MeanPoint {
  label: string;
  series: string;
  mean: number;
  low: number | null;
  high: number | null;
  title: string;
}

/** Means with their CIs as error bars (dot and whisker), one point per group. */
export interface MeanChart {
  /** Layout width in px (the SVG scales down, never up); absent = the default. */
  width?: number;
  kind: 'means';
  id: string;
  title: string;
  valueLabel: string;
  horizontal: boolean;
  labels: string[];
  series: string[];
  points: MeanPoint[];
  /** The scale's range when the variable has one (ordinal), so 2.7 sits on a 1–5 axis. */
  domain: [number, number] | null;
}

/** A numeric variable's distribution from its summary: range, IQR box, median, mean with CI. */
export interface BoxChart {
  /** Layout width in px (the SVG scales down, never up); absent = the default. */
  width?: number;
  kind: 'box';
  id: string;
  title: string;
  valueLabel: string;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number | null;
  low: number | null;
  high: number | null;
}

export interface HeatCell {
  a: string;
  b: string;
  aLabel: string;
  bLabel: string;
  value: number;
  title: string;
}

/** Codes × codes, symmetric; cells open the overlapping quotes. */
export interface HeatmapChart {
  /** Layout width in px (the SVG scales down, never up); absent = the default. */
  width?: number;
  kind: 'heatmap';
  id: string;
  title: string;
  valueLabel: string;
  labels: string[];
  cells: HeatCell[];
}

export type ChartSpec = BarChart | MeanChart | BoxChart | HeatmapChart;
