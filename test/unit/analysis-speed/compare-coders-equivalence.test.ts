import assert from 'node:assert/strict';
import { join } from 'node:path';
import { codeTree } from '../../../src/core/analysis/code-tree';
import {
  codingsOf,
  comparedTranscripts,
  compareCoders,
  type PairAgreement,
} from '../../../src/core/agreement/compare-coders';
import { intersectionLength, lengthOf, unionOf } from '../../../src/core/agreement/ranges';
import { matchSegments } from '../../../src/core/agreement/segments';
import type { Coding } from '../../../src/core/model';
import { loadStudy } from '../../../src/core/study/load-study';
import type { Study } from '../../../src/core/study/study';
import { NodeFileSystem, pathToUri } from '../../../src/node/node-file-system';
import { Random } from '../support/random';
import { studyOf, type CodingSpec, type TranscriptSpec } from '../core/agreement/study-builder';

const EXAMPLE = join(__dirname, '../../../examples/mentorship-study');

interface Table {
  both: number;
  first: number;
  second: number;
  neither: number;
}

interface RowCounts {
  character: Table;
  withinCoded: Table;
  transcript: Table;
  segment: { matched: number; first: number; second: number };
}

function emptyCounts(): RowCounts {
  const table = () => ({ both: 0, first: 0, second: 0, neither: 0 });
  return {
    character: table(),
    withinCoded: table(),
    transcript: table(),
    segment: { matched: 0, first: 0, second: 0 },
  };
}

function add(into: Table, both: number, first: number, second: number, neither: number): void {
  into.both += both;
  into.first += first;
  into.second += second;
  into.neither += neither;
}

/**
 * The counts of one set of codes, straight from the definitions: per compared transcript, each coder's codings
 * of the codes as a union of ranges, the intersection of the two unions, presence, and segments matched code
 * by code.
 */
function referenceCounts(study: Study, first: string, second: string, members: readonly string[]): RowCounts {
  const counts = emptyCounts();
  const codes = new Set(members);
  for (const transcript of comparedTranscripts(study, [first, second]).compared) {
    const all = [...codingsOf(transcript, first), ...codingsOf(transcript, second)];
    const ofCodes = (coder: string) => codingsOf(transcript, coder).filter((c) => codes.has(c.code));
    const a = ofCodes(first);
    const b = ofCodes(second);
    const unionA = unionOf(a);
    const unionB = unionOf(b);
    const both = intersectionLength(unionA, unionB);
    const onlyA = lengthOf(unionA) - both;
    const onlyB = lengthOf(unionB) - both;
    const either = both + onlyA + onlyB;
    add(counts.character, both, onlyA, onlyB, [...transcript.text].length - either);
    add(counts.withinCoded, both, onlyA, onlyB, lengthOf(unionOf(all)) - either);
    const usesA = a.length > 0;
    const usesB = b.length > 0;
    add(counts.transcript, +(usesA && usesB), +(usesA && !usesB), +(!usesA && usesB), +(!usesA && !usesB));
    for (const code of codes) {
      const m = matchSegments(
        a.filter((c: Coding) => c.code === code),
        b.filter((c: Coding) => c.code === code),
        0.8,
      );
      counts.segment.matched += m.matched.length;
      counts.segment.first += m.firstOnly.length;
      counts.segment.second += m.secondOnly.length;
    }
  }
  return counts;
}

/** The counts of compareCoders' result (its coefficients are computed from these by one function). */
function countsOfResult(row: PairAgreement['pooled']): RowCounts {
  const table = (t: Table) => ({ both: t.both, first: t.first, second: t.second, neither: t.neither });
  return {
    character: table(row.character),
    withinCoded: table(row.character.withinCoded),
    transcript: table(row.transcript),
    segment: { matched: row.segment.matched, first: row.segment.first, second: row.segment.second },
  };
}

