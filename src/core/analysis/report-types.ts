/**
 * The result model of Grounded's analyses: what `grounded report --format json` prints, what the Markdown
 * and HTML renderers and the webview analysis panel read. Plain JSON only (no Maps, classes, undefined
 * inside arrays, NaN or Infinity), so a report crosses the webview boundary and serializes unchanged.
 * schemas/report.schema.json describes the same shape; change both together and bump REPORT_FORMAT.
 *
 * Conventions used by every part:
 * - `n` is the number of observations a figure is based on, `missing` the number left out because a value
 *   was missing. Both are always present.
 * - A statistic that cannot be computed is `null`, never NaN, with a `reason` in words.
 * - Shares are `proportion`s on the 0–1 scale, and so is the `ci` beside them (Wilson score interval, as
 *   R's prop.test(x, n, correct = FALSE)$estimate and $conf.int): a value and its interval always share a
 *   scale. Renderers show them as percentages. `ci` of a mean is in the variable's own unit (t-based, as
 *   R's t.test).
 * - Intervals are 95% unless `StudyReport.options.confidence` says otherwise.
 * - Names that scripts rely on (`n`, `missing`, `mean`, `sd`, `median`, `ci`, `levels`, `groups`,
 *   `tests`, `effect`) are part of the contract and are never renamed within a REPORT_FORMAT.
 */

import type { UncodedMode } from '../model';
import type { CodeNetwork } from '../network/network-types';

/** Identifies the JSON layout; bumped on any incompatible change. */
export const REPORT_FORMAT = 'grounded-report/2';

/** [lower, upper]. */
export type Interval = [number, number];

/** A survey variable's type, as the survey module infers or the settings declare it. */
export type ReportVariableType = 'numeric' | 'ordinal' | 'categorical' | 'yes-no' | 'text' | 'date';

// ---------------------------------------------------------------------------------------------------------
// Tests and effect sizes

/** Names of the hypothesis tests a report may contain (the same ids as the statistics core). */
export type ReportTestName =
  'welch-t' | 'mann-whitney' | 'welch-anova' | 'kruskal-wallis' | 'chi-square' | 'fisher-exact';

/** One hypothesis test, two-sided. */
export interface ReportTest {
  name: ReportTestName;
  /**
   * t (welch-t), W = U of the first group as R's wilcox.test (mann-whitney), F (welch-anova),
   * H (kruskal-wallis), X² (chi-square); always null for fisher-exact, which has no statistic.
   */
  statistic: number | null;
  /** Degrees of freedom: a number, [df1, df2] for welch-anova; absent for tests without df. */
  df?: number | Interval;
  /** null when the test cannot run for these data; `reason` says why. */
  p: number | null;
  /** Observations the test used. */
  n: number;
  /** Observations left out because a value was missing. */
  missing: number;
  /** Variant details a reader must know to reproduce it, e.g. "Yates' continuity correction", "exact p". */
  method?: string;
  /** Why `p` (or `statistic`) is null: too few participants, constant data, a single group… */
  reason?: string;
  /** Holm-adjusted p across the family named in the containing section; absent outside such a family. */
  pHolm?: number | null;
  /** Benjamini–Hochberg-adjusted p across the same family. */
  pBH?: number | null;
}

export type ReportEffectName =
  'hedges-g' | 'odds-ratio' | 'conditional-mle-odds-ratio' | 'risk-difference' | 'cramers-v';

