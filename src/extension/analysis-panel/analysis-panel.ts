import * as vscode from 'vscode';
import type { MergedSurvey, Study } from '../../core/index';
import type { HostMessage, ReportRequestState, StudyReport, WebviewMessage } from '../../../webview/protocol';
import { parseWebviewMessage } from '../../../webview/validate';
import type { GroundedServices } from '../services';
import { askSaveUri, saveExport, saveFile, type ChooseSaveUri } from './exports';
import { networkExportFile, panelNetwork } from './network-export';
import { openDisagreements } from './open-disagreements';
import { openCoding, openProblem } from './open-location';
import { overlappingPairs } from './overlaps';
import { panelHtml } from './panel-html';
import { retrieveCode } from './retrieve-code';
import { buildPanelReport } from './report-builder';

export const ANALYSIS_VIEW_TYPE = 'grounded.analysis';

/**
 * Wait after a study change before rebuilding: a burst of sidecar writes should cost one report. The wait
 * grows with the last build (three times its duration, up to 10 s): a build runs on the extension host's
 * thread, and in a big study (≈ 2 s) it should come when the person pauses, not between two codings.
 */
const REBUILD_DELAY_MS = 200;
const MAX_REBUILD_DELAY_MS = 10_000;

/**
 * One analysis panel over one study: builds the report (the core's buildStudyReport) for the panel's
 * request, posts it, and rebuilds when the study changes. Every message from the webview is validated
 * (webview/validate.ts) before anything acts on it; files it opens are only those the panel listed.
 */
