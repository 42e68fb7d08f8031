import type { Code, Codebook } from '../model';
import type { Loaded } from '../problems';
import { problem, type Problem } from '../problems';
import { FieldReader } from '../yaml/field-reader';
import { parseYamlSafely } from '../yaml/safe-parse';
import { yamlQuoted, yamlString } from '../yaml/emit';
import { compareStrings } from '../sidecar/order';

export const CODEBOOK_VERSION = 1;
/** Code ids are stable keys stored in every sidecar: letters, digits, '-', '_', '.'; no spaces. */
export const CODE_ID = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;
export const COLOR = /^#[0-9a-fA-F]{6}$/;
const CODE_KEYS = ['id', 'name', 'parent', 'color', 'definition', 'memo', 'guid'] as const;
const CODEBOOK_KEYS = ['grounded', 'codes'] as const;

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
    };
    codes.push(code);
  });
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
    value: { codes: [...codes].sort((a, b) => compareStrings(a.id, b.id)) },
    warnings: duplicateNameWarnings(uri, codes, parsed.file.positionOf),
  };
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
