import type { Coding, CodingStatus } from '../model';
import { CODER_ID, SIDECAR_VERSION, type ParsedSidecar } from './sidecar-shape';
import { compareCodings } from './order';

/**
 * A fast reader for the exact layout serializeSidecar writes (docs/ARCHITECTURE.md#the-fast-sidecar-reader: `yaml`
 * costs ≈ 0.16 ms per coding, ≈ 16 s for 100 k codings). It accepts only that layout, line by line: a header comment,
 * the four header keys in order, then each coding's keys in order, one scalar per line, plain safe words or
 * JSON-style double-quoted strings. Anything else — other quoting, comments, blank lines, flow style,
 * conflict markers, and every schema error (missing or empty fields, duplicate ids, end before start,
 * unknown status) — returns undefined, and the caller runs the real `yaml` parser, which then reports the
 * problem with file, line and column. So this never decides that a file is broken; it only takes the
 * common, well-formed case faster. A differential test holds it to the real parser's output.
 */
export function parseCanonicalSidecar(text: string): ParsedSidecar | undefined {
  const lines = text.split('\n');
  // serializeSidecar ends with exactly one newline: the last split element is empty, no other is.
  if (lines.length < 6 || lines[lines.length - 1] !== '') return undefined;
  let index = 0;
  while (index < lines.length && (lines[index] as string).charCodeAt(0) === HASH) {
    if (NOT_IN_COMMENT.test(lines[index] as string)) return undefined;
    index++;
  }
  if (lines[index++] !== VERSION_LINE) return undefined;
  const transcript = field(lines[index++], 'transcript: ');
  const coder = field(lines[index++], 'coder: ');
  const textHash = field(lines[index++], 'textHash: ');
  if (!transcript || !coder || !textHash || !CODER_ID.test(coder)) return undefined;
  const codingsLine = lines[index++];
  const codings: Coding[] = [];
  const lineOf = new Map<string, number>();
  if (codingsLine === 'codings: []') {
    return index === lines.length - 1 ? { sidecar: { transcript, coder, textHash, codings }, lineOf } : undefined;
  }
  if (codingsLine !== 'codings:') return undefined;
  const last = lines.length - 1;
  while (index < last) {
    const firstLine = index + 1;
    const id = field(lines[index++], '  - id: ');
    const code = field(lines[index++], '    code: ');
    const start = integer(lines[index++], '    start: ');
    const end = integer(lines[index++], '    end: ');
    const quote = field(lines[index++], '    quote: ');
    const prefix = field(lines[index++], '    prefix: ');
    const suffix = field(lines[index++], '    suffix: ');
    if (
      !id ||
      !code ||
      start === undefined ||
      end === undefined ||
      end < start ||
      quote === undefined ||
      prefix === undefined ||
      suffix === undefined
    )
      return undefined;
    if (lineOf.has(id)) return undefined;
    let memo: string | undefined;
    let assisted: string | undefined;
    let status: CodingStatus | undefined;
    if (index < last && (lines[index] as string).startsWith('    memo: ')) {
      memo = field(lines[index++], '    memo: ');
      if (memo === undefined) return undefined;
    }
    if (index < last && (lines[index] as string).startsWith('    assisted: ')) {
      assisted = field(lines[index++], '    assisted: ');
      if (!assisted) return undefined;
    }
    if (index < last && (lines[index] as string).startsWith('    status: ')) {
      const value = field(lines[index++], '    status: ');
      if (value !== 'needs-review' && value !== 'orphan') return undefined;
      status = value;
    }
    lineOf.set(id, firstLine);
    // Same key order as parseSidecar builds, so the two results are indistinguishable.
    codings.push({
      id,
      code,
      start,
      end,
      quote,
      prefix,
      suffix,
      by: coder,
      ...(memo !== undefined ? { memo } : {}),
      ...(assisted !== undefined ? { assisted } : {}),
      ...(status !== undefined ? { status } : {}),
    });
  }
  if (index !== last) return undefined;
  codings.sort(compareCodings);
  return { sidecar: { transcript, coder, textHash, codings }, lineOf };
}

const VERSION_LINE = `grounded: ${SIDECAR_VERSION}`;
const HASH = 0x23;
const QUOTE = 0x22;
/** A comment line holds printable characters only; anything YAML might read as a line break or refuse is left to it. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_IN_COMMENT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
/** Inside quotes, the simple case: nothing escaped and nothing YAML treats specially. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_CARE = /["\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
/** Raw characters YAML refuses or reads differently from JSON even inside double quotes. */
const NOT_YAML_SAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
/** yamlString's plain words: they read back as strings in YAML 1.2 (no number, bool or null looks like this). */
const PLAIN_SAFE = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const YAML_KEYWORDS = /^(true|false|null|yes|no|on|off|y|n|nan|inf)$/i;
const INTEGER = /^(0|[1-9][0-9]{0,15})$/;

/** The string value of `<key>value`, or undefined when the line is not exactly that. */
function field(line: string | undefined, key: string): string | undefined {
  if (line === undefined || !line.startsWith(key)) return undefined;
  return scalar(line.slice(key.length));
}

function scalar(value: string): string | undefined {
  if (value.charCodeAt(0) !== QUOTE) return PLAIN_SAFE.test(value) && !YAML_KEYWORDS.test(value) ? value : undefined;
  if (value.length < 2 || value.charCodeAt(value.length - 1) !== QUOTE) return undefined;
  const inner = value.slice(1, -1);
  if (!NEEDS_CARE.test(inner)) return inner;
  // JSON's escapes are a subset of YAML's double-quoted escapes with the same meanings; JSON.parse
  // refuses raw control characters, unknown escapes and anything after the closing quote.
  if (NOT_YAML_SAFE.test(inner)) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function integer(line: string | undefined, key: string): number | undefined {
  if (line === undefined || !line.startsWith(key)) return undefined;
  const digits = line.slice(key.length);
  if (!INTEGER.test(digits)) return undefined;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : undefined;
}
