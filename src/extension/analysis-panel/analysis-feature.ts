import * as vscode from 'vscode';
import { parsePanelState } from '../../../webview/validate';
import type { ReportRequestState } from '../../../webview/protocol';
import type { Feature } from '../services';
import { AnalysisPanel, ANALYSIS_VIEW_TYPE } from './analysis-panel';
import { webviewOptions } from './panel-html';
import { ANALYSIS_COMMANDS } from './commands';
import { bindCommands, commandArgs } from '../shared/register-command';
import { whichStudy } from '../shared/which-study';
import { askGrouping, exportForR, exportedForRMessage } from './r-export';

/** What the integration tests read through services.testHooks.analysisPanel. */
export interface AnalysisPanelHooks {
  panels(): AnalysisPanel[];
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

  bindCommands(context, ANALYSIS_COMMANDS, {
    openAnalysis: async (arg?: unknown) => {
      // A script names the study with { study }; otherwise the usual rule (see whichStudy).
      const study = await whichStudy(services.studies, commandArgs(arg).study());
      if (!study) return undefined;
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
    },
    exportForR: async (arg?: unknown) => {
      const study = await whichStudy(services.studies, commandArgs(arg).study());
      if (!study) return undefined;
      // The open panel's grouping, coders and filters; without a panel, the grouping is asked.
      let request = panels.get(study.root)?.exportRequest;
      if (!request) {
        const by = await askGrouping(services, study);
        if (by === undefined) return undefined;
        const visible = services.blind.visible;
        request = {
          by,
          coders: visible.blind ? (visible.coder === undefined ? null : [visible.coder]) : null,
          filters: [],
        };
      }
      const folder = await exportForR(services, study, request, undefined, panels.get(study.root)?.computer);
      if (folder) void vscode.window.showInformationMessage(exportedForRMessage(folder));
      return folder;
    },
  });
  context.subscriptions.push(
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