/** compareCoders' rows and pool against the reference counts; returns how many rows had counts. */
function assertSameAgreement(study: Study, first: string, second: string, label: string): number {
  const result = compareCoders(study, first, second);
  const used = new Set(
    comparedTranscripts(study, [first, second]).compared.flatMap((t) =>
      [first, second].flatMap((coder) => codingsOf(t, coder).map((c) => c.code)),
    ),
  );
  const rows = codeTree(study.codebook, used).filter((code) => code.members.some((m) => used.has(m)));
  assert.deepStrictEqual(
    result.codes.map((row) => row.code),
    rows.map((row) => row.id),
    `${label}: rows`,
  );
  let counted = 0;
  rows.forEach((row, i) => {
    const expected = referenceCounts(study, first, second, row.members);
    assert.deepStrictEqual(countsOfResult(result.codes[i] as PairAgreement['pooled']), expected, `${label}: ${row.id}`);
    if (expected.character.both > 0) counted++;
  });
  // The pool: every code some coding has, each counted on its own, summed.
  const pooled = emptyCounts();
  for (const id of [...new Set(rows.flatMap((row) => row.members))].filter((id) => used.has(id))) {
    const one = referenceCounts(study, first, second, [id]);
    for (const key of ['character', 'withinCoded', 'transcript'] as const)
      add(pooled[key], one[key].both, one[key].first, one[key].second, one[key].neither);
    pooled.segment.matched += one.segment.matched;
    pooled.segment.first += one.segment.first;
    pooled.segment.second += one.segment.second;
  }
  assert.deepStrictEqual(countsOfResult(result.pooled), pooled, `${label}: pooled`);
  return counted;
}

const CODEBOOK = [
  { id: 'a' },
  { id: 'a1', parent: 'a' },
  { id: 'a2', parent: 'a' },
  { id: 'a11', parent: 'a1' },
  { id: 'b' },
  { id: 'b1', parent: 'b' },
  { id: 'c' },
];

function randomCodings(random: Random, length: number): CodingSpec[] {
  return Array.from({ length: random.int(0, 14) }, () => {
    const start = random.int(0, length - 1);
    const roll = random.next();
    // Now and then an empty range, a reversed one, or one a coder copied from the other's spot.
    const end = roll < 0.05 ? start : roll < 0.08 ? start - 1 : Math.min(length, start + random.int(1, 25));
    return { code: random.pick(['a', 'a1', 'a2', 'a11', 'b', 'b1', 'c', 'not-in-codebook']), start, end };
  });
}

describe('agreement: numbering the codes gives exactly what looking them up by id gives', () => {
  it('on 300 random studies: nested codes, a code the codebook lacks, transcripts one coder skipped', () => {
    const random = new Random(67);
    let counted = 0;
    for (let round = 0; round < 300; round++) {
      const transcripts: TranscriptSpec[] = Array.from({ length: random.int(1, 6) }, (_, t) => {
        const length = random.int(20, 120);
        const shared = randomCodings(random, length);
        const roll = random.next();
        return {
          path: `P${t}.txt`,
          length,
          codings: {
            // Mostly codings of their own; sometimes the same ones (agreement) or none (not compared).
            amara: roll < 0.1 ? null : random.next() < 0.3 ? shared : randomCodings(random, length),
            jonas: roll > 0.92 ? null : random.next() < 0.3 ? shared : randomCodings(random, length),
          },
        };
      });
      counted += assertSameAgreement(studyOf(CODEBOOK, transcripts), 'amara', 'jonas', `round ${round}`);
    }
    assert.ok(counted > 500, `rows with code points both coders coded: ${counted}`);
  });

  it('on the example study', async () => {
    const study = await loadStudy(new NodeFileSystem(), pathToUri(EXAMPLE));
    const coders = [...new Set(study.transcripts.flatMap((t) => t.sidecars.map((s) => s.coder)))].sort();
    assert.ok(coders.length >= 2, `coders: ${coders.join(', ')}`);
    let counted = 0;
    for (const first of coders)
      for (const second of coders)
        if (first !== second) counted += assertSameAgreement(study, first, second, `${first} × ${second}`);
    assert.ok(counted > 10, `rows with code points both coders coded: ${counted}`);
  });
});
