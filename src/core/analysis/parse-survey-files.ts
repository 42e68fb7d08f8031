import type { SurveySettings } from '../model';
import type { Loaded, Problem } from '../problems';
import { mergeSurveys, parseSurvey, type MergedSurvey, type SurveyTable } from '../survey/index';

/** A survey file as read: its URI (for problems' places) and its bytes. */
export interface SurveyFile {
  readonly uri: string;
  readonly bytes: Uint8Array;
}

/**
 * Parses a study's survey files and merges them on the participant id: the CPU-heavy half of loadSurvey, apart
 * so that it can run where the files were not read (the extension parses in a worker).
 */
export function parseSurveyFiles(read: readonly SurveyFile[], settings: SurveySettings): Loaded<MergedSurvey> {
  const tables: SurveyTable[] = [];
  const problems: Problem[] = [];
  let failed = false;
  for (const { uri, bytes } of read) {
    const parsed = parseSurvey(uri, bytes, settings);
    if (parsed.ok) {
      tables.push(parsed.value);
      problems.push(...parsed.warnings);
    } else {
      problems.push(...parsed.problems);
      failed = true;
    }
  }
  if (failed) return { ok: false, problems };
  const merged = mergeSurveys(tables);
  if (!merged.ok) return { ok: false, problems: [...problems, ...merged.problems] };
  return { ok: true, value: merged.value, warnings: [...problems, ...merged.warnings] };
}
