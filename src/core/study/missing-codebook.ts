import { problem, type Problem } from '../problems';
import type { StudyTranscript } from './study';

/** How many code ids the message names before "…": enough to recognize the study, short enough to read. */
const NAMED_CODES = 5;

/**
 * One problem for a codebook file that is not there while codings use codes (deleted, or grounded.yaml
 * names a file that does not exist), instead of an "unknown code" error for every coding. Undefined when
 * no coding uses a code: a study without a codebook yet is a fresh one, not a broken one.
 */
export function missingCodebookProblem(
  codebookUri: string,
  codebookPath: string,
  transcripts: readonly StudyTranscript[],
): Problem | undefined {
  const uses = new Map<string, number>();
  let codings = 0;
  for (const transcript of transcripts)
    for (const { sidecar } of transcript.sidecars)
      for (const coding of sidecar.codings) {
        codings++;
        uses.set(coding.code, (uses.get(coding.code) ?? 0) + 1);
      }
  if (codings === 0) return undefined;
  const mostUsed = [...uses].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0)).map(([code]) => code);
  const named = mostUsed.slice(0, NAMED_CODES).join(', ') + (mostUsed.length > NAMED_CODES ? ', …' : '');
  return problem(
    codebookUri,
    0,
    0,
    'codebook-missing',
    `codebook ${codebookPath} not found: ${codings} coding(s) use ${uses.size} code(s) (${named}), so their codes were not checked`,
    `restore it from git (git checkout -- ${codebookPath}), correct "codebook:" in grounded.yaml if it names the wrong file, or run \`grounded codebook add <id>\` for each code`,
  );
}
