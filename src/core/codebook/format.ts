import type { Code, Codebook, CodeRelation } from '../model';
import type { Loaded } from '../problems';
import { problem, type Problem } from '../problems';
import { FieldReader } from '../yaml/field-reader';
import { parseYamlSafely } from '../yaml/safe-parse';
import { yamlQuoted, yamlString } from '../yaml/emit';
import { compareStrings } from '../sidecar/order';
import { RELATION_TYPE_ID } from '../settings/relation-types';
import { compareRelations } from './relations';

export const CODEBOOK_VERSION = 1;
/** Code ids are stable keys stored in every sidecar: letters, digits, '-', '_', '.'; no spaces. */
export const CODE_ID = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;
export const COLOR = /^#[0-9a-fA-F]{6}$/;
const CODE_KEYS = ['id', 'name', 'parent', 'color', 'definition', 'memo', 'guid', 'core'] as const;
const RELATION_KEYS = ['from', 'type', 'to', 'memo'] as const;
const CODEBOOK_KEYS = ['grounded', 'codes', 'relations'] as const;

/** Sorted by id, fixed key order: two coders adding different codes touch different lines. */
export function serializeCodebook(codebook: Codebook): string {
  const lines = [
    '# Grounded codebook. Ids are stable: rename a code by changing its name, never its id.',
    `grounded: ${CODEBOOK_VERSION}`,
  ];
  const codes = [...codebook.codes].sort((a, b) => compareStrings(a.id, b.id));
  lines.push(codes.length === 0 ? 'codes: []' : 'codes:');
  for (const code of codes) {
    lines.push(`  - id: ${yamlString(code.id)}`, `    name: ${yamlQuotedIfNeeded(code.name)}`);
    if (code.parent !== undefined) lines.push(`    parent: ${yamlString(code.parent)}`);
    if (code.color !== undefined) lines.push(`    color: ${yamlQuoted(code.color)}`);
    if (code.definition !== undefined && code.definition !== '')
      lines.push(`    definition: ${yamlQuoted(code.definition)}`);
    if (code.memo !== undefined && code.memo !== '') lines.push(`    memo: ${yamlQuoted(code.memo)}`);
    if (code.guid !== undefined) lines.push(`    guid: ${yamlString(code.guid)}`);
    if (code.core === true) lines.push('    core: true');
  }
  const relations = [...(codebook.relations ?? [])].sort(compareRelations);
  if (relations.length > 0) lines.push('relations:');
  // One field per line, like the codes: a memo edited on one relation is a one-line diff.
  for (const relation of relations) {
    lines.push(
      `  - from: ${yamlString(relation.from)}`,
      `    type: ${yamlString(relation.type)}`,
      `    to: ${yamlString(relation.to)}`,
    );
    if (relation.memo !== undefined && relation.memo !== '') lines.push(`    memo: ${yamlQuoted(relation.memo)}`);
  }
  return lines.join('\n') + '\n';
}

