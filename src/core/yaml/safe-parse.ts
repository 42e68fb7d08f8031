import { LineCounter, parseDocument, isAlias, isMap, isSeq, type Document, type Node } from 'yaml';
import { problem, type Problem } from '../problems';
import { conflictMarkerProblems } from './conflict-markers';

/** A parsed YAML file: plain data plus a way back to line and column for validation messages. */
export interface YamlFile {
  readonly uri: string;
  readonly data: unknown;
  /** 1-based line and column of the node at a path such as ['codings', 3, 'start'], or of its nearest parent. */
  positionOf(path: readonly (string | number)[]): { line: number; column: number };
  /** Line and column of the KEY of the last path element (for "unknown key" messages). */
  keyPositionOf(path: readonly (string | number)[]): { line: number; column: number };
}

/**
 * Parses YAML the safe way (docs/ARCHITECTURE.md#reading-a-file): conflict markers first, then `yaml` with unique
 * keys, no aliases (an alias bomb is refused, and aliases would not survive our rewrite anyway) and no tags (yaml
 * reads `!js/function "x"` as "x", and the rewrite would drop the tag without a word). Every error,
 * including ones `yaml` throws, comes back as a Problem with line and column; nothing throws.
 */
export function parseYamlSafely(
  uri: string,
  text: string,
): { ok: true; file: YamlFile } | { ok: false; problems: Problem[] } {
  const markers = conflictMarkerProblems(
    uri,
    text,
    "resolve the merge conflict in this file (keep both sides' codings), then save",
  );
  if (markers.length > 0) return { ok: false, problems: markers };
  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true, version: '1.2' });
  } catch (error) {
    return { ok: false, problems: [problem(uri, 1, 1, 'yaml-syntax', `cannot parse YAML: ${String(error)}`)] };
  }
  const positionOfOffset = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const errors = [...document.errors, ...document.warnings.filter((w) => w.code === 'BAD_ALIAS')];
  if (errors.length > 0) {
    return {
      ok: false,
      problems: errors.map((e) => {
        const { line, column } = positionOfOffset(e.pos[0]);
        return problem(uri, line, column, 'yaml-syntax', firstLine(e.message), 'fix the YAML syntax at this place');
      }),
    };
  }
  const aliasProblem = findRefusedNode(document, text, uri, positionOfOffset);
  if (aliasProblem) return { ok: false, problems: [aliasProblem] };
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 0 });
  } catch (error) {
    return {
      ok: false,
      problems: [problem(uri, 1, 1, 'yaml-syntax', `cannot read YAML: ${firstLine(String(error))}`)],
    };
  }
  const positionOf = (path: readonly (string | number)[]) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
      const range = (node as Node | undefined)?.range;
      if (range) return positionOfOffset(range[0]);
    }
    return { line: 1, column: 1 };
  };
  const keyPositionOf = (path: readonly (string | number)[]) => {
    const parent = path.length <= 1 ? document.contents : document.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find(
        (item) => (item.key as { value?: unknown } | null)?.value === path[path.length - 1],
      );
      const range = (pair?.key as Node | undefined)?.range;
      if (range) return positionOfOffset(range[0]);
    }
    return positionOf(path);
  };
  return { ok: true, file: { uri, data, positionOf, keyPositionOf } };
}

/** The first line of a `yaml` error, without its own "at line L, column C" (we print the place ourselves). */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Aliases, anchors and tags are refused outright: Grounded's files never need them, aliases enable alias
 * bombs, and none of them survives a rewrite.
 */
function findRefusedNode(
  document: Document.Parsed,
  text: string,
  uri: string,
  at: (offset: number) => { line: number; column: number },
): Problem | undefined {
  // Depth-first in document order, so the first offending node is the one reported.
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.shift();
    if (!node || typeof node !== 'object') continue;
    const anyNode = node as { anchor?: string; tag?: string; range?: [number, number, number] };
    if (isAlias(node)) {
      const { line, column } = at(anyNode.range?.[0] ?? 0);
      return problem(
        uri,
        line,
        column,
        'yaml-alias',
        'YAML aliases (*name) are not allowed in Grounded files',
        'write the value out in full',
      );
    }
    if (anyNode.anchor) {
      const { line, column } = at(anyNode.range?.[0] ?? 0);
      return problem(
        uri,
        line,
        column,
        'yaml-alias',
        `YAML anchors (&${anyNode.anchor}) are not allowed in Grounded files`,
        'remove the anchor and write values out in full',
      );
    }
    if (anyNode.tag) {
      const tag = tagBefore(text, anyNode.range?.[0] ?? 0);
      const { line, column } = at(tag.offset);
      return problem(
        uri,
        line,
        column,
        'yaml-tag',
        `YAML tags (${tag.source || anyNode.tag}) are not allowed in Grounded files: the value would be rewritten without it`,
        'remove the tag and write the plain value',
      );
    }
    if (isMap(node)) for (const pair of node.items) stack.push(pair.key, pair.value);
    else if (isSeq(node)) stack.push(...node.items);
  }
  return undefined;
}

/**
 * The tag written before the value that starts at `valueStart` (yaml gives the value's range, not the
 * tag's): the word before it, over white space and line breaks. Tags hold no white space.
 */
function tagBefore(text: string, valueStart: number): { offset: number; source: string } {
  let end = valueStart;
  while (end > 0 && /\s/.test(text[end - 1] as string)) end--;
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1] as string)) start--;
  const source = text.slice(start, end);
  return source.startsWith('!') ? { offset: start, source } : { offset: valueStart, source: '' };
}
