import type { Skipped } from './project-model';

/** A file of the study an import will create: path relative to the study folder ('/' separated) and text. */
export interface PlannedFile {
  readonly path: string;
  readonly text: string;
}

/** Something imported, but not exactly as it was: said in the summary, never kept quiet. */
export interface ImportWarning {
  readonly where: string;
  readonly message: string;
}

export interface ImportedTranscript {
  readonly path: string;
  /** The source's name in the project. */
  readonly source: string;
  readonly participant: string;
  readonly codings: number;
  readonly coders: readonly string[];
}

export interface ImportSummary {
  readonly project?: string;
  readonly transcripts: readonly ImportedTranscript[];
  readonly codes: number;
  readonly codings: number;
  /** Of `codings`, how many were imported as orphans (their positions did not fit the source). */
  readonly orphans: number;
  readonly coders: readonly string[];
  readonly memos: number;
  readonly surveyRows: number;
  readonly surveyColumns: number;
  readonly notImported: readonly Skipped[];
  readonly warnings: readonly ImportWarning[];
}

/** The whole new study, built in memory before anything is written. */
export interface ImportPlan {
  readonly files: readonly PlannedFile[];
  readonly summary: ImportSummary;
}
