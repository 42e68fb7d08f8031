import type { WebviewMessage } from '../protocol';
import type { ChartSpec, HeatCell } from '../view-model/chart';
import type { CellAction } from '../view-model/table';
import type { ThemeColors } from './colors';

/** What section renderers need from the panel: posting, paging state, theme colours and exports. */
export interface PanelContext {
  post(message: WebviewMessage): void;
  page(tableId: string): number;
  setPage(tableId: string, page: number): void;
  colors(): ThemeColors;
  act(action: CellAction): void;
  exportChart(spec: ChartSpec, node: Element, format: 'svg' | 'png'): void;
  /** Exports an SVG figure drawn by a section itself (the network) under a name. */
  exportFigure(name: string, node: Element, format: 'svg' | 'png'): void;
  onHeatCell(cell: HeatCell): void;
}
