/**
 * Emitting Grounded's own fixed-schema YAML. The layout is ours (key order, indentation, one scalar per
 * line, no folding) so that diffs are minimal and merges line up; scalars are written so `yaml` reads them
 * back exactly. Strings that could be read as anything else are written as JSON strings, which are valid
 * YAML double-quoted scalars. Hand-emitting is deliberate: it is ~20× faster than building a yaml Document
 * for thousands of codings, and the parser that reads it back is always the real `yaml` library.
 */
const PLAIN_SAFE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const YAML_KEYWORDS = /^(true|false|null|yes|no|on|off|y|n|nan|inf)$/i;

/** A scalar string: plain when unambiguous (ids, slugs), otherwise double-quoted. */
export function yamlString(value: string): string {
  return PLAIN_SAFE.test(value) && !YAML_KEYWORDS.test(value) ? value : yamlQuoted(value);
}

// JSON leaves DEL and the C1 controls raw; YAML does not allow them unescaped.
const NON_PRINTABLE_FOR_YAML = /[\u007f-\u009f\ufeff\ufffe\uffff]/g;

/** Always double-quoted: free text (quotes, prefixes, definitions, memos) stays on one line with \n escapes. */
export function yamlQuoted(value: string): string {
  return JSON.stringify(value).replace(
    NON_PRINTABLE_FOR_YAML,
    (char) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'),
  );
}
