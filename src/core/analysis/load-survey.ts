import type { FileSystemPort } from '../ports/file-system';
import { problem, type Loaded, type Problem } from '../problems';
import { DEFAULT_SETTINGS } from '../settings/format';
import type { Study } from '../study/study';
import type { MergedSurvey } from '../survey/index';
import { parseSurveyFiles, type SurveyFile } from './parse-survey-files';
import { joinUri } from '../uri';
import type { SurveyCache } from './survey-cache';

/**
 * Reads and merges the study's survey files (settings.survey.files). Returns undefined when the study
 * declares no survey, or relies on the default survey.csv and has none: a qualitative-only study still
 * gets a code report. Never throws: an unreadable or malformed file is an error problem, and the survey then does not load at all, because statistics for
 * publication must not run on a silently reduced set of rows.
 */
export async function loadSurvey(
  fs: FileSystemPort,
  study: Study,
  cache?: SurveyCache,
): Promise<Loaded<MergedSurvey> | undefined> {
  const { files } = study.settings.survey;
  if (files.length === 0) return undefined;
  // The default (survey.csv at the root) is a guess, not a declaration: its absence means "no survey".
  if (await isAbsentDefault(fs, study, files)) return undefined;
  const read: SurveyFile[] = [];
  const problems: Problem[] = [];
  let failed = false;
  for (const file of files) {
    const uri = joinUri(study.root, file);
    if (study.outside?.includes(uri)) {
      // Never read: its content could end up in an error message (a link to /etc/passwd).
      problems.push(
        problem(
          uri,
          0,
          0,
          'link-outside-study',
          `survey file ${file} leads outside the study folder through a symbolic link; it is not read`,
          'replace the link by the file itself',
        ),
      );
      failed = true;
      continue;
    }
    let bytes: Uint8Array;
    try {
      const stat = await fs.stat(uri);
      if (!stat || stat.type !== 'file') {
        problems.push(
          problem(
            uri,
            0,
            0,
            'survey-not-found',
            `survey file ${file} does not exist`,
            'fix survey.files in grounded.yaml',
          ),
        );
        failed = true;
        continue;
      }
      bytes = await fs.readFile(uri);
    } catch (error) {
      problems.push(
        problem(
          uri,
          0,
          0,
          'survey-unreadable',
          `survey file ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
      failed = true;
      continue;
    }
    read.push({ uri, bytes });
  }
  if (failed) return { ok: false, problems };
  return cache ? cache.parsed(study.root, study.settings.survey, read) : parseSurveyFiles(read, study.settings.survey);
}

async function isAbsentDefault(fs: FileSystemPort, study: Study, files: readonly string[]): Promise<boolean> {
  const defaults = DEFAULT_SETTINGS.survey.files;
  if (files.length !== defaults.length || files.some((file, i) => file !== defaults[i])) return false;
  try {
    return (await fs.stat(joinUri(study.root, files[0] as string))) === undefined;
  } catch {
    return false; // unreadable is a problem to report, which the caller does
  }
}
