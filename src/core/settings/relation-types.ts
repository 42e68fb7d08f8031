import type { RelationType } from '../model';
import type { FieldReader } from '../yaml/field-reader';

/** Relation type ids are stored in the codebook like code ids: letters, digits, '-', '_', '.'; no spaces. */
export const RELATION_TYPE_ID = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;
const RELATION_TYPE_KEYS = ['id', 'directed', 'label'] as const;

/**
 * What a study can relate codes by without configuring anything: Strauss and Corbin's paradigm (conditions,
 * actions/strategies, consequences), causation, the two structural relations (part of, kind of), and the two
 * symmetric ones a memo most often needs (contradicts, associated with).
 */
export const DEFAULT_RELATION_TYPES: readonly RelationType[] = [
  { id: 'causes', directed: true },
  { id: 'is-condition-for', directed: true, label: 'is condition for' },
  { id: 'is-consequence-of', directed: true, label: 'is consequence of' },
  { id: 'is-strategy-for', directed: true, label: 'is strategy for' },
  { id: 'is-part-of', directed: true, label: 'is part of' },
  { id: 'is-a', directed: true, label: 'is a' },
  { id: 'contradicts', directed: false },
  { id: 'associated-with', directed: false, label: 'associated with' },
];

/** What an edge of this type shows. */
export function relationTypeLabel(type: RelationType): string {
  return type.label ?? type.id;
}

/**
 * grounded.yaml `relationTypes`: a list of `{ id, directed, label? }` that replaces the default set (a study
 * that lists its own types means exactly those). Absent: the defaults.
 */
export function readRelationTypes(reader: FieldReader, root: Record<string, unknown>): readonly RelationType[] {
  if (root['relationTypes'] === undefined || root['relationTypes'] === null) return DEFAULT_RELATION_TYPES;
  const types: RelationType[] = [];
  const seen = new Set<string>();
  reader.array(root, 'relationTypes', []).forEach((item, index) => {
    const path = ['relationTypes', index];
    const record = reader.object(item, path, RELATION_TYPE_KEYS);
    if (!record) return;
    const id = reader.requiredString(
      record,
      'id',
      path,
      RELATION_TYPE_ID,
      'relation type ids use letters, digits, "-", "_" and "." (no spaces); the words an edge shows go in "label"',
    );
    const directed = record['directed'];
    if (typeof directed !== 'boolean') {
      reader.error(
        directed === undefined ? path : [...path, 'directed'],
        'schema',
        directed === undefined
          ? `relation type "${id}" needs "directed: true" or "directed: false"`
          : `"directed" of relation type "${id}" must be true or false`,
        'directed: "a causes b" differs from "b causes a"; undirected: "a contradicts b" is "b contradicts a"',
      );
    }
    const label = reader.optionalString(record, 'label', path);
    if (seen.has(id)) {
      reader.error([...path, 'id'], 'duplicate-id', `relation type "${id}" is listed twice`, 'remove one of them');
      return;
    }
    seen.add(id);
    types.push({ id, directed: directed === true, ...(label !== undefined && label !== '' ? { label } : {}) });
  });
  return types;
}
