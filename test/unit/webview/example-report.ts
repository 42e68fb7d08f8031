import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildStudyReport, loadSurvey } from '../../../src/core/analysis/index';
import type { StudyReport } from '../../../src/core/analysis/report-types';
import { loadStudy } from '../../../src/core/study/load-study';
import type { Study } from '../../../src/core/study/study';
import type { MergedSurvey } from '../../../src/core/survey/index';
import { NodeFileSystem } from '../../../src/node/node-file-system';

export interface LoadedExample {
  study: Study;
  survey: MergedSurvey | undefined;
  byGender: StudyReport;
  plain: StudyReport;
}

let cached: Promise<LoadedExample> | undefined;

/** The example study's reports, built once per run (loading it is the slow part). */
export function example(): Promise<LoadedExample> {
  cached ??= (async () => {
    const fs = new NodeFileSystem();
    const study = await loadStudy(
      fs,
      pathToFileURL(path.resolve(__dirname, '../../../examples/mentorship-study')).href,
    );
    const loaded = await loadSurvey(fs, study);
    const survey = loaded?.ok ? loaded.value : undefined;
    return {
      study,
      survey,
      byGender: buildStudyReport(study, survey, { by: 'gender' }),
      plain: buildStudyReport(study, survey, {}),
    };
  })();
  return cached;
}
