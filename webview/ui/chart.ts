import * as Plot from '@observablehq/plot';
import type { BarChart, BoxChart, ChartSpec, HeatCell, HeatmapChart, MeanChart } from '../view-model/chart';
import { SERIES_COLORS } from '../view-model/chart';
import type { ThemeColors } from './colors';

/** Width the charts are laid out for; the SVG scales down with the panel (max-width: 100%). */
const WIDTH = 760;
const ROW = 16;

function marginFor(labels: readonly string[]): number {
  const longest = labels.reduce((max, label) => Math.max(max, label.length), 0);
  return Math.min(280, Math.max(60, longest * 6.5 + 12));
}

function seriesRange(series: readonly string[], colors: ThemeColors): string[] {
  return series.map((_, i) => colors.series(SERIES_COLORS[i % SERIES_COLORS.length] ?? 'blue'));
}

function common(colors: ThemeColors, width: number = WIDTH): Plot.PlotOptions {
  return {
    width,
    className: 'grounded-chart',
    style: {
      background: 'transparent',
      color: colors.foreground,
      fontFamily: colors.fontFamily,
      fontSize: '11px',
      overflow: 'visible',
    },
  };
}

function colorScale(series: readonly string[], colors: ThemeColors): Plot.ScaleOptions {
  return series.length > 1
    ? { domain: [...series], range: seriesRange(series, colors), legend: true }
    : { domain: [...series], range: seriesRange(series, colors) };
}

function barChart(spec: BarChart, colors: ThemeColors): SVGSVGElement | HTMLElement {
  const multi = spec.series.length > 1;
  const withCi = spec.bars.filter((b) => b.low !== null && b.high !== null);
  const errorStroke = colors.foreground;
  if (spec.horizontal) {
    const height = Math.max(120, spec.labels.length * spec.series.length * ROW + spec.labels.length * 6 + 60);
    return Plot.plot({
      ...common(colors, spec.width),
      height,
      marginLeft: marginFor(spec.labels),
      x: { domain: spec.domain ?? undefined, label: spec.valueLabel, grid: true },
      ...(multi
        ? {
            fy: { domain: spec.labels, label: null, axis: 'left', padding: 0.15 },
            y: { domain: spec.series, axis: null },
          }
        : { y: { domain: spec.labels, label: null } }),
      color: colorScale(spec.series, colors),
      marks: [
        Plot.barX(spec.bars, {
          x: 'value',
          y: multi ? 'series' : 'label',
          ...(multi ? { fy: 'label' } : {}),
          fill: 'series',
          title: 'title',
        }),
        Plot.ruleY(withCi, {
          x1: 'low',
          x2: 'high',
          y: multi ? 'series' : 'label',
          ...(multi ? { fy: 'label' } : {}),
          stroke: errorStroke,
          strokeWidth: 1.5,
        }),
        Plot.tickX(withCi, {
          x: 'low',
          y: multi ? 'series' : 'label',
          ...(multi ? { fy: 'label' } : {}),
          stroke: errorStroke,
          inset: 3,
        }),
        Plot.tickX(withCi, {
          x: 'high',
          y: multi ? 'series' : 'label',
          ...(multi ? { fy: 'label' } : {}),
          stroke: errorStroke,
          inset: 3,
        }),
        Plot.ruleX([spec.domain?.[0] ?? 0], { stroke: colors.lines }),
      ],
    });
  }
  return Plot.plot({
    ...common(colors, spec.width),
    height: 260,
    marginBottom: 40,
    y: { domain: spec.domain ?? undefined, label: spec.valueLabel, grid: true },
    ...(multi
      ? { fx: { domain: spec.labels, label: null, padding: 0.15 }, x: { domain: spec.series, axis: null } }
      : { x: { domain: spec.labels, label: null } }),
    color: colorScale(spec.series, colors),
    marks: [
      Plot.barY(spec.bars, {
        x: multi ? 'series' : 'label',
        y: 'value',
        ...(multi ? { fx: 'label' } : {}),
        fill: 'series',
        title: 'title',
      }),
      Plot.ruleX(withCi, {
        x: multi ? 'series' : 'label',
        y1: 'low',
        y2: 'high',
        ...(multi ? { fx: 'label' } : {}),
        stroke: errorStroke,
        strokeWidth: 1.5,
      }),
      Plot.tickY(withCi, {
        x: multi ? 'series' : 'label',
        y: 'low',
        ...(multi ? { fx: 'label' } : {}),
        stroke: errorStroke,
        inset: 6,
      }),
      Plot.tickY(withCi, {
        x: multi ? 'series' : 'label',
        y: 'high',
        ...(multi ? { fx: 'label' } : {}),
        stroke: errorStroke,
        inset: 6,
      }),
      Plot.ruleY([spec.domain?.[0] ?? 0], { stroke: colors.lines }),
    ],
  });
}

