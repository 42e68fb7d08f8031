import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alphaOverCoders } from '../../../../src/core/agreement/all-coders';
import { compareCoders, type PairAgreement } from '../../../../src/core/agreement/compare-coders';
import type { Coefficient, TwoByTwo } from '../../../../src/core/agreement/two-by-two';
import { studyOf, type CodingSpec } from './study-builder';

/** Reference values computed unit by unit in base R (test/reference/agreement-reference.R). */
const reference = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'reference', 'agreement-reference.json'), 'utf8'),
) as { agreement: PairCase[]; multiCoder: MultiCase };

interface PairCase {
  label: string;
  codebook: { id: string; parent?: string }[];
  overlap: number;
  transcripts: { path: string; length: number; first: CodingSpec[] | null; second: CodingSpec[] | null }[];
  expected: { compared: number; codes: ({ code: string } & Figures)[]; pooled: Figures };
}
interface Table {
  both: number;
  first: number;
  second: number;
  neither: number;
  percent?: number | null;
  kappa?: number | null;
}
interface Figures {
  character: Table & { withinCoded: Table };
  transcript: Table & { alpha?: number | null };
  segment: { matched: number; first: number; second: number; percent?: number | null };
}
interface MultiCase {
  label: string;
  coders: string[];
  codebook: { id: string; parent?: string }[];
  transcripts: { path: string; codings: Record<string, string[] | null> }[];
  expected: { transcripts: number; codes: { code: string; alpha: number | null }[]; pooled: number | null };
}

const TOLERANCE = 1e-9;

function assertCoefficient(actual: Coefficient, expected: number | null | undefined, what: string): void {
  if (expected === null || expected === undefined) {
    assert.equal(actual.value, null, `${what}: R says undefined, got ${actual.value}`);
    assert.ok(actual.reason, `${what}: an undefined figure says why`);
  } else {
    assert.ok(actual.value !== null, `${what}: null (${actual.reason}), R says ${expected}`);
    assert.ok(Math.abs(actual.value - expected) <= TOLERANCE, `${what}: ${actual.value} ≠ R ${expected}`);
  }
}

function assertTable(actual: TwoByTwo & { percent: Coefficient; kappa: Coefficient }, expected: Table, what: string) {
  assert.deepEqual(
    [actual.both, actual.first, actual.second, actual.neither],
    [expected.both, expected.first, expected.second, expected.neither],
    `${what}: counts`,
  );
  assertCoefficient(actual.percent, expected.percent, `${what} percent`);
  assertCoefficient(actual.kappa, expected.kappa, `${what} κ`);
}

function assertFigures(actual: PairAgreement['pooled'], expected: Figures, what: string): void {
  assertTable(actual.character, expected.character, `${what} character`);
  assertTable(actual.character.withinCoded, expected.character.withinCoded, `${what} character within coded`);
  assertTable(actual.transcript, expected.transcript, `${what} transcript`);
  assertCoefficient(actual.transcript.alpha, expected.transcript.alpha, `${what} transcript α`);
  assert.deepEqual(
    [actual.segment.matched, actual.segment.first, actual.segment.second],
    [expected.segment.matched, expected.segment.first, expected.segment.second],
    `${what}: segments`,
  );
  assertCoefficient(actual.segment.percent, expected.segment.percent, `${what} segment percent`);
}

function studyOfCase(c: PairCase) {
  return studyOf(
    c.codebook,
    c.transcripts.map((t) => ({ path: t.path, length: t.length, codings: { amara: t.first, jonas: t.second } })),
  );
}

describe('agreement: two coders against R (1e-9)', () => {
  for (const c of reference.agreement) {
    it(c.label, () => {
      const codes = c.expected.codes.map((row) => row.code);
      const result = compareCoders(studyOfCase(c), 'amara', 'jonas', { codes, overlap: c.overlap });
      assert.equal(result.compared.length, c.expected.compared);
      assert.deepEqual(
        result.codes.map((row) => row.code),
        codes,
      );
      c.expected.codes.forEach((expected, index) =>
        assertFigures(result.codes[index] as PairAgreement['codes'][number], expected, expected.code),
      );
      assertFigures(result.pooled, c.expected.pooled, 'pooled');
    });
  }

  it('swapping the coders swaps first and second and leaves κ, α and percentages unchanged', () => {
    for (const c of reference.agreement) {
      const codes = c.expected.codes.map((row) => row.code);
      const ab = compareCoders(studyOfCase(c), 'amara', 'jonas', { codes, overlap: c.overlap });
      const ba = compareCoders(studyOfCase(c), 'jonas', 'amara', { codes, overlap: c.overlap });
      for (const [x, y] of [...ab.codes.map((row, i) => [row, ba.codes[i]]), [ab.pooled, ba.pooled]] as const) {
        assert.ok(x && y);
        for (const unit of ['character', 'transcript'] as const) {
          assert.deepEqual([x[unit].first, x[unit].second], [y[unit].second, y[unit].first], `${c.label} ${unit}`);
          assert.equal(x[unit].kappa.value, y[unit].kappa.value);
          assert.equal(x[unit].percent.value, y[unit].percent.value);
        }
        assert.equal(x.transcript.alpha.value, y.transcript.alpha.value);
        assert.deepEqual(
          [x.segment.matched, x.segment.first, x.segment.second],
          [y.segment.matched, y.segment.second, y.segment.first],
        );
      }
    }
  });

  it('transcripts only one coder coded are listed as not compared, never as disagreement', () => {
    const c = reference.agreement[0] as PairCase;
    const result = compareCoders(studyOfCase(c), 'amara', 'jonas', { overlap: c.overlap });
    assert.deepEqual(result.compared, ['T1.txt', 'T2.txt']);
    assert.deepEqual(result.notCompared, [{ transcript: 'T3.txt', codedBy: ['amara'] }]);
  });

  it('without --code: every code either coder used, categories before their children', () => {
    const c = reference.agreement[0] as PairCase;
    const result = compareCoders(studyOfCase(c), 'amara', 'jonas');
    assert.deepEqual(
      result.codes.map((row) => [row.code, row.category]),
      [
        ['burnout', false],
        ['support', true],
        ['mentor', false],
        ['peer', false],
      ],
    );
  });
});

describe("agreement: Krippendorff's α over three coders against R (1e-9)", () => {
  const m = reference.multiCoder;
  const study = studyOf(
    m.codebook,
    m.transcripts.map((t) => ({
      path: t.path,
      length: 10,
      codings: Object.fromEntries(
        Object.entries(t.codings).map(([coder, codes]) => [
          coder,
          codes === null ? null : codes.map((code, i) => ({ code, start: i, end: i + 1 })),
        ]),
      ),
    })),
  );
  it(m.label, () => {
    const result = alphaOverCoders(study, m.coders, ['support', 'mentor', 'burnout']);
    assert.equal(result.transcripts, m.expected.transcripts);
    m.expected.codes.forEach((expected, i) => assertCoefficient(result.codes[i]!.alpha, expected.alpha, expected.code));
    assertCoefficient(result.pooled, m.expected.pooled, 'pooled α');
  });
});
