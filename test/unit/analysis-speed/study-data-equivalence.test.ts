import assert from 'node:assert/strict';
import { codeTree } from '../../../src/core/analysis/code-tree';
import { passesFilters } from '../../../src/core/analysis/filters';
import type { ReportFilter } from '../../../src/core/analysis/report-types';
import { buildStudyData, codeNumbersOf, type StudyData } from '../../../src/core/analysis/study-data';
import type { UncodedMode } from '../../../src/core/model';
import { codeNumbersOfStudy } from '../../../src/core/study/code-numbers';
import type { Study } from '../../../src/core/study/study';
import { mergeSurveys } from '../../../src/core/survey/merge';
import type { MergedSurvey, SurveyValue } from '../../../src/core/survey/types';
import { loaded, parse } from '../core/survey/helpers';
import { Random } from '../support/random';
import { studyOf, type CodingSpec, type TranscriptSpec } from '../core/agreement/study-builder';

const CODEBOOK = [
  { id: 'a' },
  { id: 'a1', parent: 'a' },
  { id: 'a2', parent: 'a' },
  { id: 'a11', parent: 'a1' },
  { id: 'b' },
  { id: 'b1', parent: 'b' },
  { id: '__proto__' },
];
const CODES = ['a', 'a1', 'a2', 'a11', 'b', 'b1', '__proto__', 'not-in-codebook'];

interface Options {
  readonly coders?: readonly string[];
  readonly filters: readonly ReportFilter[];
  readonly uncoded: UncodedMode;
}

/**
 * The participant records and codings from the definitions, as buildStudyData first made them: each record's
 * values copied column by column (an own property of the row, else null), each code's count the participant's
 * codings (by an included coder, in their transcripts) of the code or one of its members.
 */
function reference(study: Study, survey: MergedSurvey | undefined, options: Options) {
  const included = (coder: string) => !options.coders || options.coders.length === 0 || options.coders.includes(coder);
  const rows = survey?.rows ?? [];
  const columns = survey?.columns ?? [];
  const byName = new Map(columns.map((c) => [c.name, c]));
  const used = study.transcripts.flatMap((t) => t.sidecars.flatMap((s) => s.sidecar.codings.map((c) => c.code)));
  const codes = codeTree(study.codebook, used);
  const withTranscripts = [...new Set(study.transcripts.map((t) => t.participant?.trim()).filter((id) => !!id))];
  const ids = [...rows.map((r) => r.id), ...withTranscripts.filter((id) => !rows.some((r) => r.id === id)).sort()];
  const records: unknown[] = [];
  const codings: string[] = [];
  for (const id of ids as string[]) {
    const row = rows.find((r) => r.id === id);
    if (options.filters.length > 0 && (!row || !passesFilters(byName, row.values, options.filters))) continue;
    const transcripts = study.transcripts.filter((t) => t.participant?.trim() === id);
    const sidecars = transcripts.flatMap((t) => t.sidecars.filter((s) => included(s.coder)).map((s) => ({ t, s })));
    const mine = sidecars.flatMap(({ s }) => s.sidecar.codings);
    for (const { t, s } of sidecars)
      for (const c of s.sidecar.codings) codings.push(`${id} ${t.path} ${s.coder} ${c.id}`);
    const coded = sidecars.length > 0;
    const codesKnown = coded || (options.uncoded === 'absent' && transcripts.length > 0);
    const own = (name: string): SurveyValue =>
      row && Object.prototype.hasOwnProperty.call(row.values, name) ? (row.values[name] ?? null) : null;
    const counts = codes.map((code) => mine.filter((c) => code.members.includes(c.code)).length);
    records.push({
      id,
      transcripts: transcripts.map((t) => t.path),
      surveyed: row !== undefined,
      coded,
      codesKnown,
      values: Object.fromEntries(columns.map((c) => [c.name, own(c.name)])),
      present: Object.fromEntries(
        codes.map((code, k) => [code.id, codesKnown ? ((counts[k] as number) > 0 ? 1 : 0) : null]),
      ),
      counts: Object.fromEntries(codes.map((code, k) => [code.id, codesKnown ? counts[k] : null])),
    });
  }
  return { records, codings };
}

function randomCodings(random: Random, length: number): CodingSpec[] {
  return Array.from({ length: random.int(0, 9) }, () => {
    const start = random.int(0, length - 2);
    return { code: random.pick(CODES), start, end: start + 1 };
  });
}

function randomSurvey(random: Random, participants: number): MergedSurvey | undefined {
  if (random.next() < 0.1) return undefined;
  const header = ['id', 'gender', '__proto__', 'score', random.pick(['site', 'gender'])];
  const lines = [header.join(',')];
  for (let p = 0; p < participants + 3; p++) {
    if (random.next() < 0.25) continue; // a participant without a row
    const cells = [`P${p}`, random.pick(['f', 'm', '']), random.pick(['x', 'NA']), String(random.int(0, 9)), 'n'];
    lines.push(cells.join(','));
  }
  const merged = mergeSurveys([loaded(parse(lines.join('\n') + '\n')).table]);
  if (!merged.ok) assert.fail(JSON.stringify(merged.problems));
  return merged.value;
}

