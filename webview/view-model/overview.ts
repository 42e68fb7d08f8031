import { denominatorNoun, denominatorNotes } from '../../src/core/analysis/denominator';
import type { ReportProblem, StudyFacts, StudyReport } from '../protocol';
import { text, type Cell, type TableModel } from './table';

export interface Figure {
  label: string;
  value: string;
  /** What the figure counts, for the tooltip. */
  detail: string;
}

function problemCell(p: ReportProblem): Cell {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  return {
    text: where,
    csv: where,
    action: { kind: 'post', message: { type: 'openProblem', file: p.file, line: p.line, column: p.column } },
  };
}

/** The headline counts of the Overview section. */
export function overviewFigures(report: StudyReport, study: StudyFacts): Figure[] {
  const p = report.participants;
  // Each coding belongs to exactly one top-level code (a category counts its sub-codes), so the top level sums to all codings.
  const codings = report.codes.filter((c) => c.depth === 0).reduce((sum, c) => sum + c.codings, 0);
  const matchedRows = p.withSurvey - p.rowsWithoutTranscript.length;
  const figures: Figure[] = [
    {
      label: 'Participants',
      value: String(p.total),
      detail: 'survey rows and transcripts joined by participant id, after the filters',
    },
    { label: 'Transcripts', value: String(study.transcripts), detail: 'transcripts in the study folder' },
    { label: 'Codings', value: String(codings), detail: 'codings by the included coders in the included participants' },
    {
      label: 'Coders',
      value: `${report.coders.included.length} of ${report.coders.available.length}`,
      detail: `included: ${report.coders.included.join(', ') || 'none'}`,
    },
    {
      label: 'Coded participants',
      value: String(p.coded),
      detail: 'participants with a transcript an included coder has a sidecar for (an empty one included)',
    },
    {
      label: 'Not coded',
      value: String(p.notCoded),
      detail:
        p.uncoded === 'absent'
          ? 'interviewed, no sidecar by an included coder: counted as not having the codes (analysis.uncoded: absent)'
          : 'interviewed, no sidecar by an included coder: left out of code figures (analysis.uncoded: missing)',
    },
    {
      label: 'In code figures',
      value: String(p.codesKnown),
      detail: `the denominator of code prevalence: ${denominatorNoun(p)}`,
    },
    { label: 'Survey rows matched', value: String(matchedRows), detail: 'survey rows with a transcript' },
    {
      label: 'Survey rows unmatched',
      value: String(p.rowsWithoutTranscript.length),
      detail: 'survey rows without a transcript',
    },
    {
      label: 'Transcripts without a row',
      value: String(p.transcriptsWithoutRow.length + p.transcriptsWithoutParticipant.length),
      detail: 'transcripts whose participant has no survey row, or no participant id',
    },
    {
      label: 'Joined',
      value: String(p.joined),
      detail: 'participants with both a survey row and a coded transcript: the base of code × survey analyses',
    },
  ];
  if (report.options.filters.length > 0)
    figures.push({
      label: 'Left out by the filters',
      value: String(p.excludedByFilter),
      detail: 'participants who do not match every filter',
    });
  return figures;
}

/**
 * Who is left out of code figures (or counted as 0), why and how to mark transcripts coded: the same
 * sentences as `grounded stats` and the reports; empty when every participant's codes are known.
 */
export function denominatorLines(report: StudyReport): string[] {
  return denominatorNotes(report.participants, report.coders.included);
}

/** The prevalence denominator in words: "the 39 coded participants". */
export function denominatorText(report: StudyReport): string {
  return `the ${report.participants.codesKnown} ${denominatorNoun(report.participants)}`;
}

/** Everything that could not be joined, each with where to look. */
export function unmatchedTable(report: StudyReport): TableModel {
  const p = report.participants;
  const rows: Cell[][] = [
    ...p.transcriptsWithoutRow.map((t) => [
      problemCell({ file: t.transcript, line: 0, column: 0, severity: 'warning', kind: 'no-row', message: '' }),
      text(t.participant),
      text(
        `no survey row${t.sameIgnoringCase ? ` (the survey has ${t.sameIgnoringCase}, which differs in case)` : ''}`,
      ),
    ]),
    ...p.transcriptsWithoutParticipant.map((t) => [
      problemCell({ file: t, line: 0, column: 0, severity: 'warning', kind: 'no-participant', message: '' }),
      text(''),
      text('no participant id could be derived from the file name'),
    ]),
    ...p.rowsWithoutTranscript.map((r) => [
      problemCell({ file: r.file, line: r.line, column: 1, severity: 'warning', kind: 'no-transcript', message: '' }),
      text(r.participant),
      text('no transcript'),
    ]),
  ];
  return {
    id: 'overview-unmatched',
    title: 'Not joined',
    header: ['Where', 'Participant', 'Why'],
    numeric: [false, false, false],
    rows,
  };
}

/** Problems of the study (loading, validation) and of the survey, each opening its file at the place. */
export function problemsTable(report: StudyReport, study: StudyFacts): TableModel {
  const seen = new Set<string>();
  const all = [...study.problems, ...report.problems].filter((p) => {
    const key = `${p.file}\u0000${p.line}\u0000${p.column}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    id: 'overview-problems',
    title: 'Problems',
    header: ['Where', 'Severity', 'Problem', 'Hint'],
    numeric: [false, false, false, false],
    rows: all.map((p) => [problemCell(p), text(p.severity), text(p.message), text(p.hint ?? '')]),
  };
}
