/**
 * The survey as the rest of Grounded sees it: typed columns and one row per participant.
 * Values are plain JSON-able primitives so tables cross the webview boundary and serialize unchanged.
 */

/** A cell after typing. `null` is missing (a missing token, a blank cell, or a cell that did not fit an override). */
export type SurveyValue = number | string | boolean | null;

export type VariableType = 'numeric' | 'ordinal' | 'categorical' | 'yes-no' | 'text' | 'date';

export const VARIABLE_TYPES: readonly VariableType[] = ['numeric', 'ordinal', 'categorical', 'yes-no', 'text', 'date'];

/**
 * Scale of an ordinal column. Values are integers min..max. With `labels` (a Likert label column),
 * `labels[i]` is the label of value `min + i` and `min` is 1.
 */
export interface OrdinalScale {
  readonly min: number;
  readonly max: number;
  readonly labels?: readonly string[];
}

export interface SurveyColumn {
  /** Header as written (trimmed); renamed `x_2` for a duplicate header, `column_N` for a blank one. */
  readonly name: string;
  readonly type: VariableType;
  /** Ordinal columns only. */
  readonly scale?: OrdinalScale;
  /**
   * Categorical: the distinct labels, sorted by code unit (stable whatever the row order).
   * Yes-no: `[label of false, label of true]` as first written in the file (defaults 'no', 'yes').
   */
  readonly levels?: readonly string[];
  /** False when the type was declared in settings.types. */
  readonly inferred: boolean;
  /** Cells that were blank or a missing token. */
  readonly missing: number;
  /** Cells that did not fit the column's type override (each reported as a warning); they are null too. */
  readonly invalid: number;
}

/**
 * One participant's answers. Value by type: numeric/ordinal → number (a Likert label → its scale
 * position), yes-no → boolean, categorical/text/date → the trimmed string as written.
 * Every column of the table is a key of `values`; the id column is not (it is `id`).
 */
export interface SurveyRow {
  /** Participant id, trimmed; compared case-sensitively. */
  readonly id: string;
  /** 1-based line where the row starts in its CSV file. */
  readonly line: number;
  readonly values: Readonly<Record<string, SurveyValue>>;
}

/** What the accessors need: a table or a merged survey. */
export interface SurveyData<R extends SurveyRow = SurveyRow> {
  readonly columns: readonly SurveyColumn[];
  readonly rows: readonly R[];
}

export interface SurveyTable extends SurveyData {
  readonly uri: string;
  /** The delimiter found: ',', ';' or '\t'. */
  readonly delimiter: string;
  /** The id column's header (not among `columns`). */
  readonly idColumn: string;
}

export interface RowSource {
  readonly uri: string;
  readonly line: number;
}

/** A participant's row across files. `uri`/`line` are where the id first appears (file order, then row order). */
export interface MergedRow extends SurveyRow {
  readonly uri: string;
  /** Every file and line this participant has a row in. */
  readonly sources: readonly RowSource[];
}

export interface MergedSurvey extends SurveyData<MergedRow> {
  readonly uris: readonly string[];
  readonly idColumn: string;
}
