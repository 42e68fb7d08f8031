import type { ChartSpec } from '../view-model/chart';
import { renderChart } from './chart';
import type { PanelContext } from './context';
import { h, linkButton, replaceChildren } from './dom';

/** Charts start drawing this far before they scroll into view, so scrolling rarely shows a blank. */
const LOOKAHEAD = '400px';

let observer: IntersectionObserver | undefined;
const pending = new WeakMap<Element, () => void>();

/**
 * Draws a chart when it comes near the viewport: a section with 30 variables or comparisons costs only the
 * charts on screen, and the rest draw as the user scrolls.
 */
function whenVisible(element: Element, draw: () => void): void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer?.unobserve(entry.target);
        pending.get(entry.target)?.();
        pending.delete(entry.target);
      }
    },
    { rootMargin: LOOKAHEAD },
  );
  pending.set(element, draw);
  observer.observe(element);
}

/** A chart with its title and SVG / PNG export buttons (an export draws the chart first if it is not yet). */
export function chartView(spec: ChartSpec, context: PanelContext): HTMLElement {
  const holder = h('div', { class: 'chart chart-pending' });
  let chart: Element | undefined;
  const draw = (): Element => {
    if (chart) return chart;
    try {
      chart = renderChart(spec, context.colors(), (cell) => context.onHeatCell(cell));
    } catch (error) {
      // A chart that cannot be drawn must not take the tables with it; say so where it would be.
      chart = h(
        'p',
        { class: 'empty' },
        `This chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    holder.classList.remove('chart-pending');
    replaceChildren(holder, chart);
    return chart;
  };
  const svgButton = linkButton('SVG', () => context.exportChart(spec, draw(), 'svg'), 'Export this chart as SVG');
  const pngButton = linkButton('PNG', () => context.exportChart(spec, draw(), 'png'), 'Export this chart as PNG');
  svgButton.classList.add('export');
  pngButton.classList.add('export');
  whenVisible(holder, draw);
  return h(
    'figure',
    { class: 'chart-block', 'data-chart': spec.id },
    h('div', { class: 'table-title' }, h('figcaption', {}, spec.title), svgButton, pngButton),
    holder,
  );
}
