import type { ChartSpec } from '../view-model/chart';
import { renderChart } from './chart';
import type { PanelContext } from './context';
import { h, linkButton } from './dom';

/** A chart with its title and SVG / PNG export buttons. */
export function chartView(spec: ChartSpec, context: PanelContext): HTMLElement {
  let chart: Element;
  try {
    chart = renderChart(spec, context.colors(), (cell) => context.onHeatCell(cell));
  } catch (error) {
    // A chart that cannot be drawn must not take the tables with it; say so where it would be.
    chart = h('p', { class: 'empty' }, `This chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
  }
  const svgButton = linkButton('SVG', () => context.exportChart(spec, chart, 'svg'), 'Export this chart as SVG');
  const pngButton = linkButton('PNG', () => context.exportChart(spec, chart, 'png'), 'Export this chart as PNG');
  svgButton.classList.add('export');
  pngButton.classList.add('export');
  return h('figure', { class: 'chart-block', 'data-chart': spec.id },
    h('div', { class: 'table-title' }, h('figcaption', {}, spec.title), svgButton, pngButton),
    h('div', { class: 'chart' }, chart),
  );
}
