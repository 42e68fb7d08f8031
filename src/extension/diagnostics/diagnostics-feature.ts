import type { Feature } from '../services';
import { StudyDiagnostics } from './study-diagnostics';

/** Staying correct: the study's problems in the Problems panel and as squiggles on the files. */
export const diagnosticsFeature: Feature = (services) => {
  const diagnostics = new StudyDiagnostics(services.studies);
  services.context.subscriptions.push(diagnostics);
  services.testHooks = { ...services.testHooks, diagnostics: diagnostics.collection };
};
