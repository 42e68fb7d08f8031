import type { JointDisplay } from '../analysis/report-types';
import type { CodeNetwork } from '../network/network-types';

/**
 * A report as a short list of blocks of plain text, built once (sections.ts) and written out by the
 * Markdown and HTML renderers, so both show the same figures. All strings are unescaped plain text: each
 * renderer escapes every string it writes, user text (code names, quotes, CSV cells) included.
 */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][]; numeric: boolean[] }
  | { kind: 'joint'; display: JointDisplay; codeLabels: ReadonlyMap<string, string> }
  /** A drawing of the network: a Mermaid block in Markdown, an SVG in HTML. */
  | { kind: 'network'; network: CodeNetwork };

export function heading(level: 1 | 2 | 3, text: string): Block {
  return { kind: 'heading', level, text };
}

export function paragraph(text: string): Block {
  return { kind: 'paragraph', text };
}

export function list(items: string[]): Block {
  return { kind: 'list', items };
}

/** `numeric` marks right-aligned columns. */
export function table(header: string[], rows: string[][], numeric: boolean[] = header.map(() => false)): Block {
  return { kind: 'table', header, rows, numeric };
}
