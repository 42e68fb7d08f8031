import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { SurveyColumn } from '../../../src/core/survey/index';
import type { CodeInfo } from '../../../src/core/analysis/code-tree';
import { coOccurrence } from '../../../src/core/analysis/co-occurrence';
import { coOccurrenceWithGroups } from '../../../src/core/analysis/co-occurrence-by-group';
import { jointDisplay } from '../../../src/core/analysis/joint-display';
import { codesByGroup, summarizeCodes } from '../../../src/core/analysis/codes';
import { agreedCodings, representativeQuotes } from '../../../src/core/analysis/quotes';
import {
  buildStudyData,
  distinctCodings,
  type DataCoding,
  type ParticipantRecord,
  type StudyData,
} from '../../../src/core/analysis/study-data';
import { loadSurvey } from '../../../src/core/analysis/load-survey';
import { loadStudy } from '../../../src/core/study/load-study';
import { NodeFileSystem, pathToUri } from '../../../src/node/node-file-system';
import { generateStudy } from '../../../scripts/bench/generate';
import { Random } from '../support/random';
import {
  referenceCoOccurrence,
  referenceCoOccurrenceByGroup,
  referenceJointDisplay,
  referenceSummarizeCodes,
} from './reference';

const EXAMPLE = join(__dirname, '../../../examples/mentorship-study');

const GROUP: SurveyColumn = {
  name: 'gender',
  type: 'categorical',
  levels: ['female', 'male', 'other'],
  inferred: true,
  missing: 0,
  invalid: 0,
};

/**
 * Random data with everything the two analyses branch on: a code tree three deep, a code the codebook
 * lacks, codings that nest, touch, coincide or have no length, orphans, blank quotes, one coding id used
 * twice, two coders, participants without a group or without codings.
 */
function randomData(random: Random): StudyData {
  const tree: [string, string | null][] = [
    ['a', null],
    ['a1', 'a'],
    ['a2', 'a'],
    ['a11', 'a1'],
    ['b', null],
    ['b1', 'b'],
    ['c', null],
    ['zz', null],
  ];
  const codes: CodeInfo[] = tree.map(([id, parent]) => {
    const members = [id];
    for (let grew = true; grew;) {
      grew = false;
      for (const [child, of] of tree) {
        if (of === null || !members.includes(of) || members.includes(child)) continue;
        members.push(child);
        grew = true;
      }
    }
    return {
      id,
      name: id,
      parent,
      depth: 0,
      inCodebook: id !== 'zz',
      category: members.length > 1,
      members: members.sort(),
    };
  });
  const participants = Array.from({ length: random.int(1, 7) }, (_, i) => `P${i + 1}`);
  const transcripts = participants
    .flatMap((p) => (random.next() < 0.3 ? [`${p}a.txt`, `${p}b.txt`] : [`${p}.txt`]))
    .map((path) => ({ path }));
  const codings: DataCoding[] = [];
  for (let i = 0; i < random.int(0, 80); i++) {
    const transcript = random.pick(transcripts);
    const start = random.int(0, 40);
    const end = random.next() < 0.1 ? start : start + random.int(1, 15);
    const quote =
      random.next() < 0.1
        ? ' \n\u00a0'
        : 'x'.repeat(random.int(1, 30)) + random.pick(['', '', '🙂', '\ud83d', '🙂🙂 y']);
    const status =
      random.next() < 0.1 ? ('orphan' as const) : random.next() < 0.1 ? ('needs-review' as const) : undefined;
    codings.push({
      participant: transcript.path.replace(/[ab]?\.txt$/, ''),
      transcript: transcript as DataCoding['transcript'],
      coder: random.pick(['amara', 'jonas']),
      coding: {
        id: i === 7 ? 'c3' : `c${i}`,
        code: random.pick([...tree.map(([id]) => id), 'not-listed']),
        start,
        end,
        quote,
        prefix: '',
        suffix: '',
        by: 'x',
        ...(status ? { status } : {}),
      },
    });
  }
  const records: ParticipantRecord[] = participants.map((id) => {
    const mine = codings.filter((c) => c.participant === id && c.coding.status !== 'orphan');
    const coded = mine.length > 0 || random.next() < 0.2;
    const present = Object.fromEntries(
      codes.map((code) => [code.id, !coded ? null : mine.some((c) => code.members.includes(c.coding.code)) ? 1 : 0]),
    );
    const gender = random.next() < 0.15 ? null : random.pick(['female', 'male', 'other']);
    return {
      id,
      transcripts: [],
      surveyed: gender !== null,
      coded,
      codesKnown: coded,
      values: { gender },
      present,
      counts: {},
    } as unknown as ParticipantRecord;
  });
  return {
    columns: [GROUP],
    codes,
    coders: { available: ['amara', 'jonas'], included: ['amara', 'jonas'] },
    records,
    codings,
    coverage: {},
  } as unknown as StudyData;
}