export class AnalysisPanel implements vscode.Disposable {
  private request: ReportRequestState;
  private study: Study | undefined;
  private survey: MergedSurvey | undefined;
  private report: StudyReport | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private pending: ReturnType<typeof setTimeout> | undefined;
  private building: Promise<void> = Promise.resolve();
  /** The last message posted for a study object and request: a webview that reloads (hidden, then shown) gets it again without a rebuild. */
  private cache: { study: Study; key: string; message: HostMessage } | undefined;
  private disposed = false;
  /** Files the webview may ask to open: those listed in the last report (problems, unjoined rows). */
  private openableFiles = new Set<string>();
  private readonly postedEmitter = new vscode.EventEmitter<HostMessage>();
  /** Fires after each message posted to the webview (tests wait on it). */
  readonly onDidPost = this.postedEmitter.event;
  /** Messages the host refused (unknown type, malformed payload): counted for tests and diagnostics. */
  rejected = 0;
  /** Reports built so far (tests check a hidden panel builds none). */
  builds = 0;
  /** How long the last build took: later rebuilds wait longer after a slow one. */
  private lastBuildMs = 0;
  /** Replaced by tests to skip the save dialog. */
  chooseSaveUri: ChooseSaveUri = askSaveUri;
  lastPosted: HostMessage | undefined;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly root: string,
    private readonly services: GroundedServices,
    request: ReportRequestState,
  ) {
    this.request = request;
    const extensionUri = services.context.extensionUri;
    panel.webview.html = panelHtml(panel.webview, extensionUri);
    this.disposables.push(
      this.postedEmitter,
      this.disposeEmitter,
      panel.webview.onDidReceiveMessage((data: unknown) => void this.receive(data)),
      panel.onDidDispose(() => this.dispose()),
      services.studies.onDidChangeStudy((study) => {
        // A hidden panel's page is gone (no retainContextWhenHidden): it says 'ready' when shown again and is
        // rebuilt then if the study moved on. Building now would only take the extension host's thread from
        // the person coding in the editor.
        if (study.root === this.root && this.panel.visible) this.scheduleRebuild();
      }),
      services.blind.onDidChange(() => {
        if (this.panel.visible) this.scheduleRebuild();
      }),
    );
  }

  get currentRequest(): ReportRequestState {
    return this.request;
  }

  get currentReport(): StudyReport | undefined {
    return this.report;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.pending) clearTimeout(this.pending);
    this.disposeEmitter.fire();
    for (const disposable of this.disposables) disposable.dispose();
    this.panel.dispose();
  }

  /** Handles one message from the webview; public so tests can drive the host as the webview would. */
  async receive(data: unknown): Promise<void> {
    const message = parseWebviewMessage(data);
    if (!message) {
      this.rejected++;
      return;
    }
    try {
      await this.handle(message);
    } catch (error) {
      void vscode.window.showErrorMessage(
        `Grounded analysis: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        const study = await this.currentStudy();
        if (this.cache && this.cache.study === study && this.cache.key === this.cacheKey(this.shownRequest()))
          return this.post(this.cache.message);
        return this.rebuild();
      }
      case 'setRequest':
        this.request = message.request;
        return this.rebuild();
      case 'openCoding': {
        const study = await this.currentStudy();
        await openCoding(
          study,
          this.panel,
          message.transcript,
          message.start,
          message.end,
          message.codingId,
          this.services.texts,
        );
        return;
      }
      case 'openProblem': {
        if (!this.openableFiles.has(message.file)) {
          this.rejected++;
          return;
        }
        await openProblem(await this.currentStudy(), this.panel, message.file, message.line, message.column);
        return;
      }
      case 'requestOverlaps': {
        const study = await this.currentStudy();
        const shown = this.services.blind.view(study);
        const { pairs, total } = overlappingPairs(shown, this.survey, this.shownRequest(), message.a, message.b);
        await this.post({ type: 'overlaps', a: message.a, b: message.b, pairs, total });
        return;
      }
      case 'retrieveCode': {
        const study = await this.currentStudy();
        // Only codes the report drew (a group only with a grouping): anything else did not come from the panel.
        const known = this.report?.codes.some((c) => c.id === message.code && c.inCodebook) ?? false;
        if (!known || (message.group !== null && this.report?.options.by === null)) {
          this.rejected++;
          return;
        }
        await retrieveCode(study.root, this.shownRequest(), message.code, message.group);
        return;
      }
      case 'openDisagreements': {
        const study = await this.currentStudy();
        if (!(await openDisagreements(study, this.report, message, this.services.texts))) this.rejected++;
        return;
      }
      case 'exportNetwork': {
        if (!this.report) return;
        const study = await this.currentStudy();
        const network = panelNetwork(
          this.services.blind.view(study),
          this.survey,
          this.shownRequest(),
          message.cooccurrence,
        );
        const file = networkExportFile(this.report.title, network, message.format);
        const saved = await saveFile(file, study, this.services.fs, this.chooseSaveUri);
        if (saved)
          void vscode.window.showInformationMessage(`Grounded: saved ${vscode.workspace.asRelativePath(saved)}.`);
        return;
      }
      case 'exportTable':
      case 'exportSvg':
      case 'exportPng':
      case 'exportReport': {
        if (!this.report) return;
        const saved = await saveExport(
          message,
          this.report,
          await this.currentStudy(),
          this.services.fs,
          this.chooseSaveUri,
        );
        if (saved)
          void vscode.window.showInformationMessage(`Grounded: saved ${vscode.workspace.asRelativePath(saved)}.`);
        return;
      }
    }
  }

  /**
   * The request as built: while blind coding, the coder is fixed to the current coder (and the report is
   * built from the study as displayed, without the other coders' sidecars), whatever the panel asks.
   */
  private shownRequest(): ReportRequestState {
    const visible = this.services.blind.visible;
    if (!visible.blind) return this.request;
    return { ...this.request, coders: visible.coder === undefined ? null : [visible.coder] };
  }

  private cacheKey(request: ReportRequestState): string {
    return JSON.stringify([request, this.services.blind.visible]);
  }

  private async currentStudy(): Promise<Study> {
    this.study = await this.services.studies.study(this.root);
    return this.study;
  }

  /** How long a rebuild after a study change waits now. */
  get rebuildDelayMs(): number {
    return Math.min(MAX_REBUILD_DELAY_MS, Math.max(REBUILD_DELAY_MS, 3 * this.lastBuildMs));
  }

  private scheduleRebuild(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      void this.rebuild();
    }, this.rebuildDelayMs);
  }

  /** Rebuilds and posts; builds run one after another so an older report never overwrites a newer one. */
  rebuild(): Promise<void> {
    this.building = this.building
      .then(() => this.buildAndPost())
      .catch((error: unknown) => {
        void vscode.window.showErrorMessage(
          `Grounded analysis: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    return this.building;
  }

  private async buildAndPost(): Promise<void> {
    // Hidden since the build was asked for (a change just before the panel was covered): nobody would see it.
    if (this.disposed || !this.panel.visible) return;
    this.builds++;
    const study = await this.currentStudy();
    const request = this.shownRequest();
    const started = Date.now();
    const built = await buildPanelReport(this.services.fs, this.services.blind.view(study), request);
    this.lastBuildMs = Date.now() - started;
    this.survey = built.survey;
    this.panel.title = `Analysis: ${study.root.split('/').filter(Boolean).pop() ?? 'study'}`;
    if (!built.ok) {
      const message: HostMessage = { type: 'reportError', message: built.message, request, study: built.facts };
      this.cache = { study, key: this.cacheKey(request), message };
      await this.post(message);
      return;
    }
    this.report = built.report;
    const p = built.report.participants;
    this.openableFiles = new Set([
      ...built.facts.problems.map((x) => x.file),
      ...built.report.problems.map((x) => x.file),
      ...p.transcriptsWithoutRow.map((t) => t.transcript),
      ...p.transcriptsWithoutParticipant,
      ...p.rowsWithoutTranscript.map((r) => r.file),
    ]);
    const message: HostMessage = { type: 'report', report: built.report, request, study: built.facts };
    this.cache = { study, key: this.cacheKey(request), message };
    await this.post(message);
  }

  private async post(message: HostMessage): Promise<void> {
    if (this.disposed) return;
    await this.panel.webview.postMessage(message);
    this.lastPosted = message;
    this.postedEmitter.fire(message);
  }
}
