import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildStudyReport, loadSurvey } from '../../src/core/analysis/index';
import type { StudyReport } from '../../src/core/analysis/report-types';
import { loadStudy } from '../../src/core/study/load-study';
import type { Study } from '../../src/core/study/study';
import type { MergedSurvey } from '../../src/core/survey/index';
import { NodeFileSystem } from '../../src/node/node-file-system';
import { studyFacts } from '../../src/extension/analysis-panel/report-builder';
import type { HostMessage, ReportRequestState } from '../../webview/protocol';

export const EXAMPLE = path.resolve(__dirname, '../../examples/mentorship-study');

export interface Example {
  study: Study;
  survey: MergedSurvey | undefined;
  reportMessage(request: ReportRequestState): Extract<HostMessage, { type: 'report' }>;
}

/** The example study loaded in Node, and the report message the host would post for a request. */
export async function loadExample(): Promise<Example> {
  const fs = new NodeFileSystem();
  const study = await loadStudy(fs, pathToFileURL(EXAMPLE).href);
  const loaded = await loadSurvey(fs, study);
  const survey = loaded?.ok ? loaded.value : undefined;
  const warnings = loaded?.ok ? loaded.warnings : (loaded?.problems ?? []);
  return {
    study,
    survey,
    reportMessage: (request) => {
      const report = buildStudyReport(
        study,
        survey,
        {
          ...(request.by !== null ? { by: request.by } : {}),
          ...(request.coders ? { coders: request.coders } : {}),
          filters: request.filters,
          ...(request.uncoded ? { uncoded: request.uncoded } : {}),
        },
        warnings,
      );
      return { type: 'report', report, request, study: studyFacts(study) };
    },
  };
}

/** Markup, script URLs and spreadsheet formulas where a real study could hold them. */
export const HOSTILE = {
  img: '<img src=x onerror="window.__xss=1">',
  script: '<script>window.__xss=2</script>',
  link: 'javascript:window.__xss=3',
  formula: '=HYPERLINK("http://evil.invalid","x")',
  plus: '+cmd|" /C calc"!A0',
  minus: '-2+3',
  at: '@SUM(1,1)',
};

/**
 * The example's report with hostile text in every user-data field the panel shows: code names, quotes,
 * participants, group levels, variable names, problem messages and file names.
 */
export function hostileReport(
  message: Extract<HostMessage, { type: 'report' }>,
): Extract<HostMessage, { type: 'report' }> {
  const report = JSON.parse(JSON.stringify(message.report)) as StudyReport;
  const values = Object.values(HOSTILE);
  const pick = (i: number) => values[i % values.length] as string;
  report.title = HOSTILE.script;
  report.codes.forEach((c, i) => {
    c.name = `${pick(i)} ${c.name}`;
  });
  report.codesByGroup.forEach((c, i) => {
    c.name = pick(i);
  });
  report.variables.forEach((v, i) => {
    if (v.kind === 'categorical')
      v.levels.forEach((l, j) => {
        l.level = pick(i + j);
      });
  });
  report.comparisons.forEach((c) => {
    c.groups.forEach((g, j) => {
      g.level = pick(j);
    });
  });
  report.codesByGroup.forEach((c) =>
    c.groups.forEach((g, j) => {
      g.level = pick(j);
    }),
  );
  report.coOccurrenceByGroup.forEach((g, j) => {
    g.level = pick(j);
  });
  if (report.jointDisplay) {
    report.jointDisplay.groups = report.jointDisplay.groups.map((_, j) => pick(j));
    report.jointDisplay.rows.forEach((row, i) => {
      row.cells.forEach((cell, j) => {
        cell.level = pick(j);
        cell.quotes.forEach((q, k) => {
          q.text = pick(i + j + k);
          q.participant = HOSTILE.link;
        });
      });
    });
  }
  report.problems.push({
    file: `${HOSTILE.img}.csv`,
    line: 3,
    column: 1,
    severity: 'warning',
    kind: 'test',
    message: HOSTILE.script,
    hint: HOSTILE.formula,
  });
  report.methods.push(HOSTILE.img);
  return {
    ...message,
    report,
    study: {
      ...message.study,
      problems: [{ file: HOSTILE.link, line: 1, column: 1, severity: 'error', kind: 'test', message: HOSTILE.img }],
    },
  };
}

/**
 * A report the size of a very large study, made from the example's by renaming copies of every code
 * (pairs, prevalence rows, joint rows and code comparisons multiply with it). Only the panel's
 * responsiveness is measured with it; its figures are the example's, repeated.
 */
export function scaledReport(
  message: Extract<HostMessage, { type: 'report' }>,
  copies: number,
): Extract<HostMessage, { type: 'report' }> {
  const base = message.report;
  const report = JSON.parse(JSON.stringify(base)) as StudyReport;
  const suffix = (id: string, k: number) => (k === 0 ? id : `${id}~${k}`);
  const copy = <T>(items: readonly T[], rename: (item: T, k: number) => T): T[] =>
    Array.from({ length: copies }, (_, k) =>
      items.map((item) => rename(JSON.parse(JSON.stringify(item)) as T, k)),
    ).flat();
  report.codes = copy(base.codes, (c, k) => ({
    ...c,
    id: suffix(c.id, k),
    name: k === 0 ? c.name : `${c.name} ${k}`,
    parent: c.parent === null ? null : suffix(c.parent, k),
  }));
  report.codesByGroup = copy(base.codesByGroup, (c, k) => ({ ...c, code: suffix(c.code, k) }));
  report.codeComparisons = copy(base.codeComparisons, (c, k) => ({ ...c, code: suffix(c.code, k) }));
  report.coOccurrence = copy(base.coOccurrence, (c, k) => ({ ...c, a: suffix(c.a, k), b: suffix(c.b, k) }));
  if (report.jointDisplay && base.jointDisplay)
    report.jointDisplay.rows = copy(base.jointDisplay.rows, (r, k) => ({ ...r, code: suffix(r.code, k) }));
  return { ...message, report };
}
