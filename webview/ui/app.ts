import {
  SECTION_IDS,
  type HostMessage,
  type PanelState,
  type ReportRequestState,
  type SectionId,
  type StudyFacts,
  type StudyReport,
  type WebviewMessage,
} from '../protocol';
import { parseHostMessage, parsePanelState } from '../validate';
import type { HeatCell } from '../view-model/chart';
import { slug } from '../view-model/labels';
import type { CellAction } from '../view-model/table';
import { chartSvg, svgToPng } from './chart-export';
import { themeColors } from './colors';
import type { PanelContext } from './context';
import { h, replaceChildren } from './dom';
import { renderCodes } from './sections/codes';
import { renderAgreement } from './sections/agreement';
import { renderCoOccurrence } from './sections/cooccurrence';
import { renderGroups } from './sections/groups';
import { renderJoint } from './sections/joint';
import { renderNetwork } from './sections/network';
import { renderOverview } from './sections/overview';
import type { OverlapsMessage, SectionArgs } from './sections/section-args';
import { renderVariables } from './sections/variables';
import { toolbar } from './toolbar';

/** The slice of the webview API the panel uses (acquireVsCodeApi(); a stub in the browser tests). */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

const TITLES: Record<SectionId, string> = {
  overview: 'Overview',
  variables: 'Variables',
  groups: 'Compare groups',
  codes: 'Codes',
  cooccurrence: 'Co-occurrence',
  joint: 'Joint display',
  agreement: 'Agreement',
  network: 'Network',
};

const RENDERERS: Record<SectionId, (args: SectionArgs) => HTMLElement> = {
  overview: renderOverview,
  variables: renderVariables,
  groups: renderGroups,
  codes: renderCodes,
  cooccurrence: renderCoOccurrence,
  joint: renderJoint,
  agreement: renderAgreement,
  network: renderNetwork,
};

/**
 * The analysis panel: receives reports from the host and draws the active section; keeps its state with
 * setState so a reload (or a restart, through the host's serializer) returns to the same view.
 */
export class AnalysisApp {
  private state: PanelState;
  private report: StudyReport | undefined;
  private study: StudyFacts | undefined;
  private overlaps: OverlapsMessage | undefined;
  private error: string | undefined;
  private updating = false;
  private readonly panels = new Map<SectionId, HTMLElement>();
  private readonly rendered = new Set<SectionId>();
  private readonly context: PanelContext;

  constructor(
    private readonly root: HTMLElement,
    private readonly vscode: VsCodeApi,
  ) {
    this.state = parsePanelState(vscode.getState());
    this.context = {
      post: (message) => this.post(message),
      page: (id) => this.state.pages[id] ?? 0,
      setPage: (id, page) => this.save({ pages: { ...this.state.pages, [id]: page } }),
      colors: themeColors,
      act: (action) => this.act(action),
      exportChart: (spec, node, format) => void this.exportFigure(spec.id, node, format),
      exportFigure: (name, node, format) => void this.exportFigure(name, node, format),
      onHeatCell: (cell) => this.selectPair(cell),
    };
    window.addEventListener('message', (event: MessageEvent) => this.receive(event.data));
    // VS Code swaps the body's theme class when the theme changes; charts resolve colours, so redraw.
    new MutationObserver(() => this.renderAll()).observe(document.body, {
      attributes: true,
      attributeFilter: ['class'],
    });
    this.renderAll();
    this.post({ type: 'ready' });
  }

  private post(message: WebviewMessage): void {
    this.vscode.postMessage(message);
  }

  private save(change: Partial<PanelState>): void {
    this.state = { ...this.state, ...change };
    this.vscode.setState(this.state);
  }

  private receive(data: unknown): void {
    const message = parseHostMessage(data);
    if (!message) return; // Not from our host, or not a shape we know: ignore it.
    const started = performance.now();
    this.handle(message);
    const elapsed = performance.now() - started;
    document.body.dataset.renderMs = elapsed.toFixed(1);
    document.body.dataset.messages = String(Number(document.body.dataset.messages ?? '0') + 1);
  }

  private handle(message: HostMessage): void {
    switch (message.type) {
      case 'report':
        this.report = message.report;
        this.study = message.study;
        this.error = undefined;
        this.updating = false;
        if (
          this.state.coCell &&
          !message.report.coOccurrence.some(
            (p) =>
              (p.a === this.state.coCell?.a && p.b === this.state.coCell.b) ||
              (p.a === this.state.coCell?.b && p.b === this.state.coCell.a),
          )
        ) {
          this.state.coCell = null;
        }
        this.save({ request: message.request, studyRoot: message.study.root });
        this.renderAll();
        if (this.state.coCell) this.post({ type: 'requestOverlaps', a: this.state.coCell.a, b: this.state.coCell.b });
        return;
      case 'reportError':
        this.error = message.message;
        this.updating = false;
        if (message.study) this.study = message.study;
        this.save({ request: message.request, ...(message.study ? { studyRoot: message.study.root } : {}) });
        this.renderAll();
        return;
      case 'overlaps':
        this.overlaps = message;
        // Asked for by a heatmap cell or by a network's co-occurrence edge: redraw the section showing it.
        this.redrawSection(this.state.tab === 'network' ? 'network' : 'cooccurrence');
        return;
    }
  }

