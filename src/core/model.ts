/**
 * The study model shared by the extension, the webview and the CLI.
 * Offsets are Unicode code points over the canonical text (see text/canonical.ts), end exclusive.
 */

/** A code of the codebook. `id` is stable: renaming a code changes `name` only, never a sidecar. */
export interface Code {
  readonly id: string;
  readonly name: string;
  readonly definition?: string;
  /** `#rrggbb`. */
  readonly color?: string;
  /** Id of the parent code (a category, for axial coding). */
  readonly parent?: string;
  readonly memo?: string;
  /** Stable GUID for REFI-QDA export; generated once and stored, never derived from the name. */
  readonly guid?: string;
  /** The core category of selective coding: the one code the others are integrated around. */
  readonly core?: boolean;
}

/**
 * A typed relation between two codes (axial coding): "hierarchy causes silence". `type` is the id of one
 * of the study's relation types (grounded.yaml `relationTypes`); for an undirected type, from and to are
 * interchangeable.
 */
export interface CodeRelation {
  readonly from: string;
  readonly type: string;
  readonly to: string;
  readonly memo?: string;
}

export interface Codebook {
  readonly codes: readonly Code[];
  /** Sorted by from, type, to; absent (or empty) when the codebook has none. */
  readonly relations?: readonly CodeRelation[];
}

/** A kind of relation between codes, from grounded.yaml or the default set. */
export interface RelationType {
  /** Stable id stored in the codebook, e.g. "causes". */
  readonly id: string;
  /** Whether "a causes b" differs from "b causes a". */
  readonly directed: boolean;
  /** What an edge shows; the id when absent. */
  readonly label?: string;
}

/** Why a coding is not cleanly anchored. Absent means anchored. */
export type CodingStatus = 'needs-review' | 'orphan';

/** One coded passage. A W3C TextQuoteSelector (quote/prefix/suffix) plus TextPositionSelector (start/end). */
export interface Coding {
  /** Stable id (a UUID), also the coding's GUID in REFI-QDA exports. */
  readonly id: string;
  /** Code id. */
  readonly code: string;
  readonly start: number;
  readonly end: number;
  /** Exact text between start and end when last anchored. */
  readonly quote: string;
  /** Up to PREFIX_LENGTH code points before the quote. */
  readonly prefix: string;
  /** Up to SUFFIX_LENGTH code points after the quote. */
  readonly suffix: string;
  /** Coder id (the sidecar's coder). */
  readonly by: string;
  readonly memo?: string;
  /**
   * Id of the language model that suggested this coding, which the coder accepted (absent: coded by hand).
   * Provenance only: a coding counts the same with or without it.
   */
  readonly assisted?: string;
  readonly status?: CodingStatus;
}

export const PREFIX_LENGTH = 32;
export const SUFFIX_LENGTH = 32;

/**
 * One coder's codings of one transcript. One file per transcript and coder keeps git merges clean:
 * two coders on two branches never touch the same file.
 */
export interface Sidecar {
  /** File name of the transcript, relative to the sidecar's folder. */
  readonly transcript: string;
  /** Coder id: lowercase letters, digits, '-' and '_'. */
  readonly coder: string;
  /** Hash of the canonical transcript text the offsets were anchored against (text/hash.ts). */
  readonly textHash: string;
  /** Sorted by start, end, code, id. */
  readonly codings: readonly Coding[];
}

/** A free-standing grounded-theory memo (memos/*.md). */
export interface Memo {
  readonly uri: string;
  readonly title: string;
  /** Code ids the memo is about (front matter `codes:`). */
  readonly codes: readonly string[];
  readonly body: string;
}

/** grounded.yaml, with every default filled in. */
export interface StudySettings {
  /** Glob patterns (relative to the study root, '/' separated) of transcripts. */
  readonly transcripts: readonly string[];
  readonly exclude: readonly string[];
  /** Codebook file, relative to the study root. */
  readonly codebook: string;
  /** Memo folder, relative to the study root. */
  readonly memos: string;
  readonly survey: SurveySettings;
  readonly participants: ParticipantSettings;
  readonly analysis: AnalysisSettings;
  /** The relation types codes may be related by (the default set unless grounded.yaml lists its own). */
  readonly relationTypes: readonly RelationType[];
}

/**
 * What a participant whose transcripts no included coder has coded counts as in code figures:
 * `missing` (left out of the denominator: unknown until someone reads it) or `absent` (0: the study
 * declares that every transcript has been read, so a transcript without a sidecar has none of the codes).
 */
export const UNCODED_MODES = ['missing', 'absent'] as const;
export type UncodedMode = (typeof UNCODED_MODES)[number];

export interface AnalysisSettings {
  /** Participants without a transcript (survey only) stay missing in both modes: not interviewed is not "absent". */
  readonly uncoded: UncodedMode;
}

export interface SurveySettings {
  /** CSV files relative to the study root; rows are joined on `idColumn`. */
  readonly files: readonly string[];
  readonly idColumn: string;
  /** Cell values that mean "missing". */
  readonly missing: readonly string[];
  /** Per-column type overrides (numeric, ordinal, categorical, yes-no, text, date). */
  readonly types: Readonly<Record<string, string>>;
}

export interface ParticipantSettings {
  /**
   * Regular expression applied to the transcript file name without extension; the named group `id`
   * (or the first group, or the whole match) is the participant id. Default: the whole stem.
   */
  readonly pattern?: string;
  /** Transcript path (relative to the study root) → participant id, for files the pattern can't map. */
  readonly overrides: Readonly<Record<string, string>>;
}

/** A transcript of the study, with its canonical text loaded. */
export interface Transcript {
  readonly uri: string;
  /** Path relative to the study root, '/' separated. */
  readonly path: string;
  readonly participant?: string;
  /** Canonical text: decoded, BOM stripped, LF line ends. */
  readonly text: string;
  readonly textHash: string;
}
