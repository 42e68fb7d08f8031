import * as vscode from 'vscode';
import { FileAccessReporting, SurveyCache } from '../core/index';
import { parseSurveyInWorker } from './analysis-panel/report-worker/survey-parser';
import { WorkspaceFileSystem } from './platform/workspace-file-system';
import type { Platform } from './platform/platform';
import { StudyService } from './study/study-service';
import { LiveCodings } from './study/live-codings';
import { CoderIdentity } from './study/coder-identity';
import { BlindCoding } from './study/blind-coding';
import { DocumentTexts } from './study/document-text';
import type { Feature, GroundedServices } from './services';
import { FEATURES } from './features';
import { EditorAwareFileSystem } from './platform/editor-aware-file-system';

/**
 * Activation shared by the desktop and the web entry points: builds the services, then lets each feature
 * register what it owns. Nothing here touches Node APIs; the platform object carries what differs.
 */
export function activateGrounded(
  context: vscode.ExtensionContext,
  platform: Platform,
  features: readonly Feature[] = FEATURES,
): GroundedServices {
  const workspaceFs = new WorkspaceFileSystem();
  // Every refusal (no permission, a full disk…) names its file and says what to do, as in the CLI.
  const fs = new FileAccessReporting(platform.fileSystem ? platform.fileSystem(workspaceFs) : workspaceFs);
  const studies = new StudyService(fs, platform.sha256);
  const texts = new DocumentTexts(platform.sha256);
  const coder = new CoderIdentity(platform);
  const blind = new BlindCoding(coder);
  const live = new LiveCodings(studies, texts, blind);
  context.subscriptions.push(
    studies,
    blind,
    live,
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('grounded.coder')) coder.reset();
    }),
  );
  const editorAwareFs = new EditorAwareFileSystem(fs);
  const services: GroundedServices = {
    context,
    platform,
    fs,
    editorAwareFs,
    studies,
    texts,
    live,
    coder,
    blind,
    // Parsed in a worker where the platform starts one: a big survey's first parse would hold the host.
    surveys: new SurveyCache(
      platform.reportWorker ? parseSurveyInWorker(() => platform.reportWorker!(context.extensionUri)) : undefined,
    ),
  };
  for (const feature of features) feature(services);
  return services;
}
