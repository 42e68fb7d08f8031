import type { ReportQuote, StudyReport } from '../../src/core/analysis/report-types';
import { percent, percentCi, percentValue } from '../../src/core/report/format';
import type { WebviewMessage } from '../protocol';
import { codeLabels } from './labels';
import { numberCell, text, type Cell, type TableModel } from './table';

export interface JointQuote {
  text: string;
  source: string;
  open: Extract<WebviewMessage, { type: 'openCoding' }>;
}

export interface JointCellView {
  level: string;
  prevalence: string;
  ci: string;
  quotes: JointQuote[];
}

export interface JointRowView {
  code: string;
  label: string;
  depth: number;
  cells: JointCellView[];
}

export interface JointView {
  by: string;
  groups: string[];
  rows: JointRowView[];
  quoteRule: string;
}

export function quoteView(
  q: Pick<ReportQuote, 'text' | 'truncated' | 'participant' | 'transcript' | 'start' | 'end' | 'codingId' | 'coder'> & {
    agreed?: boolean;
  },
): JointQuote {
  return {
    text: `${q.text}${q.truncated ? '…' : ''}`,
    source: `${q.participant}, ${q.coder}${q.agreed ? ', both coders' : ''}`,
    open: { type: 'openCoding', transcript: q.transcript, start: q.start, end: q.end, codingId: q.codingId },
  };
}

/** Codes × groups with prevalence and the report's representative quotes (each opens its coding). */
export function jointView(report: StudyReport): JointView | undefined {
  const display = report.jointDisplay;
  if (!display) return undefined;
  const labels = codeLabels(report);
  return {
    by: display.by,
    groups: [...display.groups],
    quoteRule: display.quoteRule,
    rows: display.rows.map((row) => ({
      code: row.code,
      label: labels.get(row.code) ?? row.name,
      depth: row.depth,
      cells: row.cells.map((c) => ({
        level: c.level,
        prevalence: `${c.participants}/${c.total} (${percent(c.proportion, 1)})`,
        ci: `95% CI ${percentCi(c.ci)}`,
        quotes: c.quotes.map(quoteView),
      })),
    })),
  };
}

/** The joint display flattened for CSV: one row per code, group and quote slot. */
export function jointTable(report: StudyReport): TableModel | undefined {
  const display = report.jointDisplay;
  if (!display) return undefined;
  const labels = codeLabels(report);
  const rows: Cell[][] = display.rows.flatMap((row) =>
    row.cells.flatMap((c) => {
      const base = [
        text(labels.get(row.code) ?? row.name),
        text(c.level),
        numberCell(c.participants, String(c.participants)),
        numberCell(c.total, String(c.total)),
        numberCell(percentValue(c.proportion), percent(c.proportion, 1)),
        text(percentCi(c.ci)),
      ];
      if (c.quotes.length === 0) return [[...base, text(''), text(''), text('')]];
      return c.quotes.map((q) => [
        ...base,
        text(q.text + (q.truncated ? '…' : '')),
        text(q.participant),
        text(q.transcript),
      ]);
    }),
  );
  return {
    id: 'joint-display',
    title: `Joint display: codes by ${display.by}`,
    header: [
      'Code',
      display.by,
      'Participants',
      'Coded participants',
      '%',
      '95% CI',
      'Quote',
      'Participant',
      'Transcript',
    ],
    numeric: [false, false, true, true, true, true, false, false, false],
    rows,
  };
}
