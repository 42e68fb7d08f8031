import type { Problem } from '../problems';
import type { Study } from './study';

/**
 * The errors that keep grounded.yaml from loading (the study then runs on defaults, so which codebook it
 * means is unknown); empty when it loads or there is none. The 'link-outside-study' problems it hosts about
 * the locations it names do not count (each of those is refused on its own), unless grounded.yaml itself
 * is a link to elsewhere (then it was not read, and it hosts no others).
 */
export function settingsLoadProblems(study: Study): Problem[] {
  const uri = study.settingsUri;
  if (uri === undefined) return [];
  const itselfOutside = study.outside?.includes(uri) ?? false;
  return study.problems.filter(
    (p) => p.uri === uri && p.severity === 'error' && (p.kind !== 'link-outside-study' || itselfOutside),
  );
}
