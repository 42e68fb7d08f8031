import * as vscode from 'vscode';
import type { Study } from '../../core/index';
import type {
  HostMessage,
  ReportRequestState,
  StudyFacts,
  StudyReport,
  WebviewMessage,
} from '../../../webview/protocol';
import { parseWebviewMessage } from '../../../webview/validate';
import type { GroundedServices } from '../services';
import { askSaveUri, saveExport, saveFile, type ChooseSaveUri } from './exports';
import { networkExportFile } from './network-export';
import { openDisagreements } from './open-disagreements';
import { openCoding, openProblem } from './open-location';
import { withinGroup } from './overlaps';
import { panelHtml } from './panel-html';
import { askPackageFolder, exportedForRMessage, exportForR } from './r-export';
import { studyFacts } from './report-builder';
import { createReportComputer } from './report-worker/create-report-computer';
import { decodeReport } from './report-worker/encoded-report';
import type { ReportComputer } from './report-worker/report-computer';
import { ReportSuperseded } from './report-worker/worker-report-computer';
import { retrieveCode } from './retrieve-code';

export const ANALYSIS_VIEW_TYPE = 'grounded.analysis';

/**
 * Wait after a study change before rebuilding: a burst of sidecar writes should cost one report. The wait
 * grows with the last build (three times its duration, up to 10 s): even in a worker a build of a big study
 * takes a core for seconds, and where it runs in-process it holds the extension host's thread; it should
 * come when the person pauses, not between two codings.
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
  /** The last report as built (bytes), and decoded when something on this side asked for a figure. */
  private encodedReport: Uint8Array | undefined;
  private decodedReport: StudyReport | undefined;
  /** Where reports are computed (a worker, or in-process where none can start); tests may replace it. */
  computer: ReportComputer;
  /** Counts rebuilds asked for: a build's result is posted only if no newer build was asked for meanwhile. */
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private pending: ReturnType<typeof setTimeout> | undefined;
  private building: Promise<void> = Promise.resolve();
  /** The last message posted for a study object and request: a webview that reloads (hidden, then shown) gets it again without a rebuild. */
  private cache: { study: Study; key: string; message: HostMessage; wire?: unknown } | undefined;
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
  /** Replaced by tests to skip the folder dialog of Export for R. */
  chooseRFolder: ChooseSaveUri = askPackageFolder;
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
    this.computer = createReportComputer(services);
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

  /** The request an export for R uses: the panel's, with the coder fixed while blind coding. */
  get exportRequest(): ReportRequestState {
    return this.shownRequest();
  }

  get currentReport(): StudyReport | undefined {
    return this.report;
  }

  private get report(): StudyReport | undefined {
    if (this.decodedReport === undefined && this.encodedReport !== undefined)
      this.decodedReport = decodeReport(this.encodedReport);
    return this.decodedReport;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.pending) clearTimeout(this.pending);
    this.computer.dispose();
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
          return this.post(this.cache.message, this.cache.wire);
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
        const request = this.shownRequest();
        // A group only with a grouping, and only one of the report's groups: anything else did not come from the panel.
        const group = message.group;
        if (group !== undefined && !this.report?.coOccurrenceByGroup.some((g) => g.level === group)) {
          this.rejected++;
          return;
        }
        const { pairs, total } = await this.computer.overlaps(
          study,
          this.services.blind.visible,
          group !== undefined && request.by !== null ? withinGroup(request, request.by, group) : request,
          message.a,
          message.b,
        );
        await this.post({
          type: 'overlaps',
          a: message.a,
          b: message.b,
          ...(group !== undefined ? { group } : {}),
          pairs,
          total,
        });
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
      case 'exportR': {
        const study = await this.currentStudy();
        const folder = await exportForR(this.services, study, this.shownRequest(), this.chooseRFolder, this.computer);
        if (folder) void vscode.window.showInformationMessage(exportedForRMessage(folder));
        return;
      }
      case 'exportNetwork': {
        if (!this.report) return;
        const group = message.group;
        const by = this.report.options.by;
        if (group !== undefined && (by === null || !this.report.coOccurrenceByGroup.some((g) => g.level === group))) {
          this.rejected++;
          return;
        }
        const study = await this.currentStudy();
        const request = this.shownRequest();
        // Computed where the reports are (a study-wide pass over every coding for the co-occurrence).
        const network = await this.computer.network(
          study,
          this.services.blind.visible,
          group !== undefined && by !== null ? withinGroup(request, by, group) : request,
          message.cooccurrence,
        );
        const title = group !== undefined ? `${this.report.title}-${by}-${group}` : this.report.title;
        const file = networkExportFile(title, network, message.format);
        const saved = await saveFile(file, study, this.services.fs, this.chooseSaveUri);
        if (saved && file.warning !== undefined)
          void vscode.window.showWarningMessage(
            `Grounded: saved ${vscode.workspace.asRelativePath(saved)}, but ${file.warning}.`,
          );
        else if (saved)
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

  /**
   * Rebuilds and posts. A newer rebuild supersedes an older one: the older one's report is never posted (its
   * promise settles with the newer one's), so an older report never overwrites a newer one.
   */
  rebuild(): Promise<void> {
    const generation = ++this.generation;
    const built = this.buildAndPost(generation).catch((error: unknown) => {
      if (error instanceof ReportSuperseded) return;
      void vscode.window.showErrorMessage(
        `Grounded analysis: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    this.building = built.then(() => (generation === this.generation ? undefined : this.building));
    return this.building;
  }

  private async buildAndPost(generation: number): Promise<void> {
    // Hidden since the build was asked for (a change just before the panel was covered): nobody would see it.
    if (this.disposed || !this.panel.visible) return;
    this.builds++;
    const study = await this.currentStudy();
    const request = this.shownRequest();
    const started = Date.now();
    const outcome = await this.computer.report(study, this.services.blind.visible, request);
    if (generation !== this.generation || this.disposed) return;
    this.lastBuildMs = Date.now() - started;
    const facts = studyFacts(this.services.blind.view(study));
    this.panel.title = `Analysis: ${study.root.split('/').filter(Boolean).pop() ?? 'study'}`;
    if (!outcome.ok) {
      const message: HostMessage = { type: 'reportError', message: outcome.message, request, study: facts };
      this.cache = { study, key: this.cacheKey(request), message };
      await this.post(message);
      return;
    }
    this.encodedReport = outcome.encoded;
    this.decodedReport = undefined;
    this.openableFiles = new Set([...facts.problems.map((x) => x.file), ...outcome.files]);
    const message = reportMessage(outcome.encoded, request, facts);
    // The webview gets the report's bytes.
    const wire = { type: 'report', report: outcome.encoded, request, study: facts };
    this.cache = { study, key: this.cacheKey(request), message, wire };
    await this.post(message, wire);
  }

  /** Posts `wire` (the message as the webview receives it; by default the message itself). */
  private async post(message: HostMessage, wire: unknown = message): Promise<void> {
    if (this.disposed) return;
    await this.panel.webview.postMessage(wire);
    this.lastPosted = message;
    this.postedEmitter.fire(message);
  }
}

/**
 * The report message as this side sees it (tests, listeners): the report decoded only if one reads it.
 */
function reportMessage(encoded: Uint8Array, request: ReportRequestState, study: StudyFacts): HostMessage {
  let report: StudyReport | undefined;
  const message = { type: 'report' as const, request, study };
  return Object.defineProperty(message, 'report', {
    enumerable: true,
    get: () => (report ??= decodeReport(encoded)),
  }) as typeof message & { report: StudyReport };
}