/** An effect size with its CI. */
export interface ReportEffect {
  name: ReportEffectName;
  /** null when undefined for these data (`reason` says why). */
  value: number | null;
  ci: Interval | null;
  /** How the CI was computed (for the methods section); null when there is no CI. */
  ciMethod: string | null;
  /** What the sign or direction means, e.g. "female − male" or "odds of the code, female vs male". */
  direction?: string;
  n: number;
  missing: number;
  reason?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Descriptives

/** A count of one label, with its share of the non-missing answers. */
export interface LevelCount {
  level: string;
  count: number;
  /** count / `n` of the containing summary, 0–1; null when n is 0. */
  proportion: number | null;
  /** Wilson CI of the proportion, 0–1 scale; null when n is 0. */
  ci: Interval | null;
}

/** Numeric summary (R: mean, sd with n − 1, quantile type 7, t.test(x)$conf.int). */
export interface NumericSummary {
  n: number;
  missing: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  iqr: number | null;
  min: number | null;
  max: number | null;
  /** CI of the mean; null for fewer than 2 values. */
  ci: Interval | null;
  reason?: string;
}

/** Descriptives of a numeric or ordinal survey column. */
export interface NumericVariable extends NumericSummary {
  kind: 'numeric';
  name: string;
  type: 'numeric' | 'ordinal';
  /** Ordinal columns: the scale, so "3.2" can be shown as "3.2/5". */
  scale?: { min: number; max: number; labels?: string[] };
  /** Ordinal columns: the distribution over every scale point (empty points included). */
  levels?: LevelCount[];
}

/** Descriptives of a categorical or yes-no column. */
export interface CategoricalVariable {
  kind: 'categorical';
  name: string;
  type: 'categorical' | 'yes-no';
  n: number;
  missing: number;
  /** Every level of the column (yes-no: the false label, then the true label), including empty ones. */
  levels: LevelCount[];
}

/** Text and date columns are listed, not summarized: averaging free text means nothing. */
export interface OtherVariable {
  kind: 'other';
  name: string;
  type: 'text' | 'date';
  n: number;
  missing: number;
  /** Distinct non-missing values. */
  distinct: number;
}

export type VariableSummary = NumericVariable | CategoricalVariable | OtherVariable;

// ---------------------------------------------------------------------------------------------------------
// Group comparisons

/** One group of a numeric comparison (a level of the grouping variable, or code present/absent). */
export interface NumericGroup extends NumericSummary {
  level: string;
}

/** A contingency table: rows are the groups, columns the outcome levels. */
export interface ContingencyTable {
  rowLevels: string[];
  columnLevels: string[];
  /** counts[i][j]: participants in group i with outcome j. */
  counts: number[][];
  /** Expected counts under independence; null when a margin is 0 or the table is smaller than 2 × 2. */
  expected: number[][] | null;
}

/** One group of a categorical comparison: the distribution of the outcome within the group. */
export interface CategoricalGroup {
  level: string;
  n: number;
  levels: LevelCount[];
}

interface ComparisonBase {
  /** The compared variable (a survey column). */
  variable: string;
  variableType: ReportVariableType;
  /** The grouping column. */
  by: string;
  /** Participants with both the variable and the group present. */
  n: number;
  /** Participants left out because the variable or the group was missing. */
  missing: number;
  /**
   * Every test that applies, in a fixed order: numeric → welch-t + mann-whitney (2 groups) or
   * welch-anova + kruskal-wallis (more); categorical → chi-square or fisher-exact (one of them, by the
   * expected-count rule). Empty when no test can run (`reason`).
   */
  tests: ReportTest[];
  /** The headline effect size: hedges-g (numeric, 2 groups), odds-ratio (2 × 2), cramers-v (larger tables). */
  effect: ReportEffect | null;
  /** Further effect sizes (risk difference for 2 × 2, the conditional MLE odds ratio with Fisher). */
  otherEffects: ReportEffect[];
  /** Why no test could run at all (a single group, no participants…). */
  reason?: string;
}

export interface NumericComparison extends ComparisonBase {
  kind: 'numeric';
  groups: NumericGroup[];
}

export interface CategoricalComparison extends ComparisonBase {
  kind: 'categorical';
  groups: CategoricalGroup[];
  table: ContingencyTable;
}

export type GroupComparison = NumericComparison | CategoricalComparison;

// ---------------------------------------------------------------------------------------------------------
// Codes

/** How often a code is used. A category aggregates its children (a participant counted once). */
export interface CodeSummary {
  id: string;
  name: string;
  parent: string | null;
  /** 0 for top-level codes. */
  depth: number;
  /** False for a code used in codings but missing from the codebook. */
  inCodebook: boolean;
  /** True when the code has children, so its counts include theirs. */
  category: boolean;
  /** Codings of the code and its descendants, by the included coders. */
  codings: number;
  /** Codings of exactly this code (not its descendants). */
  ownCodings: number;
  transcripts: number;
  /** Participants with at least one such coding. */
  participants: number;
  /**
   * Participants whose codes are known (`ParticipantCoverage.codesKnown`): the denominator of `proportion`.
   * With `uncoded: missing` these are the coded participants.
   */
  total: number;
  /** participants / total, 0–1; null when total is 0. */
  proportion: number | null;
  /** Wilson CI of the share, 0–1. */
  ci: Interval | null;
}

/** A code's prevalence within one group. */
export interface CodeGroup {
  level: string;
  /** Participants of the group with the code. */
  participants: number;
  /** Participants of the group whose codes are known (the coded ones, with `uncoded: missing`). */
  total: number;
  /** participants / total, 0–1. */
  proportion: number | null;
  ci: Interval | null;
}

/**
 * Prevalence of one code by group, with the contingency test (group × present/absent). Each test carries
 * `pHolm` and `pBH` adjusted across every code of the report (one family).
 */
export interface CodeByGroup {
  code: string;
  name: string;
  by: string;
  /** Coded participants whose group is known. */
  n: number;
  /** Coded participants whose group is missing (or who have no survey row). */
  missing: number;
  groups: CodeGroup[];
  /** Rows: groups; columns: ["present", "absent"]. */
  table: ContingencyTable;
  tests: ReportTest[];
  effect: ReportEffect | null;
  otherEffects: ReportEffect[];
  reason?: string;
}

/**
 * A numeric survey variable among participants with vs without a code (e.g. burnout by "rejected the
 * assigned mentor"). Groups are ["with code", "without code"]; Hedges' g is with − without. Tests carry
 * `pHolm`/`pBH` adjusted across all codes for this variable.
 */
export interface CodeNumericComparison {
  code: string;
  name: string;
  variable: string;
  n: number;
  missing: number;
  groups: NumericGroup[];
  tests: ReportTest[];
  effect: ReportEffect | null;
  reason?: string;
}

/** Two codes together: in overlapping passages and in the same participants. */
export interface CoOccurrence {
  a: string;
  b: string;
  /**
   * Pairs of codings (one of each code, same transcript, same coder) sharing at least one character.
   * Two coders' codings of one passage are agreement, not co-occurrence, so they are not paired.
   */
  overlaps: number;
  /** Transcripts with at least one such overlapping pair. */
  overlapTranscripts: number;
  /** Participants with both codes anywhere in their transcripts. */
  participants: number;
  /** Participants with either code. */
  participantsEither: number;
  /** participants / participantsEither (Jaccard index over participants); null when neither is used. */
  jaccard: number | null;
}

/** Co-occurrence among one group's participants (`options.by` = `level`): the same figures, over the group alone. */
export interface GroupCoOccurrence {
  level: string;
  /** The group's participants whose codes are known: the universe of its Jaccard indices. */
  participants: number;
  /** Code pairs that co-occur at least once in the group, most shared participants first. */
  pairs: CoOccurrence[];
}

// ---------------------------------------------------------------------------------------------------------
// Joint display

/** Longest quote a report carries, in code points; longer codings are cut at a word boundary. */
export const QUOTE_LIMIT = 300;

/** A quote chosen to illustrate a code in a group. */
export interface ReportQuote {
  /** The coded text, shortened to QUOTE_LIMIT code points (then `truncated`). */
  text: string;
  truncated: boolean;
  participant: string;
  /** Transcript path relative to the study root. */
  transcript: string;
  /** Code-point offsets in the transcript's canonical text. */
  start: number;
  end: number;
  /** The coding's own code (a child of the row's code when the row is a category). */
  code: string;
  codingId: string;
  coder: string;
  /** True when another coder coded an overlapping passage with the same code. */
  agreed: boolean;
}

export interface JointCell {
  level: string;
  participants: number;
  total: number;
  proportion: number | null;
  ci: Interval | null;
  quotes: ReportQuote[];
}

export interface JointRow {
  code: string;
  name: string;
  depth: number;
  cells: JointCell[];
}

/** Codes × groups: prevalence with representative quotes in every cell. */
export interface JointDisplay {
  by: string;
  groups: string[];
  rows: JointRow[];
  /** How quotes were chosen, in words (for the methods section). */
  quoteRule: string;
}

// ---------------------------------------------------------------------------------------------------------
// Participants, options, problems

export interface ReportProblem {
  /** Path relative to the study root (or the URI when outside it). */
  file: string;
  /** 1-based; 0 when about the whole file. */
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  kind: string;
  message: string;
  hint?: string;
}

/** Transcripts coded so far: "38 / 44 coded by amara, 10 / 44 by jonas". */
export interface ReportProgress {
  /** Every transcript of the study. */
  total: number;
  /** Transcripts at least one coder has a sidecar for. */
  codedByAnyone: number;
  /** Per coder, most transcripts first: `codedEmpty` of them were marked coded with nothing applying. */
  coders: { coder: string; coded: number; codedEmpty: number }[];
  /** The line as the overview shows it. */
  text: string;
}

/** Who is in the analysis and who could not be joined. */
export interface ParticipantCoverage {
  /** Participants after the filter: survey rows and transcripts, joined by id. */
  total: number;
  /** …with a survey row. */
  withSurvey: number;
  /** …with at least one transcript. */
  withTranscript: number;
  /** …with a transcript that at least one included coder coded. */
  coded: number;
  /** …with transcripts, none of them coded by an included coder (missing or 0 by `uncoded`). */
  notCoded: number;
  /** …without a transcript (survey only): missing in every code figure, whatever `uncoded` says. */
  withoutTranscript: number;
  /** What a participant in `notCoded` counts as: `missing` (left out of code figures) or `absent` (0). */
  uncoded: UncodedMode;
  /**
   * …whose code presence is known: the denominator of code prevalence. `coded`, plus `notCoded` when
   * `uncoded` is `absent`.
   */
  codesKnown: number;
  /** …in `codesKnown` with a survey row (the base of code × survey analyses). */
  joined: number;
  /** Participants the `where` filter left out (those without a survey row cannot pass a filter). */
  excludedByFilter: number;
  /** Transcripts whose participant has no survey row (`sameIgnoringCase`: a near match, never used). */
  transcriptsWithoutRow: { transcript: string; participant: string; sameIgnoringCase?: string }[];
  /** Transcripts no participant id could be derived for (left out entirely). */
  transcriptsWithoutParticipant: string[];
  /** Survey rows without a transcript. */
  rowsWithoutTranscript: { participant: string; file: string; line: number }[];
}

export interface ReportFilter {
  column: string;
  /** Compared with the cell as written (yes-no columns: their label). */
  value: string;
}

export interface ReportOptions {
  /** Grouping column, or null for a report without group comparisons. */
  by: string | null;
  /** Coders whose codings count; null = every coder (the union). */
  coders: string[] | null;
  /** Rows kept when every filter matches. */
  filters: ReportFilter[];
  /** What an uncoded transcript's participant counts as (the study's `analysis.uncoded`, or the request's). */
  uncoded: UncodedMode;
  confidence: number;
  quotesPerCell: number;
}

/**
 * A coefficient beside its table: the value, or null with `<name>Reason` in words (the shape of
 * `grounded agree --json`, except that `percent` is a proportion 0–1 as every share in this report).
 */
export interface ReportAgreementTable {
  both: number;
  first: number;
  second: number;
  neither: number;
  percent: number | null;
  percentReason?: string;
  kappa: number | null;
  kappaReason?: string;
}

/** Inter-coder agreement of one code (or pooled over the codes) at the three units. */
export interface ReportAgreementFigures {
  /** Every code point of the compared transcripts; `withinCoded` counts only text either coder coded. */
  character: ReportAgreementTable & { withinCoded: ReportAgreementTable };
  /** Per transcript: does each coder use the code at all; with Krippendorff's α (nominal). */
  transcript: ReportAgreementTable & { alpha: number | null; alphaReason?: string };
  /** A coding is matched when the other coder's coding of the same code overlaps it by at least `overlap`. */
  segment: { matched: number; first: number; second: number; percent: number | null; percentReason?: string };
}

export interface ReportCodeAgreement extends ReportAgreementFigures {
  code: string;
  name: string;
  /** A category counts the codings of its sub-codes. */
  category: boolean;
}

/**
 * Agreement of two coders, as `grounded agree` computes it, over the transcripts both coded (the others are
 * in `notCompared`, never counted as disagreement). `first` and `second` name the columns "first only" and
 * "second only". With three or more coders, `allCoders` is Krippendorff's α over all of them.
 */
export interface ReportAgreement {
  /** Every coder compared: the report's selected coders when two or more, else every coder but `consensus`. */
  coders: string[];
  first: string;
  second: string;
  /** Minimum intersection / union for two segments to match. */
  overlap: number;
  compared: string[];
  notCompared: { transcript: string; codedBy: string[] }[];
  codes: ReportCodeAgreement[];
  /** Over the codes as applied: each code's own codings once, so a category does not count its sub-codes twice. */
  pooled: ReportAgreementFigures;
  /** Only with three or more coders: α (nominal) of code presence per transcript over all of them. */
  allCoders?: { coders: string[]; transcripts: number; alpha: number | null; alphaReason?: string };
}

/** The whole report. */
export interface StudyReport {
  format: typeof REPORT_FORMAT;
  /** The study folder's name. */
  title: string;
  options: ReportOptions;
  /** Every coder with a sidecar in the study, and those whose codings were used. */
  coders: { available: string[]; included: string[] };
  /** Coding progress over the whole study (before filters): transcripts each coder has a sidecar for. */
  progress: ReportProgress;
  participants: ParticipantCoverage;
  /** Survey files that were read, relative to the study root. */
  surveyFiles: string[];
  /** Every survey column after the filter, in file order. */
  variables: VariableSummary[];
  /** Each survey variable (except the grouping column, text and dates) by `options.by`; empty without `by`. */
  comparisons: GroupComparison[];
  /** Codes in codebook tree order, then codes missing from the codebook. */
  codes: CodeSummary[];
  /** Each code's prevalence by `options.by`; empty without `by`. */
  codesByGroup: CodeByGroup[];
  /** Every numeric/ordinal survey variable by presence of each code used by at least one participant. */
  codeComparisons: CodeNumericComparison[];
  /** Code pairs that co-occur at least once (overlap or participant), most shared participants first. */
  coOccurrence: CoOccurrence[];
  /**
   * Co-occurrence within each group of `options.by` (its levels as in `codesByGroup`); empty without `by`.
   * Added within grounded-report/2.
   */
  coOccurrenceByGroup: GroupCoOccurrence[];
  /** null without `by`. */
  jointDisplay: JointDisplay | null;
  /** Problems met while loading the survey and joining (errors stop a report from being built). */
  problems: ReportProblem[];
  /**
   * Inter-coder agreement, when two or more coders are compared (see ReportAgreement.coders); null otherwise.
   * Over the whole study: the participant filter does not apply to it.
   */
  agreement: ReportAgreement | null;
  /**
   * The code network over the report's participants: every code (participants with it) and every relation
   * of the codebook; no co-occurrence edges (they are in `coOccurrence`). Added within grounded-report/2.
   */
  network: CodeNetwork;
  /** Methods in words: which tests, which corrections, which definitions. */
  methods: string[];
}

// ---------------------------------------------------------------------------------------------------------
// `grounded stats` output (one variable or one code), sharing the parts above

/** `grounded stats --var <column> [--by <column>] --json`: the variable's descriptives, then its comparison. */
export type VariableStats = VariableSummary & {
  variable: string;
  /** Present with --by. */
  by?: string;
  groups?: NumericGroup[] | CategoricalGroup[];
  table?: ContingencyTable;
  tests?: ReportTest[];
  effect?: ReportEffect | null;
  otherEffects?: ReportEffect[];
  reason?: string;
};

/** `grounded stats --code <id> [--by <column>] --json`: prevalence over participants, then by group. */
export type CodeStats = CodeSummary & {
  code: string;
  /** Participants whose codes are known (= total). */
  n: number;
  /** Participants of the analysis whose codes are unknown: `notCoded` (with `uncoded: missing`) + `withoutTranscript`. */
  missing: number;
  /** Participants with transcripts no included coder has coded: missing or counted as 0, by `uncoded`. */
  notCoded: number;
  /** Participants without a transcript (survey only): always missing. */
  withoutTranscript: number;
  uncoded: UncodedMode;
  by?: string;
  groups?: CodeGroup[];
  table?: ContingencyTable;
  tests?: ReportTest[];
  effect?: ReportEffect | null;
  otherEffects?: ReportEffect[];
  reason?: string;
};