describe('report analyses: the fast versions give exactly what the straightforward ones give', () => {
  it('code summary, co-occurrence and the joint display on 400 random studies', () => {
    const random = new Random(2026);
    let overlaps = 0;
    let groupOverlaps = 0;
    let quotes = 0;
    for (let round = 0; round < 400; round++) {
      const data = randomData(random);
      assert.deepStrictEqual(summarizeCodes(data), referenceSummarizeCodes(data), `round ${round}`);
      const pairs = coOccurrence(data);
      assert.deepStrictEqual(pairs, referenceCoOccurrence(data), `round ${round}`);
      const withGroups = coOccurrenceWithGroups(data, GROUP);
      assert.deepStrictEqual(withGroups.pooled, pairs, `round ${round}`);
      assert.deepStrictEqual(withGroups.byGroup, referenceCoOccurrenceByGroup(data, GROUP), `round ${round}`);
      groupOverlaps += withGroups.byGroup.reduce(
        (sum, group) => sum + group.pairs.reduce((n, p) => n + p.overlaps, 0),
        0,
      );
      const byGroup = codesByGroup(data, GROUP);
      const limit = random.int(0, 4);
      const display = jointDisplay(data, GROUP, byGroup, limit);
      assert.deepStrictEqual(display, referenceJointDisplay(data, GROUP, byGroup, limit), `round ${round}`);
      overlaps += pairs.reduce((sum, p) => sum + p.overlaps, 0);
      quotes += display.rows.reduce((sum, row) => sum + row.cells.reduce((n, cell) => n + cell.quotes.length, 0), 0);
    }
    assert.ok(overlaps > 500 && quotes > 1000, `the cases exercise both: ${overlaps} overlaps, ${quotes} quotes`);
    assert.ok(groupOverlaps > 200 && groupOverlaps < overlaps, `overlaps within groups: ${groupOverlaps}`);
  });

  it('co-occurrence and the joint display when offsets are past 32 bits (no loaded coding has one)', () => {
    const random = new Random(109);
    let overlaps = 0;
    for (let round = 0; round < 200; round++) {
      const data = randomData(random);
      // Offsets around 2^31 (a 32-bit integer would turn some negative), or one coding far out.
      const base = random.pick([2 ** 31 - 20, 2 ** 32 - 10, 0]);
      const far = random.int(0, data.codings.length);
      const codings = data.codings.map((c, i) => {
        const shift = i === far ? 2 ** 40 : base;
        return { ...c, coding: { ...c.coding, start: c.coding.start + shift, end: c.coding.end + shift } };
      });
      const wide: StudyData = { ...data, codings };
      const pairs = coOccurrence(wide);
      assert.deepStrictEqual(pairs, referenceCoOccurrence(wide), `round ${round}`);
      const withGroups = coOccurrenceWithGroups(wide, GROUP);
      assert.deepStrictEqual(withGroups.pooled, pairs, `round ${round}`);
      assert.deepStrictEqual(withGroups.byGroup, referenceCoOccurrenceByGroup(wide, GROUP), `round ${round}`);
      const byGroup = codesByGroup(wide, GROUP);
      const display = jointDisplay(wide, GROUP, byGroup, 3);
      assert.deepStrictEqual(display, referenceJointDisplay(wide, GROUP, byGroup, 3), `round ${round}`);
      overlaps += pairs.reduce((sum, p) => sum + p.overlaps, 0);
    }
    assert.ok(overlaps > 200, `overlaps: ${overlaps}`);
  });

  it('co-occurrence by group when one participant id has records in two groups', () => {
    const random = new Random(17);
    let twice = 0;
    for (let round = 0; round < 100; round++) {
      const data = randomData(random);
      const first = data.records[0] as ParticipantRecord;
      const gender = first.values['gender'] === 'male' ? 'female' : 'male';
      const again = { ...first, values: { gender } } as ParticipantRecord;
      const doubled: StudyData = { ...data, records: [...data.records, again] };
      const withGroups = coOccurrenceWithGroups(doubled, GROUP);
      assert.deepStrictEqual(withGroups.pooled, referenceCoOccurrence(doubled), `round ${round}`);
      assert.deepStrictEqual(withGroups.byGroup, referenceCoOccurrenceByGroup(doubled, GROUP), `round ${round}`);
      if (withGroups.byGroup.some((g) => g.pairs.some((p) => p.overlaps > 0))) twice++;
    }
    assert.ok(twice > 20, `rounds with overlaps in a group: ${twice}`);
  });

  it('co-occurrence by group when one transcript has codings of participants in different groups', () => {
    const random = new Random(23);
    let mixed = 0;
    for (let round = 0; round < 200; round++) {
      const data = randomData(random);
      const ids = data.records.map((r) => r.id);
      const codings = data.codings.map((c) => (random.next() < 0.3 ? { ...c, participant: random.pick(ids) } : c));
      const moved: StudyData = { ...data, codings };
      const withGroups = coOccurrenceWithGroups(moved, GROUP);
      const reference = referenceCoOccurrenceByGroup(moved, GROUP);
      assert.deepStrictEqual(withGroups.pooled, referenceCoOccurrence(moved), `round ${round}`);
      assert.deepStrictEqual(withGroups.byGroup, reference, `round ${round}`);
      const pooled = withGroups.pooled.reduce((n, p) => n + p.overlaps, 0);
      const inGroups = reference.reduce((sum, g) => sum + g.pairs.reduce((n, p) => n + p.overlaps, 0), 0);
      if (inGroups > 0 && inGroups < pooled) mixed++;
    }
    assert.ok(mixed > 10, `rounds where some overlaps cross groups: ${mixed}`);
  });

  it('joint display: study data with a coding listed twice counts it once', () => {
    const random = new Random(29);
    let differs = 0;
    for (let round = 0; round < 200; round++) {
      const data = randomData(random);
      const doubled: StudyData = {
        ...data,
        codings: [...data.codings, ...data.codings.filter(() => random.next() < 0.3)],
      };
      const byGroup = codesByGroup(doubled, GROUP);
      const display = jointDisplay(doubled, GROUP, byGroup, 3);
      assert.deepStrictEqual(display, referenceJointDisplay(doubled, GROUP, byGroup, 3), `round ${round}`);
      // The same entries as distinct objects, as counting the repeated codings twice would see them.
      const copies: StudyData = { ...doubled, codings: doubled.codings.map((c) => ({ ...c })) };
      if (!isDeepStrictEqual(display, jointDisplay(copies, GROUP, byGroup, 3))) differs++;
    }
    assert.ok(differs > 20, `rounds where the repeated codings would change the quotes: ${differs}`);
  });

  it('joint display: the codings of buildStudyData are known to be distinct', async () => {
    const fs = new NodeFileSystem();
    const study = await loadStudy(fs, pathToUri(EXAMPLE));
    const survey = await loadSurvey(fs, study);
    const data = buildStudyData(study, survey?.ok ? survey.value : undefined);
    assert.ok(data.codings.length > 100);
    assert.equal(distinctCodings(data), true);
    assert.equal(distinctCodings({ ...data, codings: [...data.codings, data.codings[0] as DataCoding] }), false);
  });

  it('quotes: a coding passed twice counts once', () => {
    const random = new Random(5);
    for (let round = 0; round < 100; round++) {
      const data = randomData(random);
      const agreed = agreedCodings(data.codings);
      assert.deepStrictEqual(
        representativeQuotes([...data.codings, ...data.codings.slice(0, 3)], agreed, 3),
        referenceJointDisplayQuotes(data, agreed),
      );
    }
  });

  it('on a generated study loaded from disk', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'grounded-analysis-'));
    try {
      const folder = join(parent, 'study');
      generateStudy(folder, {
        name: 'small',
        transcripts: 24,
        codingsPerTranscript: 40,
        surveyRows: 30,
        words: [300, 600],
      });
      const fs = new NodeFileSystem();
      const study = await loadStudy(fs, pathToUri(folder));
      const survey = await loadSurvey(fs, study);
      assert.ok(survey?.ok);
      const data = buildStudyData(study, survey.value);
      const by = data.columns.find((c) => c.name === 'gender') as SurveyColumn;
      const byGroup = codesByGroup(data, by);
      assert.ok(coOccurrence(data).some((pair) => pair.overlaps > 0));
      assert.deepStrictEqual(summarizeCodes(data), referenceSummarizeCodes(data));
      assert.deepStrictEqual(coOccurrence(data), referenceCoOccurrence(data));
      assert.deepStrictEqual(coOccurrenceWithGroups(data, by).byGroup, referenceCoOccurrenceByGroup(data, by));
      assert.deepStrictEqual(jointDisplay(data, by, byGroup, 3), referenceJointDisplay(data, by, byGroup, 3));
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});

/** The reference's quotes for a candidate list with three codings repeated (through a one-cell joint display). */
function referenceJointDisplayQuotes(data: StudyData, agreed: ReadonlySet<DataCoding>): unknown {
  void agreed;
  const everyone: StudyData = {
    ...data,
    codes: [
      {
        id: 'all',
        name: 'all',
        parent: null,
        depth: 0,
        inCodebook: true,
        category: false,
        members: [...new Set(data.codings.map((c) => c.coding.code))],
      },
    ],
    records: data.records.map((r) => ({ ...r, values: { gender: 'female' } })),
    codings: [...data.codings, ...data.codings.slice(0, 3)],
  };
  const byGroup = [
    { groups: [{ level: 'female', participants: 0, total: 0, proportion: null, ci: null }] },
  ] as unknown as Parameters<typeof referenceJointDisplay>[2];
  return referenceJointDisplay(everyone, GROUP, byGroup, 3).rows[0]?.cells[0]?.quotes;
}
