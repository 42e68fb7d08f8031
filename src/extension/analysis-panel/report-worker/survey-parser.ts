import type { Loaded, MergedSurvey, SurveyFile, SurveyParser, SurveySettings } from '../../../core/index';
import type { WorkerHandle } from './worker-report-computer';

/**
 * Parses survey files in a report worker of its own, started for the parse and stopped after it: a survey of
 * thousands of rows takes a few hundred milliseconds to parse (cold), which the extension host's thread would
 * otherwise spend at once (the Retrieve view's or Find Similar Passages' first survey filter). The host reads
 * the bytes and keeps them (SurveyCache compares them later), so they are copied, not moved. Rejects when the
 * worker cannot start or fails; the cache then parses in-process.
 */
export function parseSurveyInWorker(start: () => WorkerHandle): SurveyParser {
  return (files: readonly SurveyFile[], settings: SurveySettings) =>
    new Promise<Loaded<MergedSurvey>>((resolve, reject) => {
      const worker = start();
      const done = (settle: () => void) => {
        worker.terminate();
        settle();
      };
      worker.onError((error) => done(() => reject(error)));
      worker.onMessage((message) => {
        if (message.type === 'survey') done(() => resolve(message.loaded));
        else if (message.type === 'failed') done(() => reject(new Error(message.message)));
      });
      worker.post({ type: 'survey', job: 0, files, settings });
    });
}