function meanChart(spec: MeanChart, colors: ThemeColors): SVGSVGElement | HTMLElement {
  const multi = spec.series.length > 1;
  const withCi = spec.points.filter((p) => p.low !== null && p.high !== null);
  if (spec.horizontal) {
    const height = Math.max(120, spec.labels.length * spec.series.length * ROW + spec.labels.length * 6 + 60);
    const band = multi ? { fy: 'label' as const } : {};
    return Plot.plot({
      ...common(colors, spec.width),
      height,
      marginLeft: marginFor(spec.labels),
      x: { domain: spec.domain ?? undefined, label: `${spec.valueLabel} (mean ± 95% CI)`, grid: true },
      ...(multi
        ? {
            fy: { domain: spec.labels, label: null, axis: 'left', padding: 0.15 },
            y: { domain: spec.series, axis: null },
          }
        : { y: { domain: spec.labels, label: null } }),
      color: colorScale(spec.series, colors),
      marks: [
        Plot.ruleY(withCi, {
          x1: 'low',
          x2: 'high',
          y: multi ? 'series' : 'label',
          ...band,
          stroke: 'series',
          strokeWidth: 2,
        }),
        Plot.dot(spec.points, {
          x: 'mean',
          y: multi ? 'series' : 'label',
          ...band,
          fill: 'series',
          r: 4,
          title: 'title',
        }),
      ],
    });
  }
  return Plot.plot({
    ...common(colors, spec.width),
    height: 260,
    marginBottom: 40,
    y: { domain: spec.domain ?? undefined, label: `${spec.valueLabel} (mean ± 95% CI)`, grid: true },
    x: { domain: spec.labels, label: null, padding: 0.5 },
    color: colorScale(spec.series, colors),
    marks: [
      Plot.ruleX(withCi, { x: 'label', y1: 'low', y2: 'high', stroke: colors.series('blue'), strokeWidth: 2 }),
      Plot.tickY(withCi, { x: 'label', y: 'low', stroke: colors.series('blue'), inset: 12 }),
      Plot.tickY(withCi, { x: 'label', y: 'high', stroke: colors.series('blue'), inset: 12 }),
      Plot.dot(spec.points, { x: 'label', y: 'mean', fill: colors.series('blue'), r: 5, title: 'title' }),
      Plot.text(spec.points, {
        x: 'label',
        y: 'mean',
        text: (p: { mean: number }) => p.mean.toFixed(2),
        dx: 26,
        fill: colors.foreground,
      }),
    ],
  });
}

function boxChart(spec: BoxChart, colors: ThemeColors): SVGSVGElement | HTMLElement {
  const rowRange = 'quartiles and range';
  const rowMean = 'mean ± 95% CI';
  const datum = [spec];
  const accent = colors.series('blue');
  return Plot.plot({
    ...common(colors, spec.width),
    height: 120,
    marginLeft: 130,
    x: { label: spec.valueLabel, grid: true },
    y: { domain: [rowRange, rowMean], label: null },
    marks: [
      Plot.ruleY(datum, { x1: 'min', x2: 'max', y: () => rowRange, stroke: colors.foreground }),
      Plot.barX(datum, {
        x1: 'q1',
        x2: 'q3',
        y: () => rowRange,
        fill: accent,
        fillOpacity: 0.6,
        stroke: accent,
        title: (d: BoxChart) => `Q1 ${d.q1}, median ${d.median}, Q3 ${d.q3}; range ${d.min}–${d.max}`,
      }),
      Plot.tickX(datum, { x: 'median', y: () => rowRange, stroke: colors.foreground, strokeWidth: 2 }),
      ...(spec.mean !== null
        ? [
            Plot.ruleY(spec.low !== null && spec.high !== null ? datum : [], {
              x1: 'low',
              x2: 'high',
              y: () => rowMean,
              stroke: accent,
              strokeWidth: 2,
            }),
            Plot.dot(datum, { x: 'mean', y: () => rowMean, fill: accent, r: 4 }),
          ]
        : []),
    ],
  });
}

