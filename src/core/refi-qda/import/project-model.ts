/**
 * What Grounded reads from a REFI-QDA project (.qde) or codebook (.qdc): the parts it can import, with
 * GUIDs normalized (lowercase, no braces), plus a list of everything it cannot, so that nothing is dropped
 * without saying so.
 */
export interface RefiUser {
  readonly guid: string;
  readonly name?: string;
}

export interface RefiCode {
  readonly guid?: string;
  readonly name: string;
  readonly isCodable: boolean;
  /** `#rrggbb`, lowercase (a `#rgb` colour is spelled out). */
  readonly color?: string;
  readonly description?: string;
  readonly noteRefs: readonly string[];
  readonly children: readonly RefiCode[];
}

export type RefiValueType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface RefiVariable {
  readonly guid: string;
  readonly name: string;
  readonly type: RefiValueType;
}

export interface RefiVariableValue {
  readonly variable: string;
  /** As written in the XML (booleans already yes / no). */
  readonly value: string;
}

export interface RefiCase {
  readonly guid: string;
  readonly name?: string;
  readonly values: readonly RefiVariableValue[];
  readonly sources: readonly string[];
}

export interface RefiCoding {
  readonly guid?: string;
  readonly code?: string;
  readonly creatingUser?: string;
  readonly noteRefs: readonly string[];
}

export interface RefiSelection {
  readonly guid?: string;
  /** Undefined when the attribute is missing or not an integer. */
  readonly start?: number;
  readonly end?: number;
  readonly description?: string;
  readonly creatingUser?: string;
  readonly codings: readonly RefiCoding[];
  readonly noteRefs: readonly string[];
}

/** Where a text's characters are: inline, or a path (internal://, relative, absolute). */
export interface RefiText {
  readonly content?: string;
  readonly path?: string;
}

export interface RefiTextSource extends RefiText {
  readonly guid: string;
  readonly name?: string;
  readonly description?: string;
  readonly creatingUser?: string;
  readonly selections: readonly RefiSelection[];
  /** Codings of the whole source (no selection). */
  readonly codings: readonly RefiCoding[];
  readonly noteRefs: readonly string[];
  readonly values: readonly RefiVariableValue[];
}

export interface RefiNote extends RefiText {
  readonly guid?: string;
  readonly name?: string;
  readonly created?: string;
}

export type SkippedKind =
  | 'PDF source'
  | 'picture source'
  | 'audio source'
  | 'video source'
  | 'text source'
  | 'set'
  | 'graph'
  | 'link'
  | 'coding'
  | 'case data'
  | 'note'
  | 'unknown element';

/** Something of the project that is not imported, said in words a researcher understands. */
export interface Skipped {
  readonly kind: SkippedKind;
  /** The element's name attribute, or what it is. */
  readonly name: string;
  readonly reason: string;
}

export interface RefiProject {
  readonly name?: string;
  readonly description?: string;
  readonly users: readonly RefiUser[];
  readonly codes: readonly RefiCode[];
  readonly variables: readonly RefiVariable[];
  readonly cases: readonly RefiCase[];
  readonly sources: readonly RefiTextSource[];
  readonly notes: readonly RefiNote[];
  /** Notes about the project as a whole. */
  readonly noteRefs: readonly string[];
  readonly skipped: readonly Skipped[];
}
