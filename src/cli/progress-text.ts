import { describeProgress, type CodingProgress } from '../core/index';

/**
 * "38 / 44 coded by amara, 10 / 44 by jonas; 4 not coded by anyone": the progress line `status` and `check`
 * print. `coders` names the coders the progress was limited to (then "not coded by amara", not "by anyone").
 */
export function progressLine(progress: CodingProgress, coders?: readonly string[]): string {
  const notCoded = progress.total - progress.codedByAnyone;
  const nobody =
    coders === undefined ? 'anyone' : coders.length === 1 ? (coders[0] as string) : `any of ${coders.join(', ')}`;
  return `${describeProgress(progress)}; ${notCoded} not coded by ${nobody}`;
}

/** The progress of some coders only: the others' sidecars do not count, as if they did not exist. */
export function progressOf(progress: CodingProgress, coders: readonly string[]): CodingProgress {
  const wanted = new Set(coders);
  const transcripts = progress.transcripts.map((t) => ({
    ...t,
    codedBy: t.codedBy.filter((coder) => wanted.has(coder)),
    codings: Object.fromEntries(Object.entries(t.codings).filter(([coder]) => wanted.has(coder))),
  }));
  return {
    transcripts,
    total: progress.total,
    codedByAnyone: transcripts.filter((t) => t.codedBy.length > 0).length,
    coders: progress.coders.filter((c) => wanted.has(c.coder)),
  };
}
