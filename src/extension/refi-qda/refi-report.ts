import type { CodebookMerge, ImportSummary, Skipped } from '../../core/index';

// No 'vscode' here: what the REFI-QDA output channel says is decided by pure code, unit-tested in plain Node.

/** What a project import created and what it could not import, every item named. */
export function importReport(file: string, folder: string, summary: ImportSummary): string[] {
  const coders = summary.coders.length === 0 ? '' : ` by ${summary.coders.join(', ')}`;
  const orphans = summary.orphans === 0 ? '' : ` (${summary.orphans} orphaned: positions outside their source)`;
  return [
    `Imported ${file}${summary.project ? ` (project "${summary.project}")` : ''} into ${folder}`,
    `  ${summary.transcripts.length} transcript(s) in transcripts/`,
    `  ${summary.codings} coding(s)${coders}${orphans}`,
    `  ${summary.codes} code(s) in codebook.yaml`,
    summary.surveyRows === 0
      ? '  no cases with variables: no survey.csv'
      : `  survey.csv: ${summary.surveyRows} participant(s) × ${summary.surveyColumns} variable(s)`,
    `  ${summary.memos} memo(s) in memos/`,
    ...skippedReport(summary.notImported),
    ...(summary.warnings.length === 0
      ? []
      : [
          `Imported with a change (${summary.warnings.length}):`,
          ...summary.warnings.map((warning) => `  ${warning.where}: ${warning.message}`),
        ]),
  ];
}

/** What a codebook import added to the study's codebook and what it left as it was. */
export function codebookMergeReport(
  file: string,
  codebook: string,
  merge: Pick<CodebookMerge, 'added' | 'skipped'>,
  notImported: readonly Skipped[],
): string[] {
  return [
    `Imported the codebook ${file} into ${codebook}: added ${merge.added.length} code(s), skipped ${merge.skipped.length} the codebook already has`,
    ...merge.added.map(
      (code) => `  + "${code.name}" [${code.id}]${code.parent !== undefined ? ` under ${code.parent}` : ''}`,
    ),
    ...merge.skipped.map(
      (code) => `  = "${code.name}" is [${code.existing}] already (same ${code.how}); left as it is`,
    ),
    ...skippedReport(notImported),
  ];
}

/** What could not be imported, grouped by kind and reason, every name listed (the channel has room). */
export function skippedReport(skipped: readonly Skipped[]): string[] {
  if (skipped.length === 0) return [];
  const groups = new Map<string, { kind: string; reason: string; names: string[] }>();
  for (const item of skipped) {
    const key = `${item.kind}\u0000${item.reason}`;
    const group = groups.get(key) ?? { kind: item.kind, reason: item.reason, names: [] };
    group.names.push(item.name);
    groups.set(key, group);
  }
  return [
    `Not imported (${skipped.length}):`,
    ...[...groups.values()].map(
      ({ kind, reason, names }) =>
        `  ${names.length} ${kind}${names.length === 1 ? '' : '(s)'}: ${names.map((name) => `"${name}"`).join(', ')} — ${reason}`,
    ),
  ];
}

/** The short form for a notification: counts, and where the rest is. */
export function importHeadline(summary: ImportSummary): string {
  const left = summary.notImported.length;
  return (
    `${summary.transcripts.length} transcript(s), ${summary.codings} coding(s), ${summary.codes} code(s)` +
    (left === 0 ? '' : `; ${left} item(s) could not be imported (listed in the output)`)
  );
}
