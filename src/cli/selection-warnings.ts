import { cellLabel, coderIdFrom, passesFilters, type MergedSurvey, type ReportFilter, type Study } from '../core/index';
import type { Output } from './output';

/**
 * Warnings (on stderr) for a selection that leaves nothing to show: without them an empty listing or table
 * reads as "there is nothing", when the options chose nobody.
 */

/** Coders with at least one sidecar in the study, sorted. */
export function studyCoders(study: Study): string[] {
  return [...new Set(study.transcripts.flatMap((t) => t.sidecars.map((s) => s.coder)))].sort();
}

/** A coder as given on the command line, matched as `grounded retrieve` matches it: as written, else as an id. */
export function knownCoder(study: Study, given: string): string | undefined {
  const coders = studyCoders(study);
  return coders.includes(given) ? given : coders.find((coder) => coder === coderIdFrom(given));
}

/** --coder naming a coder without any sidecar. Returns whether there was one. */
export function warnAboutUnknownCoders(study: Study, coders: readonly string[], out: Output): boolean {
  const unknown = coders.filter((coder) => knownCoder(study, coder) === undefined);
  const known = studyCoders(study);
  for (const coder of unknown)
    out.error(
      `warning: no sidecars by coder "${coder}"; coders: ${known.length > 0 ? known.join(', ') : '(none yet)'}`,
    );
  return unknown.length > 0;
}

/** --participant naming nobody with a transcript. Returns whether it did. */
export function warnAboutUnknownParticipant(study: Study, participant: string, out: Output): boolean {
  const participants = [
    ...new Set(study.transcripts.flatMap((t) => (t.participant === undefined ? [] : [t.participant]))),
  ];
  if (participants.includes(participant)) return false;
  out.error(`warning: no transcript of participant "${participant}"; participants: ${shortList(participants.sort())}`);
  return true;
}

/**
 * --where that no participant's survey row matches: every figure would be empty. Names the values each
 * filtered column does have, since a typo or another spelling ("Female" for "female") is the usual cause.
 */
export function warnAboutEmptySelection(
  survey: MergedSurvey | undefined,
  filters: readonly ReportFilter[],
  out: Output,
): boolean {
  if (!survey || filters.length === 0) return false;
  const columns = new Map(survey.columns.map((column) => [column.name, column]));
  if (survey.rows.some((row) => passesFilters(columns, row.values, filters))) return false;
  const where = filters.map((f) => `--where ${f.column}=${f.value}`).join(' ');
  out.error(`warning: no participant matches ${where}, so the result is empty`);
  for (const name of new Set(filters.map((f) => f.column))) {
    const column = columns.get(name);
    if (!column) continue;
    const labels = new Set<string>();
    for (const row of survey.rows) {
      const label = cellLabel(column, row.values[name] ?? null);
      if (label !== null) labels.add(label);
    }
    out.error(`  ${name} has: ${shortList([...labels].sort())}`);
  }
  return true;
}

function shortList(items: readonly string[], limit = 12): string {
  if (items.length === 0) return '(none)';
  return items.length <= limit ? items.join(', ') : `${items.slice(0, limit).join(', ')}, … (${items.length} in all)`;
}
