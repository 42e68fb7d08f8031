import * as vscode from 'vscode';
import type { Study } from '../../core/study/study';
import { parsePanelState } from '../../../webview/validate';
import type { ReportRequestState } from '../../../webview/protocol';
import type { Feature, GroundedServices } from '../services';
import { AnalysisPanel, ANALYSIS_VIEW_TYPE } from './analysis-panel';
import { webviewOptions } from './panel-html';

/** What the integration tests read through services.testHooks.analysisPanel. */
export interface AnalysisPanelHooks {
  panels(): AnalysisPanel[];
}

/** The study to analyse: the one named by a script, the active editor's, the only one, or one picked. */
async function chooseStudy(services: GroundedServices, arg: unknown): Promise<Study | undefined> {
  const named =
    typeof arg === 'object' && arg !== null && typeof (arg as { study?: unknown }).study === 'string'
      ? (arg as { study: string }).study
      : undefined;
  if (named !== undefined) return services.studies.study(named);
  const active = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = active ? await services.studies.studyFor(active) : undefined;
  if (fromEditor) return fromEditor;
  const roots = await services.studies.studyRoots();
  if (roots.length <= 1) return roots[0] === undefined ? undefined : services.studies.study(roots[0]);
  const picked = await vscode.window.showQuickPick(
    roots.map((root) => ({ label: vscode.workspace.asRelativePath(vscode.Uri.parse(root)) || root, root })),
    { placeHolder: 'Analyse which study?' },
  );
  return picked ? services.studies.study(picked.root) : undefined;
}

/**
 * The analysis panel: the command (palette and the codebook view's title bar) and the serializer that
 * restores open panels after a reload with the request the webview kept in its state. One panel per study.
 */
export const analysisPanelFeature: Feature = (services) => {
  const { context } = services;
  const panels = new Map<string, AnalysisPanel>();

  const track = (controller: AnalysisPanel) => {
    panels.set(controller.root, controller);
    controller.onDidDispose(() => {
      if (panels.get(controller.root) === controller) panels.delete(controller.root);
    });
    return controller;
  };

  const open = (panel: vscode.WebviewPanel, root: string, request: ReportRequestState) =>
    track(new AnalysisPanel(panel, root, services, request));

  context.subscriptions.push(
    vscode.commands.registerCommand('grounded.openAnalysis', async (arg?: unknown) => {
      const study = await chooseStudy(services, arg);
      if (!study) {
        void vscode.window.showInformationMessage('Grounded: open a folder with a study to analyse it.');
        return undefined;
      }
      const existing = panels.get(study.root);
      if (existing) {
        existing.panel.reveal();
        return existing;
      }
      const panel = vscode.window.createWebviewPanel(
        ANALYSIS_VIEW_TYPE,
        'Analysis',
        vscode.ViewColumn.Active,
        webviewOptions(context.extensionUri),
      );
      return open(panel, study.root, { by: null, coders: null, filters: [] });
    }),
    vscode.window.registerWebviewPanelSerializer(ANALYSIS_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const restored = parsePanelState(state);
        const roots = await services.studies.studyRoots();
        const root = restored.studyRoot !== null && roots.includes(restored.studyRoot) ? restored.studyRoot : roots[0];
        if (root === undefined || panels.has(root)) {
          panel.dispose();
          return;
        }
        panel.webview.options = webviewOptions(context.extensionUri);
        open(panel, root, restored.request);
      },
    }),
    { dispose: () => [...panels.values()].forEach((p) => p.dispose()) },
  );
  const hooks: AnalysisPanelHooks = { panels: () => [...panels.values()] };
  services.testHooks = { ...services.testHooks, analysisPanel: hooks };
};