/** Names read best unquoted when YAML allows it ("Time pressure"), quoted otherwise. */
function yamlQuotedIfNeeded(name: string): string {
  return /^[\p{L}][\p{L}\p{N} ()/,'’-]*$/u.test(name) &&
    !/ $/.test(name) &&
    !/^(true|false|null|yes|no|on|off|y|n)$/i.test(name)
    ? name
    : yamlQuoted(name);
}

export function parseCodebook(uri: string, text: string): Loaded<Codebook> {
  const parsed = parseYamlSafely(uri, text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const reader = new FieldReader(parsed.file);
  const root = reader.object(parsed.file.data, [], CODEBOOK_KEYS);
  if (!root) return { ok: false, problems: reader.problems };
  reader.version(root, CODEBOOK_VERSION);
  const codes: Code[] = [];
  const firstIndexOf = new Map<string, number>();
  reader.array(root, 'codes', []).forEach((item, index) => {
    const path = ['codes', index];
    const record = reader.object(item, path, CODE_KEYS);
    if (!record) return;
    const id = reader.requiredString(
      record,
      'id',
      path,
      CODE_ID,
      'code ids use letters, digits, "-", "_" and "." (no spaces); the display name goes in "name"',
    );
    if (firstIndexOf.has(id)) {
      const first = parsed.file.positionOf(['codes', firstIndexOf.get(id) as number]).line;
      reader.error(
        [...path, 'id'],
        'duplicate-id',
        `code id "${id}" is defined twice (first on line ${first})`,
        'merge the two entries or give one a new id',
      );
    } else {
      firstIndexOf.set(id, index);
    }
    const code: Code = {
      id,
      name: reader.requiredString(record, 'name', path),
      ...optional('parent', reader.optionalString(record, 'parent', path)),
      ...optional(
        'color',
        reader.optionalString(record, 'color', path, COLOR, 'colours are written #rrggbb, e.g. "#4e79a7"'),
      ),
      ...optional('definition', reader.optionalString(record, 'definition', path)),
      ...optional('memo', reader.optionalString(record, 'memo', path)),
      ...optional('guid', reader.optionalString(record, 'guid', path)),
      ...optional('core', readCore(reader, record, path)),
    };
    codes.push(code);
  });
  const relations = readRelations(reader, root, firstIndexOf);
  for (const [index, code] of codes.entries()) {
    if (code.parent === undefined) continue;
    if (!firstIndexOf.has(code.parent)) {
      reader.error(
        ['codes', index, 'parent'],
        'unknown-code',
        `parent "${code.parent}" of code "${code.id}" is not in the codebook`,
        'add the parent code or remove the parent line',
      );
    } else if (hasCycle(code.id, codes)) {
      reader.error(
        ['codes', index, 'parent'],
        'parent-cycle',
        `code "${code.id}" is its own ancestor`,
        'move one of the codes to another parent',
      );
    }
  }
  if (reader.problems.length > 0) return { ok: false, problems: reader.problems };
  return {
    ok: true,
    value: {
      codes: [...codes].sort((a, b) => compareStrings(a.id, b.id)),
      ...(relations.length > 0 ? { relations: [...relations].sort(compareRelations) } : {}),
    },
    warnings: [
      ...duplicateNameWarnings(uri, codes, parsed.file.positionOf),
      ...coreWarnings(uri, codes, parsed.file.positionOf),
    ],
  };
}

/** `core: true` marks the core category; `false` is accepted and means the same as leaving it out. */
function readCore(reader: FieldReader, record: Record<string, unknown>, path: (string | number)[]): true | undefined {
  const value = record['core'];
  if (value === undefined || value === null || value === false) return undefined;
  if (value === true) return true;
  reader.error([...path, 'core'], 'schema', `"core" must be true or false, not ${JSON.stringify(value)}`);
  return undefined;
}

/**
 * The `relations` list: both ends must be codes of this codebook, a code is never related to itself, and
 * the same relation is stated once. Whether the type is one the study defines is checked at study level
 * (unknownRelationTypeProblems), where grounded.yaml is known.
 */
function readRelations(
  reader: FieldReader,
  root: Record<string, unknown>,
  codeIndex: ReadonlyMap<string, number>,
): CodeRelation[] {
  const relations: CodeRelation[] = [];
  const firstLineOf = new Map<string, number>();
  reader.array(root, 'relations', []).forEach((item, index) => {
    const path = ['relations', index];
    const record = reader.object(item, path, RELATION_KEYS);
    if (!record) return;
    const from = reader.requiredString(record, 'from', path);
    const type = reader.requiredString(
      record,
      'type',
      path,
      RELATION_TYPE_ID,
      'relation types are ids such as "causes" or "is-condition-for" (grounded.yaml relationTypes)',
    );
    const to = reader.requiredString(record, 'to', path);
    const memo = reader.optionalString(record, 'memo', path);
    for (const [end, id] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (id !== '' && !codeIndex.has(id))
        reader.error(
          [...path, end],
          'unknown-code',
          `relation ${end} "${id}" is not a code in the codebook`,
          'use a code id from "codes" above (ids, not names), or remove the relation',
        );
    }
    if (from !== '' && from === to)
      reader.error(
        [...path, 'to'],
        'self-loop',
        `code "${from}" is related to itself`,
        "a relation joins two different codes: remove it, or write the thought in the code's memo",
      );
    const key = `${from}\u0000${type}\u0000${to}`;
    const first = firstLineOf.get(key);
    if (first !== undefined)
      reader.error(
        path,
        'duplicate-relation',
        `"${from}" ${type} "${to}" is stated twice (first on line ${first})`,
        'keep one of them (join their memos)',
      );
    else firstLineOf.set(key, reader.file.positionOf(path).line);
    relations.push({ from, type, to, ...(memo !== undefined && memo !== '' ? { memo } : {}) });
  });
  return relations;
}

function coreWarnings(
  uri: string,
  codes: readonly Code[],
  positionOf: (path: (string | number)[]) => { line: number; column: number },
): Problem[] {
  const core = codes.flatMap((code, index) => (code.core ? [{ code, index }] : []));
  return core.slice(1).map(({ code, index }) => {
    const { line, column } = positionOf(['codes', index, 'core']);
    return problem(
      uri,
      line,
      column,
      'several-core-categories',
      `codes "${core[0]?.code.id}" and "${code.id}" are both marked as the core category`,
      'selective coding integrates the theory around one core category: keep "core: true" on one of them',
      'warning',
    );
  });
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function hasCycle(id: string, codes: readonly Code[]): boolean {
  const parentOf = new Map(codes.map((code) => [code.id, code.parent]));
  const seen = new Set<string>();
  let current = parentOf.get(id);
  while (current !== undefined) {
    if (current === id || seen.has(current)) return true;
    seen.add(current);
    current = parentOf.get(current);
  }
  return false;
}

function duplicateNameWarnings(
  uri: string,
  codes: readonly Code[],
  positionOf: (path: (string | number)[]) => { line: number; column: number },
): Problem[] {
  const warnings: Problem[] = [];
  const seen = new Map<string, string>();
  codes.forEach((code, index) => {
    const key = `${code.parent ?? ''}\u0000${code.name.toLowerCase()}`;
    const other = seen.get(key);
    if (other !== undefined) {
      const { line, column } = positionOf(['codes', index, 'name']);
      warnings.push(
        problem(
          uri,
          line,
          column,
          'duplicate-name',
          `codes "${other}" and "${code.id}" share the name "${code.name}" under the same parent`,
          'rename one, or merge them',
          'warning',
        ),
      );
    } else {
      seen.set(key, code.id);
    }
  });
  return warnings;
}

/** The codebook through the safe-write path. */
export const codebookCodec = { parse: parseCodebook, serialize: serializeCodebook };