  private setRequest(request: ReportRequestState): void {
    this.save({ request, pages: {} });
    this.updating = true;
    this.post({ type: 'setRequest', request });
    this.renderStatus();
  }

  private act(action: CellAction): void {
    if (action.kind === 'post') this.post(action.message);
    else this.selectPair({ a: action.a, b: action.b });
  }

  private selectPair(cell: Pick<HeatCell, 'a' | 'b'>): void {
    this.save({ coCell: { a: cell.a, b: cell.b } });
    this.post({ type: 'requestOverlaps', a: cell.a, b: cell.b });
    if (this.state.tab !== 'cooccurrence') this.selectTab('cooccurrence');
    else this.redrawSection('cooccurrence');
  }

  private async exportFigure(id: string, node: Element, format: 'svg' | 'png'): Promise<void> {
    const exported = chartSvg(node, themeColors());
    if (!exported) return;
    const name = slug(id);
    if (format === 'svg') {
      this.post({ type: 'exportSvg', name, svg: exported.svg });
      return;
    }
    try {
      this.post({ type: 'exportPng', name, dataUrl: await svgToPng(exported.svg, exported.width, exported.height) });
    } catch (error) {
      this.showStatus(`PNG export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private statusLine: HTMLElement = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });

  private showStatus(text: string): void {
    replaceChildren(this.statusLine, text);
  }

  private renderStatus(): void {
    if (this.error)
      replaceChildren(this.statusLine, h('span', { class: 'error' }, `The report could not be built: ${this.error}`));
    else if (this.updating) replaceChildren(this.statusLine, 'Updating…');
    else replaceChildren(this.statusLine);
  }

  private renderAll(): void {
    this.panels.clear();
    this.rendered.clear();
    this.renderStatus();
    if (!this.report || !this.study) {
      replaceChildren(
        this.root,
        this.statusLine,
        this.error ? this.resetButton() : h('p', { class: 'loading' }, 'Building the analysis…'),
      );
      return;
    }
    const report = this.report;
    const tabs = h('vscode-tabs', { id: 'sections', 'selected-index': String(SECTION_IDS.indexOf(this.state.tab)) });
    for (const id of SECTION_IDS) {
      tabs.append(h('vscode-tab-header', { slot: 'header', id: `tab-${id}`, 'data-section': id }, TITLES[id]));
      const panel = h('vscode-tab-panel', { id: `panel-${id}`, 'data-section': id });
      this.panels.set(id, panel);
      tabs.append(panel);
    }
    tabs.addEventListener('vsc-tabs-select', (event) => {
      const index = (event as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex;
      const id = SECTION_IDS[index];
      if (id && id !== this.state.tab) {
        this.save({ tab: id });
        this.drawSection(id);
      }
    });
    replaceChildren(
      this.root,
      toolbar(
        report,
        this.state.request,
        (request) => this.setRequest(request),
        (message) => this.post(message),
      ),
      this.statusLine,
      this.error ? this.resetButton() : null,
      tabs,
    );
    this.drawSection(this.state.tab);
  }

  private resetButton(): HTMLElement {
    const button = h('vscode-button', { id: 'reset-request' }, 'Show the whole study');
    button.addEventListener('click', () => this.setRequest({ by: null, coders: null, filters: [] }));
    return h('p', {}, button);
  }

  private selectTab(id: SectionId): void {
    this.save({ tab: id });
    const tabs = this.root.querySelector('vscode-tabs') as (HTMLElement & { selectedIndex: number }) | null;
    if (tabs) tabs.selectedIndex = SECTION_IDS.indexOf(id);
    this.drawSection(id);
  }

  /** Sections are drawn when first shown: a report for a big study costs one section, not six. */
  private drawSection(id: SectionId): void {
    if (this.rendered.has(id)) return;
    this.redrawSection(id);
  }

  private redrawSection(id: SectionId): void {
    const panel = this.panels.get(id);
    if (!panel || !this.report || !this.study) return;
    const args: SectionArgs = {
      report: this.report,
      study: this.study,
      state: this.state,
      context: this.context,
      overlaps: this.overlaps,
      update: (change) => {
        this.save(change);
        this.redrawSection(id);
      },
    };
    const started = performance.now();
    replaceChildren(panel, RENDERERS[id](args));
    this.rendered.add(id);
    panel.dataset.renderMs = (performance.now() - started).toFixed(1);
  }
}
