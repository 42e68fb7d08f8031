import assert from 'node:assert/strict';
import type { CodingRow } from '../../../src/cli/coding-rows';
import { cleanStudy, codePointSlice, read, run, runJson, write } from './helpers';

describe('grounded retrieve', () => {
  it('lists every coding with the fields scripts need; quotes are the transcript text at their code-point offsets', async () => {
    const study = cleanStudy();
    const { code, data } = await runJson<CodingRow[]>(study, ['retrieve']);
    assert.equal(code, 0);
    assert.equal(data.length, 5);
    for (const row of data) {
      assert.deepEqual(Object.keys(row).sort(), [
        'by',
        'code',
        'end',
        'id',
        'line',
        'memo',
        'participant',
        'quote',
        'start',
        'status',
        'transcript',
      ]);
      assert.equal(row.status, 'ok');
      const text = read(study, row.transcript);
      assert.equal(codePointSlice(text, row.start, row.end), row.quote);
      assert.equal(
        text.split('\n').findIndex((line) => line.includes(row.quote.split('\n')[0] as string)) + 1,
        row.line,
      );
    }
    assert.deepEqual(
      data.map((r) => [r.transcript, r.participant, r.code, r.by]),
      [
        ['transcripts/P01.txt', 'P01', 'assigned', 'amara'],
        ['transcripts/P01.txt', 'P01', 'choice', 'ben'],
        ['transcripts/P01.txt', 'P01', 'choice', 'amara'],
        ['transcripts/P02.txt', 'P02', 'choice', 'amara'],
        ['transcripts/P02.txt', 'P02', 'burnout', 'amara'],
      ],
    );
  });

  it("--code includes the codings of the code's children", async () => {
    const study = cleanStudy();
    const { data } = await runJson<CodingRow[]>(study, ['retrieve', '--code', 'mentoring']);
    assert.deepEqual([...new Set(data.map((r) => r.code))].sort(), ['assigned', 'choice']);
    const leaf = await runJson<CodingRow[]>(study, ['retrieve', '--code', 'assigned']);
    assert.deepEqual(
      leaf.data.map((r) => r.quote),
      ['My assigned mentor was a chief I had never met.'],
    );
  });

  it('filters by coder and by participant', async () => {
    const study = cleanStudy();
    const ben = await runJson<CodingRow[]>(study, ['retrieve', '--coder', 'ben']);
    assert.deepEqual(
      ben.data.map((r) => r.quote),
      ['Later I chose my own mentor'],
    );
    const p02 = await runJson<CodingRow[]>(study, ['retrieve', '--participant', 'P02', '--code', 'burnout']);
    assert.deepEqual(
      p02.data.map((r) => [r.participant, r.quote]),
      [['P02', 'I felt burnt out']],
    );
  });

  it('exits 2 for a code that is neither in the codebook nor used', async () => {
    const result = await run(cleanStudy(), ['retrieve', '--code', 'nope']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown code "nope"/);
  });

  it('prints each quote under its place in human form', async () => {
    const result = await run(cleanStudy(), ['retrieve', '--code', 'burnout']);
    assert.equal(result.code, 0);
    assert.match(
      result.stdout,
      /^transcripts\/P02\.txt:3 {2}\[\d+–\d+\] {2}P02 · burnout · amara\n {4}I felt burnt out\n1 coding\(s\) of burnout in 1 transcript\(s\), 1 participant\(s\)\n$/,
    );
  });

  it('marks codings that lost their passage and keeps the coded quote', async () => {
    const study = cleanStudy();
    write(
      study,
      'transcripts/P02.txt',
      read(study, 'transcripts/P02.txt').replace('I felt burnt out by the end of residency.', 'Residency ended well.'),
    );
    const { data } = await runJson<CodingRow[]>(study, ['retrieve', '--code', 'burnout']);
    assert.equal(data.length, 1);
    assert.notEqual(data[0]!.status, 'ok');
    assert.equal(data[0]!.quote, 'I felt burnt out');
    assert.equal(typeof data[0]!.currentText, 'string');
  });

  it('exits 1 and says so on stderr when a sidecar does not load, listing the rest', async () => {
    const study = cleanStudy();
    write(study, 'transcripts/P01.ben.codes.yaml', 'grounded: [\n');
    const { code, data, stderr } = await runJson<CodingRow[]>(study, ['retrieve']);
    assert.equal(code, 1);
    assert.equal(data.length, 4);
    assert.match(stderr, /1 file\(s\) of the study do not load[\s\S]*transcripts\/P01\.ben\.codes\.yaml/);
  });
});
