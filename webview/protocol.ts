/**
 * Messages between the analysis panel's host (src/extension/analysis-panel) and its webview. Plain JSON
 * only; no vscode or Node imports, so both sides compile it. Every message is checked on arrival against
 * these shapes (webview/validate.ts): a webview is a web page showing other people's text, so the host
 * treats whatever it posts as untrusted input, and the webview does the same the other way round.
 */
import type { ReportFilter, ReportProblem, ReportQuote, StudyReport } from '../src/core/analysis/report-types';
import type { UncodedMode } from '../src/core/model';

export type { ReportFilter, ReportProblem, StudyReport };

/** What the host builds the report with (buildStudyReport's options). */
export interface ReportRequestState {
  by: string | null;
  /** null: every coder, pooled. */
  coders: string[] | null;
  filters: ReportFilter[];
  /** What a participant nobody coded counts as; absent (the key): the study's `analysis.uncoded`. */
  uncoded?: UncodedMode;
}

/** Facts about the study that the report does not carry. */
export interface StudyFacts {
  /** Study folder URI, so a restored panel reopens the same study. */
  root: string;
  transcripts: number;
  /** study.problems (loading and validation), paths relative to the study root. */
  problems: ReportProblem[];
}

/** A coding's quote and place, as the panel lists it (co-occurrence drill-down): a report quote without agreement and problems. */
export type QuoteRef = Omit<ReportQuote, 'agreed' | 'problems'>;

/** Two overlapping codings, one of each code. */
export interface OverlapPair {
  a: QuoteRef;
  b: QuoteRef;
}

export type HostMessage =
  /** A fresh report for the request (after ready, a changed request, or a change in the study). */
  | { type: 'report'; report: StudyReport; request: ReportRequestState; study: StudyFacts }
  /** The request could not be answered (e.g. the grouping column left the survey); the panel says why. */
  | { type: 'reportError'; message: string; request: ReportRequestState; study: StudyFacts | null }
  /** The overlapping codings of a co-occurrence cell (of one group's network when `group` is given). */
  | { type: 'overlaps'; a: string; b: string; group?: string; pairs: OverlapPair[]; total: number };

export type ExportFormat = 'markdown' | 'html';

/** A table cell as CSV receives it: numbers stay numbers, text is formula-escaped by the host. */
export type CsvValue = string | number | null;

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'setRequest'; request: ReportRequestState }
  | { type: 'openCoding'; transcript: string; start: number; end: number; codingId: string }
  | { type: 'openProblem'; file: string; line: number; column: number }
  /** The overlapping codings of two codes; `group`: only that group's (a co-occurrence edge of one group's network). */
  | { type: 'requestOverlaps'; a: string; b: string; group?: string }
  /** Open Compare Coders for the two coders at the first disagreement on `code` (agreement section). */
  | { type: 'openDisagreements'; first: string; second: string; code: string }
  | { type: 'exportTable'; name: string; header: string[]; rows: CsvValue[][] }
  | { type: 'exportSvg'; name: string; svg: string }
  | { type: 'exportPng'; name: string; dataUrl: string }
  | { type: 'exportReport'; format: ExportFormat }
  | { type: 'exportR' }
  /** Open a code's quotes in Retrieve with the panel's filters (and, from a group's network, that group). */
  | { type: 'retrieveCode'; code: string; group: string | null }
  /**
   * Save the network as the host renders it (`grounded export network`), co-occurrence edges at a threshold;
   * with `group`, that group's network (`grounded export network --by`).
   */
  | { type: 'exportNetwork'; format: NetworkExportFormat; cooccurrence: number | null; group?: string };

export type NetworkExportFormat = 'graphml' | 'mermaid';

/** The webview's state as VS Code keeps it across reloads (vscode.setState); the host reads it on restore. */
export interface PanelState {
  version: 1;
  tab: SectionId;
  request: ReportRequestState;
  studyRoot: string | null;
  /** Page per paged table id. */
  pages: Record<string, number>;
  /** Heatmap metric. */
  coMetric: CoMetric;
  /** Selected co-occurrence cell. */
  coCell: { a: string; b: string } | null;
  /** Variable shown by code presence (Codes section). */
  codeVariable: string | null;
  /** Network section: least Jaccard of a co-occurrence edge, null for none. */
  netThreshold: number | null;
  /** Network section: the selected edge's key. */
  netEdge: string | null;
}

export const SECTION_IDS = [
  'overview',
  'variables',
  'groups',
  'codes',
  'cooccurrence',
  'joint',
  'agreement',
  'network',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const CO_METRICS = ['participants', 'overlaps', 'jaccard'] as const;
export type CoMetric = (typeof CO_METRICS)[number];

/** Limits on what a message may carry: a compromised webview must not make the host write gigabytes. */
export const LIMITS = {
  name: 200,
  column: 500,
  filters: 50,
  coders: 200,
  tableRows: 200_000,
  tableColumns: 200,
  cell: 100_000,
  svg: 20_000_000,
  png: 40_000_000,
  path: 4096,
} as const;
