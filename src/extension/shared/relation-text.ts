import {
  type Codebook,
  type CodeRelation,
  findRelationType,
  type RelationType,
  relationTypeLabel,
} from '../../core/index';

/** How a relation type reads on an edge: its label, else its id (also for a type the study does not define). */
export function typeLabel(types: readonly RelationType[], type: string): string {
  const found = findRelationType(types, type);
  return found ? relationTypeLabel(found) : type;
}

/** Whether a type reads one way (a type the study does not define counts as directed, as the core draws it). */
export function isDirected(types: readonly RelationType[], type: string): boolean {
  return findRelationType(types, type)?.directed ?? true;
}

/** "Hierarchy → causes → Silence"; an undirected type reads "Hierarchy — contradicts — Silence". */
export function relationSentence(codebook: Codebook, types: readonly RelationType[], relation: CodeRelation): string {
  const name = (id: string) => codebook.codes.find((c) => c.id === id)?.name ?? id;
  const arrow = isDirected(types, relation.type) ? '→' : '—';
  return `${name(relation.from)} ${arrow} ${typeLabel(types, relation.type)} ${arrow} ${name(relation.to)}`;
}

/**
 * A relation as seen from one of its codes: "causes → Silence" going out, "← Hierarchy causes" coming in, and
 * "contradicts — Silence" for an undirected type, whichever end `code` is.
 */
export function relationFrom(
  codebook: Codebook,
  types: readonly RelationType[],
  relation: CodeRelation,
  code: string,
): string {
  const name = (id: string) => codebook.codes.find((c) => c.id === id)?.name ?? id;
  const label = typeLabel(types, relation.type);
  if (!isDirected(types, relation.type))
    return `${label} — ${name(relation.from === code ? relation.to : relation.from)}`;
  return relation.from === code ? `${label} → ${name(relation.to)}` : `← ${name(relation.from)} ${label}`;
}
