import type {
  Codebook,
  CodeNetwork,
  DirectoryEntry,
  FileStat,
  Loaded,
  MergedSurvey,
  RefiExportOptions,
  SurveyFile,
  SurveySettings,
  VisibleCoders,
} from '../../../core/index';
import type { OverlapPair, ReportRequestState } from '../../../../webview/protocol';
import type { EncodedOutcome } from './encoded-report';
import type { RefiProjectOutcome, RPackageOutcome } from './outcomes';
import type { MessageEnd, StudyMessage } from '../../shared/worker-messages';

export type { MessageEnd };

export interface OverlapsResult {
  readonly pairs: OverlapPair[];
  readonly total: number;
}

/**
 * What the extension host posts to the report worker. Every value is plain data (structured clone);
 * transcripts are sent once and then referenced by id, so a rebuild after one coding posts one transcript.
 */
export type ToWorker =
  | StudyMessage
  | {
      readonly type: 'report';
      readonly job: number;
      readonly visible: VisibleCoders;
      readonly request: ReportRequestState;
    }
  | {
      readonly type: 'overlaps';
      readonly job: number;
      readonly visible: VisibleCoders;
      readonly request: ReportRequestState;
      readonly a: string;
      readonly b: string;
    }
  | {
      readonly type: 'r-package';
      readonly job: number;
      readonly visible: VisibleCoders;
      readonly request: ReportRequestState;
    }
  | {
      readonly type: 'network';
      readonly job: number;
      readonly visible: VisibleCoders;
      readonly request: ReportRequestState;
      readonly threshold: number | null;
    }
  | {
      readonly type: 'refi-project';
      readonly job: number;
      readonly codebook: Codebook;
      readonly options: RefiExportOptions;
    }
  | {
      readonly type: 'survey';
      readonly job: number;
      readonly files: readonly SurveyFile[];
      readonly settings: SurveySettings;
    }
  | { readonly type: 'answer'; readonly call: number; readonly value: FileAnswer }
  | { readonly type: 'refusal'; readonly call: number; readonly message: string };

/** The worker reads survey files through the host's file system (it has none of its own on the web). */
export type FileQuestion =
  | { readonly op: 'readFile'; readonly uri: string }
  | { readonly op: 'stat'; readonly uri: string }
  | { readonly op: 'list'; readonly uri: string };

export type FileAnswer = Uint8Array | FileStat | undefined | readonly DirectoryEntry[];

export type FromWorker =
  | { readonly type: 'ask'; readonly call: number; readonly question: FileQuestion }
  | { readonly type: 'report'; readonly job: number; readonly outcome: EncodedOutcome }
  | { readonly type: 'overlaps'; readonly job: number; readonly result: OverlapsResult }
  | { readonly type: 'survey'; readonly job: number; readonly loaded: Loaded<MergedSurvey> }
  | { readonly type: 'r-package'; readonly job: number; readonly outcome: RPackageOutcome }
  | { readonly type: 'refi-project'; readonly job: number; readonly outcome: RefiProjectOutcome }
  | { readonly type: 'network'; readonly job: number; readonly network: CodeNetwork }
  | { readonly type: 'failed'; readonly job: number; readonly message: string };
