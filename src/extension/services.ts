import type * as vscode from 'vscode';
import type { FileSystemPort } from '../core/ports/file-system';
import type { StudyService } from './study/study-service';
import type { LiveCodings } from './study/live-codings';
import type { CoderIdentity } from './study/coder-identity';
import type { Platform } from './platform/platform';

/** What every feature of the extension is handed at activation. Features own their registrations. */
export interface GroundedServices {
  readonly context: vscode.ExtensionContext;
  readonly platform: Platform;
  readonly fs: FileSystemPort;
  readonly studies: StudyService;
  readonly live: LiveCodings;
  readonly coder: CoderIdentity;
  /** State features expose to the integration tests (read through the extension's exports), by area. */
  testHooks?: Record<string, unknown>;
}

/** A feature area: registers its commands, providers and views, all owned by context.subscriptions. */
export type Feature = (services: GroundedServices) => void;
