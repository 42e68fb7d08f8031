import type { Codebook, RelationType } from '../model';
import { relationsOf } from '../codebook/relations';
import { relationTypeLabel } from '../settings/relation-types';
import { compareStrings } from '../sidecar/order';
import { DEFAULT_COLORS } from '../study/codebook-operations';
import type { CodeNetwork, CooccurrenceEdge, NetworkEdge, NetworkNode, RelationEdge } from './network-types';

/** A participant in the network and the codes they were coded with (directly; categories are added here). */
export interface NetworkParticipant {
  readonly id: string;
  readonly codes: Iterable<string>;
}

/** A coding, for the overlapping codings behind a co-occurrence edge. */
export interface NetworkCoding {
  readonly id: string;
  readonly code: string;
  /** Overlap is within one transcript and one coder's codings. */
  readonly transcript: string;
  readonly coder: string;
  readonly start: number;
  readonly end: number;
}

export interface CodeNetworkInput {
  readonly codebook: Codebook;
  readonly relationTypes: readonly RelationType[];
  /** The participants the figures are over: a filter or a group is applied by passing only its participants. */
  readonly participants: readonly NetworkParticipant[];
  /** The same participants' codings; without them co-occurrence edges carry no coding pairs. */
  readonly codings?: readonly NetworkCoding[];
  /** Add co-occurrence edges with at least this Jaccard (0–1); absent: relations only. */
  readonly minJaccard?: number;
}

/**
 * The code network for a set of participants. Pure and deterministic: the same input gives the same
 * network, node for node and edge for edge. A category counts its sub-codes (as everywhere in Grounded),
 * and a code is never paired with its own ancestor for co-occurrence (a category trivially co-occurs with
 * its children).
 */
export function buildCodeNetwork(input: CodeNetworkInput): CodeNetwork {
  const codes = [...input.codebook.codes].sort((a, b) => compareStrings(a.id, b.id));
  const ancestorsOf = ancestorMap(input.codebook);
  const holders = new Map<string, Set<string>>(codes.map((code) => [code.id, new Set()]));
  for (const participant of input.participants) {
    for (const code of participant.codes) {
      for (const id of ancestorsOf.get(code) ?? []) holders.get(id)?.add(participant.id);
    }
  }
  const nodes: NetworkNode[] = codes.map((code) => ({
    id: code.id,
    name: code.name,
    color: code.color?.toLowerCase() ?? paletteColor(code.id),
    participants: holders.get(code.id)?.size ?? 0,
    core: code.core === true,
    parent: code.parent ?? null,
  }));
  const typeOf = new Map(input.relationTypes.map((type) => [type.id, type]));
  const relations: RelationEdge[] = relationsOf(input.codebook).map((relation) => {
    const type = typeOf.get(relation.type);
    return {
      kind: 'relation',
      from: relation.from,
      to: relation.to,
      type: relation.type,
      label: type ? relationTypeLabel(type) : relation.type,
      directed: type ? type.directed : true,
      knownType: type !== undefined,
      memo: relation.memo ?? null,
    };
  });
  const edges: NetworkEdge[] = [...relations];
  if (input.minJaccard !== undefined) {
    edges.push(
      ...cooccurrenceEdges(
        codes.map((c) => c.id),
        holders,
        ancestorsOf,
        input.minJaccard,
        input.codings ?? [],
      ),
    );
  }
  return {
    nodes,
    edges,
    participants: input.participants.length,
    minJaccard: input.minJaccard ?? null,
  };
}

/** A code without a colour is drawn in a palette colour derived from its id, as the editor does. */
export function paletteColor(codeId: string): string {
  let hash = 0;
  for (const char of codeId) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return DEFAULT_COLORS[hash % DEFAULT_COLORS.length] as string;
}

/** Each code id → itself and its ancestors (the codes a coding of it counts for). */
function ancestorMap(codebook: Codebook): Map<string, string[]> {
  const parentOf = new Map(codebook.codes.map((code) => [code.id, code.parent]));
  const result = new Map<string, string[]>();
  for (const code of codebook.codes) {
    const chain = [code.id];
    let parent = parentOf.get(code.id);
    while (parent !== undefined && !chain.includes(parent)) {
      chain.push(parent);
      parent = parentOf.get(parent);
    }
    result.set(code.id, chain);
  }
  return result;
}

function cooccurrenceEdges(
  ids: readonly string[],
  holders: ReadonlyMap<string, ReadonlySet<string>>,
  ancestorsOf: ReadonlyMap<string, readonly string[]>,
  minJaccard: number,
  codings: readonly NetworkCoding[],
): CooccurrenceEdge[] {
  const edges = new Map<string, CooccurrenceEdge>();
  for (let i = 0; i < ids.length; i++) {
    const a = ids[i] as string;
    const holdersA = holders.get(a) as ReadonlySet<string>;
    if (holdersA.size === 0) continue;
    for (let j = i + 1; j < ids.length; j++) {
      const b = ids[j] as string;
      if (ancestorsOf.get(a)?.includes(b) || ancestorsOf.get(b)?.includes(a)) continue;
      const holdersB = holders.get(b) as ReadonlySet<string>;
      const both = [...holdersA].filter((p) => holdersB.has(p)).sort(compareStrings);
      if (both.length === 0) continue;
      const jaccard = both.length / (holdersA.size + holdersB.size - both.length);
      if (jaccard < minJaccard) continue;
      edges.set(`${a}\u0000${b}`, {
        kind: 'cooccurrence',
        from: a,
        to: b,
        directed: false,
        jaccard,
        participants: both,
        codings: [],
      });
    }
  }
  if (edges.size > 0) addOverlappingCodings(edges, ancestorsOf, codings);
  return [...edges.values()].sort(
    (x, y) => y.jaccard - x.jaccard || compareStrings(x.from, y.from) || compareStrings(x.to, y.to),
  );
}

/** Credits each pair of overlapping codings (same transcript and coder) to the edges between their codes' lines. */
function addOverlappingCodings(
  edges: ReadonlyMap<string, CooccurrenceEdge>,
  ancestorsOf: ReadonlyMap<string, readonly string[]>,
  codings: readonly NetworkCoding[],
): void {
  const groups = new Map<string, NetworkCoding[]>();
  for (const coding of codings) {
    const key = `${coding.transcript}\u0000${coding.coder}`;
    const group = groups.get(key);
    if (group) group.push(coding);
    else groups.set(key, [coding]);
  }
  for (const group of groups.values()) {
    group.sort((x, y) => x.start - y.start || compareStrings(x.id, y.id));
    for (let i = 0; i < group.length; i++) {
      const x = group[i] as NetworkCoding;
      for (let j = i + 1; j < group.length; j++) {
        const y = group[j] as NetworkCoding;
        if (y.start >= x.end) break;
        for (const p of ancestorsOf.get(x.code) ?? []) {
          for (const q of ancestorsOf.get(y.code) ?? []) {
            const edge = edges.get(p < q ? `${p}\u0000${q}` : `${q}\u0000${p}`);
            if (!edge || p === q) continue;
            edge.codings.push(edge.from === p ? [x.id, y.id] : [y.id, x.id]);
          }
        }
      }
    }
  }
}
