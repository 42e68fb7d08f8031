import type { Coding } from '../model';
import type { Study } from '../study/study';
import { lineColumnAt } from '../text/canonical';
import { codeTree } from '../analysis/code-tree';
import { codingsOf, comparedTranscripts, DEFAULT_SEGMENT_OVERLAP, type AgreementOptions } from './compare-coders';
import { overlapRatio } from './ranges';
import { matchSegments } from './segments';

/** One coder's side of a disagreement: the coding as it is in their sidecar. */
export interface DisagreementSide {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
}

/**
 * Where two coders differ on a code: one coded a passage the other did not (`first-only`, `second-only`), or
 * both coded it but their segments overlap less than the threshold (`boundary`, with both ranges).
 */
export interface Disagreement {
  readonly transcript: string;
  readonly transcriptUri: string;
  /** 1-based line where the disagreement starts. */
  readonly line: number;
  readonly code: string;
  readonly kind: 'first-only' | 'second-only' | 'boundary';
  readonly first?: DisagreementSide;
  readonly second?: DisagreementSide;
  /**
   * Segments of the same code both coders agree on that overlap this disagreement, as the consensus seed
   * writes them (the matched pair's union and intersection): a resolution must never take them away.
   */
  readonly agreed?: readonly { readonly start: number; readonly end: number }[];
}

/**
 * The disagreements of two coders in reading order (transcript path, then position), code by code as
 * applied: what the team discusses and resolves. Matched segments (overlap ≥ threshold) are agreements.
 */
export function listDisagreements(
  study: Study,
  first: string,
  second: string,
  options: AgreementOptions = {},
): Disagreement[] {
  const threshold = options.overlap ?? DEFAULT_SEGMENT_OVERLAP;
  const wanted = options.codes && options.codes.length > 0 ? membersOf(study, options.codes) : undefined;
  const result: Disagreement[] = [];
  for (const transcript of comparedTranscripts(study, [first, second]).compared) {
    const a = codingsOf(transcript, first).filter((c) => !wanted || wanted.has(c.code));
    const b = codingsOf(transcript, second).filter((c) => !wanted || wanted.has(c.code));
    const found: Omit<Disagreement, 'transcript' | 'transcriptUri' | 'line'>[] = [];
    for (const code of new Set([...a, ...b].map((c) => c.code))) {
      const m = matchSegments(
        a.filter((c) => c.code === code),
        b.filter((c) => c.code === code),
        threshold,
      );
      // An unmatched segment that still overlaps one of the other coder's unmatched segments is the same
      // passage with other boundaries: one disagreement showing both ranges, not two.
      const agreedRanges = m.matched.flatMap(({ first: x, second: y }) => [
        { start: Math.min(x.start, y.start), end: Math.max(x.end, y.end) },
        { start: Math.max(x.start, y.start), end: Math.min(x.end, y.end) },
      ]);
      const agreedNear = (sides: readonly DisagreementSide[]) => {
        const start = Math.min(...sides.map((s) => s.start));
        const end = Math.max(...sides.map((s) => s.end));
        const near = agreedRanges.filter((r) => r.start < end && r.end > start);
        return near.length > 0 ? { agreed: near } : {};
      };
      const leftSecond = new Set(m.secondOnly);
      for (const coding of m.firstOnly) {
        const partner = [...leftSecond]
          .map((other) => ({ other, overlap: overlapRatio(coding, other) }))
          .filter((x) => x.overlap > 0)
          .sort((x, y) => y.overlap - x.overlap || x.other.start - y.other.start)[0];
        if (partner) {
          leftSecond.delete(partner.other);
          found.push({
            code,
            kind: 'boundary',
            first: side(coding),
            second: side(partner.other),
            ...agreedNear([coding, partner.other]),
          });
        } else found.push({ code, kind: 'first-only', first: side(coding), ...agreedNear([coding]) });
      }
      for (const coding of leftSecond)
        found.push({ code, kind: 'second-only', second: side(coding), ...agreedNear([coding]) });
    }
    const startOf = (d: (typeof found)[number]) => Math.min(d.first?.start ?? Infinity, d.second?.start ?? Infinity);
    found.sort((x, y) => startOf(x) - startOf(y) || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
    for (const d of found) {
      result.push({
        transcript: transcript.path,
        transcriptUri: transcript.uri,
        line: lineColumnAt(transcript.text, startOf(d)).line,
        ...d,
      });
    }
  }
  return result;
}

function side(coding: Coding): DisagreementSide {
  return { id: coding.id, start: coding.start, end: coding.end, quote: coding.quote };
}

function membersOf(study: Study, codes: readonly string[]): Set<string> {
  const tree = new Map(codeTree(study.codebook, codes).map((code) => [code.id, code.members]));
  return new Set(codes.flatMap((id) => tree.get(id) ?? [id]));
}
