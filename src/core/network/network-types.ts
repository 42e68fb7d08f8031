/**
 * The code network: codes as nodes, typed relations (and, when asked, co-occurrence) as edges. Plain JSON,
 * so it travels in the report and across the webview boundary unchanged.
 */

export interface NetworkNode {
  /** Code id. */
  id: string;
  name: string;
  /** `#rrggbb`: the code's colour, or a palette colour when the code has none. */
  color: string;
  /** Participants with a coding of the code or of one of its sub-codes, among the network's participants. */
  participants: number;
  /** Marked as the core category. */
  core: boolean;
  /** Parent code id; null at the top level. */
  parent: string | null;
}

/** A typed relation from the codebook. */
export interface RelationEdge {
  kind: 'relation';
  from: string;
  to: string;
  /** Relation type id. */
  type: string;
  /** What the edge shows: the type's label (its id when it has none). */
  label: string;
  /** False for symmetric types (and then from/to are in the order the codebook states them). */
  directed: boolean;
  /** false when the codebook names a type the study does not define (drawn as directed). */
  knownType: boolean;
  memo: string | null;
}

/** Two codes that the same participants have: Jaccard = participants with both / participants with either. */
export interface CooccurrenceEdge {
  kind: 'cooccurrence';
  /** The two codes, in id order. */
  from: string;
  to: string;
  directed: false;
  jaccard: number;
  /** Participant ids with both codes, sorted. */
  participants: string[];
  /** Pairs of overlapping codings [coding of `from`, coding of `to`] (same transcript and coder), by coding id. */
  codings: [string, string][];
}

export type NetworkEdge = RelationEdge | CooccurrenceEdge;

export interface CodeNetwork {
  /** Codes in id order. */
  nodes: NetworkNode[];
  /** Relations in codebook order (from, type, to), then co-occurrence edges by decreasing Jaccard. */
  edges: NetworkEdge[];
  /** Participants the figures are over. */
  participants: number;
  /** The co-occurrence threshold used; null when co-occurrence edges were not asked for. */
  minJaccard: number | null;
}
