import type { StudyReport } from '../analysis/report-types';
import type { Block } from './blocks';
import { percent } from './format';
import { reportBlocks } from './sections';
import { networkToMermaid } from '../network/export/mermaid';

/**
 * Escapes plain text for Markdown (CommonMark/GitHub): every character that could start emphasis, code, a
 * link, raw HTML, strikethrough or a table cell boundary is backslash-escaped, `&` becomes an entity, a
 * line-start heading/list/rule marker is escaped, and line breaks become spaces (a quote spanning lines
 * must stay inside its table cell or list item). An underscore between two letters or digits cannot start
 * emphasis in CommonMark, so column names such as active_mentors stay readable.
 */
export function escapeMarkdown(text: string): string {
  return escapeInline(text).replace(
    /^(\s*)(#|[-+=]|\d+[.)])/,
    (_, space: string, mark: string) => `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`,
  );
}

/** escapeMarkdown for text that never starts a line (table cells): block markers mean nothing there. */
export function escapeInline(text: string): string {
  // Most cells (numbers, "3 of 10 (30.0%)") have nothing to escape: one scan instead of four replacements.
  return ESCAPED.test(text) ? escapeEach(text) : text;
}

/** Every character one of escapeEach's replacements changes. */
const ESCAPED = /[\r\n&\\`*[\]<>|~$_]/;

/** escapeInline, one replacement after the other. */
export function escapeEach(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/[\\`*[\]<>|~$]/g, (c) => `\\${c}`)
    .replace(/_/g, (c, at: number, whole: string) =>
      /[\p{L}\p{N}]/u.test(whole[at - 1] ?? '') && /[\p{L}\p{N}]/u.test(whole[at + 1] ?? '') ? c : `\\${c}`,
    );
}

function tableMarkdown(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[],
): string[] {
  const cells = (row: readonly string[]) => `| ${row.map((cell) => escapeInline(cell) || ' ').join(' | ')} |`;
  return [cells(header), `|${numeric.map((right) => (right ? ' ---: ' : ' --- ')).join('|')}|`, ...rows.map(cells)];
}

function blockMarkdown(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return [`${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`];
    case 'paragraph':
      return [escapeMarkdown(block.text)];
    case 'list':
      return block.items.map((item) => `- ${escapeMarkdown(item)}`);
    case 'table':
      return tableMarkdown(block.header, block.rows, block.numeric);
    case 'joint': {
      const { display, codeLabels } = block;
      const lines = tableMarkdown(
        ['Code', ...display.groups],
        display.rows.map((row) => [
          codeLabels.get(row.code) ?? row.code,
          ...row.cells.map((c) => `${c.participants} of ${c.total} (${percent(c.proportion, 1)})`),
        ]),
        [false, ...display.groups.map(() => true)],
      );
      for (const row of display.rows) {
        const quoted = row.cells.filter((c) => c.quotes.length > 0);
        if (quoted.length === 0) continue;
        lines.push('', `**${escapeMarkdown(row.name)}**`, '');
        for (const cell of quoted) {
          for (const q of cell.quotes) {
            lines.push(
              `- ${escapeMarkdown(cell.level)}: “${escapeMarkdown(q.text)}${q.truncated ? '…' : ''}” — ${escapeMarkdown(q.participant)}${q.agreed ? ' (both coders)' : ''}`,
            );
          }
        }
      }
      return lines;
    }
    case 'network':
      // GitHub and GitLab draw a mermaid block; the labels are escaped for Mermaid, not for Markdown.
      return ['```mermaid', ...networkToMermaid(block.network).trimEnd().split('\n'), '```'];
  }
}

/** The report as GitHub-flavoured Markdown. Deterministic (no dates), so a committed report diffs cleanly. */
export function renderMarkdown(report: StudyReport): string {
  return (
    reportBlocks(report)
      .map((block) => blockMarkdown(block).join('\n'))
      .join('\n\n') + '\n'
  );
}
