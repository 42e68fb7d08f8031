import type * as vscode from 'vscode';
import type { FileSystemPort, SurveyCache } from '../core/index';
import type { StudyService } from './study/study-service';
import type { LiveCodings } from './study/live-codings';
import type { DocumentTexts } from './study/document-text';
import type { CoderIdentity } from './study/coder-identity';
import type { BlindCoding } from './study/blind-coding';
import type { Platform } from './platform/platform';

/** What every feature of the extension is handed at activation. Features own their registrations. */
export interface GroundedServices {
  readonly context: vscode.ExtensionContext;
  readonly platform: Platform;
  /** The files on disk (local, remote or virtual): what the study is loaded from. */
  readonly fs: FileSystemPort;
  /**
   * The one editor-aware view of the same files: open Grounded files are read from and replaced in their
   * editors, locks are the disk's. Every feature that changes a study file writes through it.
   */
  readonly editorAwareFs: FileSystemPort;
  readonly studies: StudyService;
  /** Open documents' text in the core's terms (code-point offsets, the text's hash). */
  readonly texts: DocumentTexts;
  readonly live: LiveCodings;
  readonly coder: CoderIdentity;
  /** Whose codings are displayed (blind coding shows only the current coder's). */
  readonly blind: BlindCoding;
  /** The last parse of each study's survey, shared by the views and commands that filter by it. */
  readonly surveys: SurveyCache;
  /** State features expose to the integration tests (read through the extension's exports), by area. */
  testHooks?: Record<string, unknown>;
}

/** A feature area: registers its commands, providers and views, all owned by context.subscriptions. */
export type Feature = (services: GroundedServices) => void;
