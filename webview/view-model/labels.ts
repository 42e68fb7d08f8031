import type { CodeSummary, StudyReport } from '../../src/core/analysis/report-types';

/** A code as the report names it: indented under its category, with its id when the name differs. */
export function codeLabel(code: Pick<CodeSummary, 'name' | 'id' | 'depth'>): string {
  return `${'↳ '.repeat(code.depth)}${code.name}${code.name === code.id ? '' : ` (${code.id})`}`;
}

/** A code's plain name for charts and headings (no indentation marks). */
export function codeNames(report: StudyReport): Map<string, string> {
  return new Map(report.codes.map((c) => [c.id, c.name]));
}

export function codeLabels(report: StudyReport): Map<string, string> {
  return new Map(report.codes.map((c) => [c.id, codeLabel(c)]));
}

/** A file-name-safe slug for export names ("active_mentors by gender" → "active_mentors-by-gender"). */
export function slug(text: string): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}_]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return cleaned || 'table';
}