/** buildStudyData's records and codings as the reference shows them, and its code numbers checked. */
function assertSameData(data: StudyData, expected: ReturnType<typeof reference>, label: string): void {
  assert.equal(JSON.stringify(data.records), JSON.stringify(expected.records), label);
  assert.deepStrictEqual(
    data.codings.map((c) => `${c.participant} ${c.transcript.path} ${c.coder} ${c.coding.id}`),
    expected.codings,
    label,
  );
  const numbers = codeNumbersOf(data);
  assert.equal(numbers.of.length, data.codings.length, label);
  data.codings.forEach((c, i) => assert.equal(numbers.ids[numbers.of[i] as number], c.coding.code, `${label}: ${i}`));
}

describe('study data: records and code numbers made in one pass equal those from the definitions', () => {
  it('on 400 random studies: coders left out, uncoded participants, filters, rows without transcripts and back', () => {
    const random = new Random(71);
    let compared = 0;
    for (let round = 0; round < 400; round++) {
      const participants = random.int(1, 6);
      const transcripts: TranscriptSpec[] = Array.from({ length: participants + random.int(0, 2) }, (_, t) => {
        const length = random.int(20, 60);
        const roll = random.next();
        return {
          // Now and then a second transcript of a participant.
          path: t < participants ? `P${t}.txt` : `P${random.int(0, participants - 1)}.txt`.replace('.txt', '-b.txt'),
          length,
          codings: {
            amara: roll < 0.15 ? null : randomCodings(random, length),
            jonas: roll > 0.8 ? null : randomCodings(random, length),
            consensus: random.next() < 0.2 ? randomCodings(random, length) : null,
          },
        };
      });
      const study = studyOf(CODEBOOK, transcripts);
      // The participant of a "-b" transcript is the one of its first transcript.
      const fixed: Study = {
        ...study,
        transcripts: study.transcripts.map((t) => ({ ...t, participant: t.path.replace(/(-b)?\.txt$/, '') })),
      };
      const survey = randomSurvey(random, participants);
      const options: Options = {
        ...(random.next() < 0.3 ? { coders: [random.pick(['amara', 'jonas', 'consensus'])] } : {}),
        filters: survey && random.next() < 0.3 ? [{ column: 'gender', value: 'f' }] : [],
        uncoded: random.pick(['missing', 'absent'] as const),
      };
      const expected = reference(fixed, survey, options);
      assertSameData(buildStudyData(fixed, survey, options), expected, `round ${round}`);
      // The same survey as another thread receives it (not known to have every column): values copied.
      if (survey)
        assertSameData(buildStudyData(fixed, structuredClone(survey), options), expected, `round ${round} clone`);
      if (expected.records.length > 0) compared++;
    }
    assert.ok(compared > 350, `rounds with records: ${compared}`);
  });

  it('a survey made by hand (a row without a column, one with a column too many) gets its values copied', () => {
    const study = studyOf(CODEBOOK, [
      { path: 'P1.txt', length: 30, codings: { amara: [{ code: 'a1', start: 0, end: 3 }] } },
    ]);
    const survey: MergedSurvey = {
      uris: ['memory:/study/survey.csv'],
      idColumn: 'id',
      columns: [{ name: 'gender', type: 'categorical', levels: ['f'], inferred: true, missing: 1, invalid: 0 }],
      rows: [
        { id: 'P1', uri: 'memory:/study/survey.csv', line: 2, sources: [], values: {} },
        { id: 'P2', uri: 'memory:/study/survey.csv', line: 3, sources: [], values: { gender: 'f', extra: 1 } },
      ],
    };
    const options: Options = { filters: [], uncoded: 'missing' };
    const data = buildStudyData(study, survey, options);
    assertSameData(data, reference(study, survey, options), 'by hand');
    assert.deepStrictEqual(
      data.records.map((r) => r.values),
      [{ gender: null }, { gender: 'f' }],
    );
  });

  it("a study's code numbers name each coding's code, one number per id, in the order met", () => {
    const random = new Random(97);
    for (let round = 0; round < 200; round++) {
      const transcripts: TranscriptSpec[] = Array.from({ length: random.int(1, 5) }, (_, t) => ({
        path: `P${t}.txt`,
        length: 40,
        codings: { amara: randomCodings(random, 40), jonas: random.next() < 0.3 ? null : randomCodings(random, 40) },
      }));
      const study = studyOf(CODEBOOK, transcripts);
      const numbers = codeNumbersOfStudy(study);
      const met: string[] = [];
      for (const transcript of study.transcripts) {
        for (const { sidecar } of transcript.sidecars) {
          const of = numbers.of(sidecar.codings);
          sidecar.codings.forEach((coding, c) => {
            if (!met.includes(coding.code)) met.push(coding.code);
            assert.equal(numbers.ids[of[c] as number], coding.code, `round ${round}`);
            assert.equal(numbers.numberOf(coding.code), of[c], `round ${round}`);
          });
        }
      }
      assert.deepStrictEqual(numbers.ids, met, `round ${round}`);
      assert.equal(codeNumbersOfStudy(study), numbers);
    }
  });
});
