import { isSidecarUri, settingsLoadProblems, type Study } from '../core/index';
import type { Output } from './output';
import { CliError, EXIT_FILE_ACCESS } from './errors';

/**
 * Edits that read the codebook must not run on one that failed to load (it would be rewritten from
 * nothing), nor on one that leads outside the study, nor while grounded.yaml does not load (which codebook
 * the study means is then unknown: the default one would be written instead).
 */
export function requireCodebook(study: Study, out: Output): void {
  const settingsProblems = settingsLoadProblems(study);
  if (settingsProblems.length > 0) {
    for (const p of settingsProblems) out.error(out.formatProblem(p));
    throw new CliError(`${out.path(study.settingsUri as string)} does not load; fix it first (see above)`, 1);
  }
  if (study.outside?.includes(study.codebookUri)) {
    for (const p of study.problems) if (p.kind === 'link-outside-study') out.error(out.formatProblem(p));
    throw new CliError(
      `${study.settings.codebook} leads outside the study folder through a symbolic link; Grounded does not write there`,
      1,
    );
  }
  if (study.codebookLoaded) return;
  printProblemsOf(study, study.codebookUri, out);
  throw new CliError(
    `${out.path(study.codebookUri)} does not load; fix it first (see above)`,
    exitCodeFor(study, [study.codebookUri]),
  );
}

/**
 * Codebook-wide edits (merge, delete) touch every sidecar. One that does not load would keep the old code
 * and end up with codings of a code that no longer exists, so refuse before changing anything.
 */
export function requireAllSidecarsLoad(study: Study, out: Output): void {
  const broken = new Set(
    study.problems
      .filter((p) => p.severity === 'error' && (isSidecarUri(p.uri) || UNREADABLE.has(p.kind)))
      .map((p) => p.uri),
  );
  if (broken.size === 0) return;
  for (const uri of broken) printProblemsOf(study, uri, out);
  throw new CliError(
    `${broken.size} file(s) do not load; fix them first so that every coding is updated (see above, or run \`grounded check\`)`,
    exitCodeFor(study, broken),
  );
}

/** 3 when one of the files is refused because it could not be read at all (a permission, a broken drive), else 1. */
function exitCodeFor(study: Study, uris: Iterable<string>): 1 | 3 {
  const refused = new Set(uris);
  return study.problems.some((p) => p.kind === 'read' && refused.has(p.uri)) ? EXIT_FILE_ACCESS : 1;
}

/** A transcript that cannot be read hides its sidecars from the study, so they would be skipped too. */
const UNREADABLE = new Set(['encoding', 'read']);

function printProblemsOf(study: Study, uri: string, out: Output): void {
  for (const p of study.problems) if (p.uri === uri) out.error(out.formatProblem(p));
}
