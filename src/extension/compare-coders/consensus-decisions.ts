import { type Coding, consensusSeed, type Study } from '../../core/index';

/**
 * The consensus coder's codings that are decisions, by transcript path (undefined: no consensus sidecar).
 * A consensus coding over a segment both coders agree on (a matched pair's union or intersection, as the seed
 * writes it) is left out: it is the seed's, not a decision, and it may lie inside a disagreement when one coder
 * coded the same code again around it (in the example, jonas coded P20's "Five papers." on its own and within a
 * longer passage amara left out). Free of `vscode`: unit-tested in Node.
 */
export function consensusDecisions(
  study: Study,
  first: string,
  second: string,
  consensus: string,
  overlap: number,
): Map<string, readonly Coding[] | undefined> {
  const keyOf = (path: string, c: { code: string; start: number; end: number }) =>
    `${path}\u0000${c.code}\u0000${c.start}\u0000${c.end}`;
  const agreed = new Set(
    (['union', 'intersection'] as const).flatMap((ranges) =>
      consensusSeed(study, first, second, { ranges, overlap }).flatMap(({ transcript, codings }) =>
        codings.map((c) => keyOf(transcript.path, c)),
      ),
    ),
  );
  return new Map(
    study.transcripts.map((t) => [
      t.path,
      t.sidecars.find((s) => s.coder === consensus)?.sidecar.codings.filter((c) => !agreed.has(keyOf(t.path, c))),
    ]),
  );
}
