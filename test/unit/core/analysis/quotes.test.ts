import assert from 'node:assert/strict';
import {
  agreedCodings,
  buildStudyData,
  buildStudyReport,
  representativeQuotes,
  shorten,
  QUOTE_LIMIT,
  type DataCoding,
} from '../../../../src/core/analysis/index';
import type { Coding } from '../../../../src/core/index';
import type { StudyTranscript } from '../../../../src/core/study/study';
import { buildStudy } from './fixture';

let next = 0;
function coding(
  participant: string,
  coder: string,
  quote: string,
  start: number,
  extra: Partial<Coding> = {},
): DataCoding {
  const transcript = {
    path: `transcripts/${participant}.txt`,
    uri: `memory:/${participant}.txt`,
    text: '',
    textHash: '',
    sidecars: [],
  } as StudyTranscript;
  const c: Coding = {
    id: `c${next++}`,
    code: 'burnout',
    start,
    end: start + [...quote].length,
    quote,
    prefix: '',
    suffix: '',
    by: coder,
    ...extra,
  };
  return { participant, transcript, coder, coding: c };
}

describe('representative quotes', () => {
  it('one quote per participant, agreed codings first, then closest to the median length', () => {
    const typical = 'x'.repeat(40);
    const candidates = [
      coding('P1', 'amara', 'y'.repeat(200), 0),
      coding('P1', 'amara', typical, 300),
      coding('P2', 'amara', 'z'.repeat(38), 0),
      coding('P3', 'amara', 'short', 0),
      coding('P3', 'jonas', 'short!', 0),
      coding('P4', 'amara', 'w'.repeat(41), 0, { status: 'orphan' }),
    ];
    const agreed = agreedCodings(candidates);
    assert.deepEqual([...agreed].map((c) => c.participant).sort(), ['P3', 'P3']);
    const quotes = representativeQuotes(candidates, agreed, 3);
    // Median length of the usable codings (200, 40, 38, 5, 6) is 38: P2 (38) before P1 (40).
    assert.deepEqual(
      quotes.map((q) => q.participant),
      ['P3', 'P2', 'P1'],
      'agreed first; then |length − median|',
    );
    assert.equal(quotes[2]?.text, typical, "P1's typical coding, not its longest");
    assert.ok(quotes[0]?.agreed);
    assert.ok(!quotes.some((q) => q.participant === 'P4'), 'orphans are never quoted');
    assert.equal(new Set(quotes.map((q) => q.participant)).size, quotes.length);
  });

  it('shortens long quotes at a word boundary', () => {
    const long = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    const { text, truncated } = shorten(long);
    assert.ok(truncated);
    assert.ok([...text].length <= QUOTE_LIMIT);
    assert.ok(long.startsWith(text));
    assert.match(long.slice(text.length), /^ /, 'cut before a space');
    assert.deepEqual(shorten('  short  '), { text: 'short', truncated: false });
  });

  it("the joint display quotes each group's own participants", async () => {
    const { study, survey } = await buildStudy(
      [
        { participant: 'P1', sentences: ['I was so tired that year.'], codings: { amara: [[0, 'burnout']] } },
        { participant: 'P2', sentences: ['Exhaustion, every single day.'], codings: { amara: [[0, 'burnout']] } },
        { participant: 'P3', sentences: ['Nothing to report.'], codings: { amara: [[0, 'assigned']] } },
      ],
      'id,g\nP1,a\nP2,b\nP3,a\nP4,b\n',
    );
    const report = buildStudyReport(study, survey, { by: 'g' });
    const row = report.jointDisplay?.rows.find((r) => r.code === 'burnout');
    assert.deepEqual(
      row?.cells.map((c) => [c.level, c.participants, c.total, c.quotes.map((q) => q.participant)]),
      [
        ['a', 1, 2, ['P1']],
        ['b', 1, 1, ['P2']],
      ],
    );
    assert.equal(row.cells[0]?.quotes[0]?.text, 'I was so tired that year.');
    const data = buildStudyData(study, survey);
    assert.equal(data.codings.length, 3);
  });
});
