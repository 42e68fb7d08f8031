import type { Codebook, CodeRelation, RelationType } from '../model';
import { problem, type Problem } from '../problems';
import { compareStrings } from '../sidecar/order';
import { parseYamlSafely } from '../yaml/safe-parse';

/** The codebook's relations (an empty list when it has none). */
export function relationsOf(codebook: Codebook): readonly CodeRelation[] {
  return codebook.relations ?? [];
}

/** The relations that name `code` at either end. */
export function relationsOfCode(codebook: Codebook, code: string): CodeRelation[] {
  return relationsOf(codebook).filter((r) => r.from === code || r.to === code);
}

/** The order relations are written in: by from, type, to, so two coders relating different codes touch different lines. */
export function compareRelations(a: CodeRelation, b: CodeRelation): number {
  return compareStrings(a.from, b.from) || compareStrings(a.type, b.type) || compareStrings(a.to, b.to);
}

/**
 * Whether two relations say the same thing: the same type between the same codes, in either order when the
 * type is undirected ("a contradicts b" is "b contradicts a"). A type the study does not know counts as directed.
 */
export function sameRelation(
  a: Pick<CodeRelation, 'from' | 'type' | 'to'>,
  b: Pick<CodeRelation, 'from' | 'type' | 'to'>,
  types: readonly RelationType[],
): boolean {
  if (a.type !== b.type) return false;
  if (a.from === b.from && a.to === b.to) return true;
  return a.from === b.to && a.to === b.from && types.find((t) => t.id === a.type)?.directed === false;
}

/** The relation type with this id, or undefined. */
export function findRelationType(types: readonly RelationType[], id: string): RelationType | undefined {
  return types.find((type) => type.id === id);
}

/**
 * Relations whose type the study does not define (grounded.yaml lists other types, or a hand edit mistyped
 * one), each with the place of its `type` in the codebook file. The codebook format does not know the study's
 * types, so this runs beside it when a study is loaded; the file is parsed again only when there is a finding.
 */
export function unknownRelationTypeProblems(
  uri: string,
  text: string,
  codebook: Codebook,
  types: readonly RelationType[],
): Problem[] {
  const known = new Set(types.map((type) => type.id));
  if (relationsOf(codebook).every((relation) => known.has(relation.type))) return [];
  const parsed = parseYamlSafely(uri, text);
  if (!parsed.ok) return [];
  const raw = (parsed.file.data as { relations?: unknown } | null)?.relations;
  if (!Array.isArray(raw)) return [];
  const problems: Problem[] = [];
  raw.forEach((item: unknown, index) => {
    const type = (item as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || known.has(type)) return;
    const { line, column } = parsed.file.positionOf(['relations', index, 'type']);
    problems.push(
      problem(
        uri,
        line,
        column,
        'unknown-relation-type',
        `relation type "${type}" is not one of the study's relation types (${[...known].join(', ')})`,
        'use one of those types, or add it to relationTypes in grounded.yaml',
      ),
    );
  });
  return problems;
}