function heatmapChart(
  spec: HeatmapChart,
  colors: ThemeColors,
  onCell: ((cell: HeatCell) => void) | undefined,
): SVGSVGElement | HTMLElement {
  const size = Math.max(10, Math.min(28, Math.floor(520 / Math.max(1, spec.labels.length))));
  const margin = marginFor(spec.labels);
  const dense = spec.labels.length <= 24;
  const plot = Plot.plot({
    ...common(colors, spec.width),
    width: margin + spec.labels.length * size + 40,
    height: margin + spec.labels.length * size + 20,
    marginLeft: margin,
    marginBottom: margin,
    padding: 0.04,
    x: { domain: spec.labels, tickRotate: -60, label: null },
    y: { domain: spec.labels, label: null },
    // One hue over the theme's background, stronger with the value: reads in light, dark and high contrast.
    opacity: { type: 'linear', range: [0.2, 1], legend: true, label: spec.valueLabel, zero: true },
    marks: [
      Plot.frame({ stroke: colors.lines }),
      Plot.cell(spec.cells, {
        x: 'bLabel',
        y: 'aLabel',
        fill: colors.series('blue'),
        fillOpacity: 'value',
        title: 'title',
        inset: 0.5,
      }),
      ...(dense
        ? [
            Plot.text(spec.cells, {
              x: 'bLabel',
              y: 'aLabel',
              text: (c: HeatCell) => (Number.isInteger(c.value) ? String(c.value) : c.value.toFixed(2)),
              fill: colors.foreground,
              fontSize: 9,
              pointerEvents: 'none',
            }),
          ]
        : []),
    ],
  });
  if (onCell) {
    // Plot binds each cell's data index to its rect (d3's data join): a click finds the pair without hit-testing.
    const svg = plot instanceof SVGSVGElement ? plot : plot.querySelector('svg.grounded-chart');
    const cellGroup = svg?.querySelector('g[aria-label="cell"]');
    cellGroup?.querySelectorAll('rect').forEach((rect) => {
      const index = (rect as unknown as { __data__?: unknown }).__data__;
      const cell = typeof index === 'number' ? spec.cells[index] : undefined;
      if (!cell) return;
      rect.setAttribute('data-a', cell.a);
      rect.setAttribute('data-b', cell.b);
      rect.setAttribute('tabindex', '0');
      rect.setAttribute('role', 'button');
      rect.classList.add('heat-cell');
      rect.addEventListener('click', () => onCell(cell));
      rect.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') onCell(cell);
      });
    });
  }
  return plot;
}

/**
 * Draws a chart spec with Observable Plot. Plot puts a <style> element into each SVG; the panel's CSP
 * (no 'unsafe-inline' styles) would refuse it, so it is removed before the SVG enters the document and the
 * panel's stylesheet carries the same rules for `.grounded-chart`.
 */
export function renderChart(
  spec: ChartSpec,
  colors: ThemeColors,
  onCell?: (cell: HeatCell) => void,
): HTMLElement | SVGSVGElement {
  const node =
    spec.kind === 'bars'
      ? barChart(spec, colors)
      : spec.kind === 'means'
        ? meanChart(spec, colors)
        : spec.kind === 'box'
          ? boxChart(spec, colors)
          : heatmapChart(spec, colors, onCell);
  node.querySelectorAll('style').forEach((style) => style.remove());
  return node;
}
