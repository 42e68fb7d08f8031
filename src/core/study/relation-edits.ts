import type { Codebook, CodeRelation, RelationType } from '../model';
import { compareRelations, findRelationType, relationsOf, sameRelation } from '../codebook/relations';
import { CodebookEditError } from './codebook-errors';

/** Two codes and, optionally, the type of relation between them (none: every type). */
export interface RelationEnds {
  readonly from: string;
  readonly to: string;
  readonly type?: string;
}

function requireCodeId(codebook: Codebook, id: string, end: string): void {
  if (!codebook.codes.some((code) => code.id === id))
    throw new CodebookEditError(`there is no code "${id}" in the codebook (the ${end} of the relation)`);
}

function requireType(types: readonly RelationType[], id: string): RelationType {
  const type = findRelationType(types, id);
  if (!type)
    throw new CodebookEditError(
      `"${id}" is not a relation type of this study: use one of ${types.map((t) => t.id).join(', ')}, or add it to relationTypes in grounded.yaml`,
    );
  return type;
}

function withRelations(codebook: Codebook, relations: readonly CodeRelation[]): Codebook {
  const { relations: _old, ...rest } = codebook;
  return relations.length > 0 ? { ...rest, relations: [...relations].sort(compareRelations) } : rest;
}

function joinMemos(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b || a === b) return a || b || undefined;
  return `${a}\n\n${b}`;
}

/** Pure edits of the codebook's relations and core category; each throws CodebookEditError when it cannot be made. */
export const relationEdits = {
  /** Adds a relation. Cycles are allowed (theories have feedback loops); a code related to itself is not. */
  relate(codebook: Codebook, relation: CodeRelation, types: readonly RelationType[]): Codebook {
    requireCodeId(codebook, relation.from, 'start');
    requireCodeId(codebook, relation.to, 'end');
    const type = requireType(types, relation.type);
    if (relation.from === relation.to)
      throw new CodebookEditError(
        `a code cannot be related to itself ("${relation.from}"): relate two different codes, or write the thought in the code's memo`,
      );
    const existing = relationsOf(codebook).find((r) => sameRelation(r, relation, types));
    if (existing)
      throw new CodebookEditError(
        `"${existing.from}" ${type.id} "${existing.to}" is already in the codebook${type.directed ? '' : ` (${type.id} goes both ways)`}: edit its memo instead`,
      );
    const memo = relation.memo?.trim() ? relation.memo : undefined;
    const added: CodeRelation = {
      from: relation.from,
      type: relation.type,
      to: relation.to,
      ...(memo ? { memo } : {}),
    };
    return withRelations(codebook, [...relationsOf(codebook), added]);
  },

  /** The relations `unrelate` would remove: between the two codes (either way for undirected types), of `type` if given. */
  matching(codebook: Codebook, ends: RelationEnds, types: readonly RelationType[]): CodeRelation[] {
    return relationsOf(codebook).filter((r) =>
      ends.type !== undefined
        ? sameRelation(r, { from: ends.from, type: ends.type, to: ends.to }, types)
        : sameRelation(r, { from: ends.from, type: r.type, to: ends.to }, types),
    );
  },

  /** Removes the matching relations; refused when there is none. */
  unrelate(codebook: Codebook, ends: RelationEnds, types: readonly RelationType[]): Codebook {
    if (ends.type !== undefined) requireType(types, ends.type);
    const removed = relationEdits.matching(codebook, ends, types);
    if (removed.length === 0)
      throw new CodebookEditError(
        `there is no ${ends.type !== undefined ? `"${ends.type}" ` : ''}relation from "${ends.from}" to "${ends.to}" in the codebook`,
      );
    return withRelations(
      codebook,
      relationsOf(codebook).filter((r) => !removed.includes(r)),
    );
  },

  /** Sets a relation's memo; an empty memo removes it. */
  setMemo(
    codebook: Codebook,
    relation: Pick<CodeRelation, 'from' | 'type' | 'to'>,
    memo: string,
    types: readonly RelationType[],
  ): Codebook {
    const target = relationsOf(codebook).find((r) => sameRelation(r, relation, types));
    if (!target)
      throw new CodebookEditError(
        `there is no relation "${relation.from}" ${relation.type} "${relation.to}" in the codebook`,
      );
    const { memo: _old, ...bare } = target;
    const next = memo.trim() === '' ? bare : { ...bare, memo };
    return withRelations(
      codebook,
      relationsOf(codebook).map((r) => (r === target ? next : r)),
    );
  },

  /** Marks `id` as the core category and unmarks every other code; null unmarks them all. */
  setCore(codebook: Codebook, id: string | null): Codebook {
    if (id !== null) requireCodeId(codebook, id, 'core category');
    return {
      ...codebook,
      codes: codebook.codes.map((code) => {
        if (code.id === id) return { ...code, core: true };
        if (!code.core) return code;
        const { core: _core, ...rest } = code;
        return rest;
      }),
    };
  },

  /**
   * The relations of `from` moved to `into` (merging codes): a relation between the two is dropped, and one
   * that becomes the same as another is kept once with both memos.
   */
  repoint(codebook: Codebook, from: string, into: string, types: readonly RelationType[]): Codebook {
    const touches = (r: CodeRelation) => r.from === from || r.to === from;
    const moved = (r: CodeRelation): CodeRelation => ({
      ...r,
      from: r.from === from ? into : r.from,
      to: r.to === from ? into : r.to,
    });
    // Relations that did not move first, so a duplicate keeps the surviving code's relation (and its memo first).
    const relations = relationsOf(codebook);
    const ordered = [...relations.filter((r) => !touches(r)), ...relations.filter(touches).map(moved)];
    const kept: CodeRelation[] = [];
    for (const relation of ordered) {
      if (relation.from === relation.to) continue;
      const index = kept.findIndex((k) => sameRelation(k, relation, types));
      if (index < 0) {
        kept.push(relation);
        continue;
      }
      const first = kept[index] as CodeRelation;
      const { memo: _memo, ...bare } = first;
      const memo = joinMemos(first.memo, relation.memo);
      kept[index] = memo ? { ...bare, memo } : bare;
    }
    return withRelations(codebook, kept);
  },
};
