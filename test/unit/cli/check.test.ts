import assert from 'node:assert/strict';
import { sidecarCodec } from '../../../src/core/index';
import { P01, P02, cleanStudy, codePointSlice, read, readBytes, run, runJson, sidecarText, write } from './helpers';

interface CheckJson {
  problems: { file: string; line: number; column: number; severity: string; kind: string; message: string }[];
  reanchored: { file: string; written: boolean; codings: number; needsReview: number; orphans: number }[];
  summary: {
    transcripts: number;
    sidecars: number;
    codings: number;
    codes: number;
    categories: number;
    errors: number;
    warnings: number;
    seconds: number;
  };
  progress: { summary: string; total: number; codedByAnyone: number; coders: unknown[] };
}

describe('grounded check', () => {
  it('exits 0 on a clean study with the coding progress and a summary line', async () => {
    const study = cleanStudy();
    const result = await run(study, ['check']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(
      result.stdout,
      /^coding progress: 2 \/ 2 coded by amara, 1 \/ 2 by ben; 0 not coded by anyone\nok: 2 transcript\(s\), 3 sidecar\(s\), 5 coding\(s\), 4 code\(s\) \(1 category\), 0 memo\(s\) — 0 error\(s\), 0 warning\(s\) in \d+\.\d\d s\n$/,
    );
  });

  it('shows transcripts nobody has coded in the progress line without calling the study unclean', async () => {
    const study = cleanStudy();
    write(study, 'transcripts/P03.txt', 'P03: not read yet.\n');
    const result = await run(study, ['check']);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^coding progress: 2 \/ 3 coded by amara, 1 \/ 3 by ben; 1 not coded by anyone$/m);
  });

  it('checks a study given as a folder, or from a folder inside it', async () => {
    const study = cleanStudy();
    assert.equal((await run(study, ['check', '.'])).code, 0);
    assert.equal((await run(`${study}/transcripts`, ['check'])).code, 0);
  });

  it('reports malformed YAML as path:line:col relative to the working folder, exit 1', async () => {
    const study = cleanStudy();
    write(
      study,
      'transcripts/P02.amara.codes.yaml',
      read(study, 'transcripts/P02.amara.codes.yaml').replace('    start: ', '    start: [oops\n'),
    );
    const result = await run(study, ['check']);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^transcripts\/P02\.amara\.codes\.yaml:\d+:\d+: error: /m);
  });

  it('reports git conflict markers with their line, exit 1', async () => {
    const study = cleanStudy();
    const text = read(study, 'transcripts/P01.amara.codes.yaml');
    write(
      study,
      'transcripts/P01.amara.codes.yaml',
      text.replace('codings:\n', 'codings:\n<<<<<<< HEAD\n=======\n>>>>>>> theirs\n'),
    );
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1);
    const markers = data.problems.filter((p) => p.kind === 'conflict-marker');
    assert.deepEqual(
      markers.map((p) => [p.file, p.line, p.column]),
      [
        ['transcripts/P01.amara.codes.yaml', 7, 1],
        ['transcripts/P01.amara.codes.yaml', 8, 1],
        ['transcripts/P01.amara.codes.yaml', 9, 1],
      ],
    );
  });

  it('reports codes missing from the codebook, exit 1', async () => {
    const study = cleanStudy();
    write(
      study,
      'transcripts/P02.ben.codes.yaml',
      sidecarText('P02.txt', P02, 'ben', [['no-such-code', 'second year']]),
    );
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1);
    assert.deepEqual(
      data.problems.map((p) => [p.kind, p.file]),
      [['unknown-code', 'transcripts/P02.ben.codes.yaml']],
    );
    assert.ok(data.problems[0]!.line > 0);
  });

  it('re-anchors codings of an edited transcript, writes the sidecar back, and flags what it could not place', async () => {
    const study = cleanStudy();
    // New lines before the coded passages, one coded passage rewritten beyond recognition.
    write(
      study,
      'transcripts/P01.txt',
      '[Transcribed 2026-03-02]\n\n' +
        P01.replace('Later I chose my own mentor', 'Then, years on, a different senior took me under her wing'),
    );
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1, 'codings that need review are warnings');
    assert.ok(
      data.problems.some((p) => p.kind === 'needs-review' || p.kind === 'orphan'),
      JSON.stringify(data.problems),
    );
    assert.deepEqual(
      data.reanchored.map((r) => [r.file, r.written]),
      [
        ['transcripts/P01.amara.codes.yaml', true],
        ['transcripts/P01.ben.codes.yaml', true],
      ],
    );
    const amara = sidecarCodec.parse('amara', read(study, 'transcripts/P01.amara.codes.yaml'));
    assert.ok(amara.ok);
    const assigned = amara.value.codings.find((c) => c.code === 'assigned');
    assert.ok(assigned);
    assert.equal(assigned.status, undefined, 'a passage that only moved is anchored cleanly');
    assert.equal(
      codePointSlice(read(study, 'transcripts/P01.txt'), assigned.start, assigned.end),
      'My assigned mentor was a chief I had never met.',
    );
    assert.equal(amara.value.codings.length, 2, 'no coding is ever dropped');
    assert.match(read(study, 'transcripts/P01.ben.codes.yaml'), /status: (needs-review|orphan)/);

    // The written files are up to date: a second check re-anchors nothing.
    const again = await runJson<CheckJson>(study, ['check']);
    assert.deepEqual(again.data.reanchored, []);
  });

  it("reports a codebook that does not load once, instead of every coding's code as unknown", async () => {
    const study = cleanStudy();
    write(study, 'codebook.yaml', read(study, 'codebook.yaml').replace('codes:', 'codes: {'));
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1);
    assert.ok(
      data.problems.every((p) => p.file === 'codebook.yaml'),
      JSON.stringify(data.problems),
    );
    assert.ok(data.problems.some((p) => p.kind === 'codes-unchecked'));
    assert.ok(data.problems.some((p) => p.kind === 'yaml-syntax' && p.line > 0));
  });

  it('reports codings that lost their passage as orphans, exit 1', async () => {
    const study = cleanStudy();
    write(study, 'transcripts/P02.txt', P02.replace('I felt burnt out by the end of residency.\n', ''));
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1);
    assert.deepEqual(
      data.problems.map((p) => [p.kind, p.severity, p.file]),
      [['orphan', 'warning', 'transcripts/P02.amara.codes.yaml']],
    );
    assert.match(
      read(study, 'transcripts/P02.amara.codes.yaml'),
      /quote: "I felt burnt out"\n(.*\n)*? {4}status: orphan\n/,
      'kept, with its quote, and flagged',
    );
  });

  it('reports codings marked needs-review until someone removes the mark, exit 1', async () => {
    const study = cleanStudy();
    const text = read(study, 'transcripts/P02.amara.codes.yaml');
    write(
      study,
      'transcripts/P02.amara.codes.yaml',
      text.replace(/(quote: "I felt burnt out"\n.*\n.*\n)/, '$1    status: needs-review\n'),
    );
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1);
    assert.deepEqual(
      data.problems.map((p) => [p.kind, p.file, p.line]),
      [['needs-review', 'transcripts/P02.amara.codes.yaml', 14]],
    );
    write(study, 'transcripts/P02.amara.codes.yaml', text);
    assert.equal((await run(study, ['check'])).code, 0);
  });

  it('writes nothing with --dry-run and says the anchors are stale', async () => {
    const study = cleanStudy();
    write(study, 'transcripts/P02.txt', 'Preface.\n' + P02);
    const before = readBytes(study, 'transcripts/P02.amara.codes.yaml');
    const result = await run(study, ['check', '--dry-run']);
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /transcripts\/P02\.amara\.codes\.yaml: warning: transcripts\/P02\.txt changed since these codings were anchored/,
    );
    assert.match(result.stdout, /would be re-anchored \(--dry-run: not written\)/);
    assert.deepEqual(readBytes(study, 'transcripts/P02.amara.codes.yaml'), before);
    // Without --dry-run the moved passages are re-anchored cleanly and the study is clean.
    assert.equal((await run(study, ['check'])).code, 0);
    assert.equal((await run(study, ['check'])).code, 0);
  });

  it('reports transcripts whose name gives no participant, exit 1', async () => {
    const study = cleanStudy();
    write(study, 'transcripts/pilot-interview.txt', 'A pilot interview.\n');
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1);
    assert.deepEqual(
      data.problems.map((p) => [p.kind, p.severity, p.file]),
      [['no-participant', 'warning', 'transcripts/pilot-interview.txt']],
    );
  });

  it('reports stray sidecars whose transcript is missing, exit 1', async () => {
    const study = cleanStudy();
    write(study, 'transcripts/P09.amara.codes.yaml', sidecarText('P09.txt', P02, 'amara', [['choice', 'second year']]));
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1);
    assert.deepEqual(
      data.problems.map((p) => p.kind),
      ['no-transcript'],
    );
  });

  it('reports quotes that are not the text at their offsets although the hash says the text is unchanged', async () => {
    const study = cleanStudy();
    const text = read(study, 'transcripts/P02.amara.codes.yaml');
    write(
      study,
      'transcripts/P02.amara.codes.yaml',
      text.replace('quote: "I felt burnt out"', 'quote: "I felt great"'),
    );
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1);
    // The core trusts the quote, re-anchors it, and (the quote being nowhere in the text) flags it for review.
    assert.deepEqual(
      data.problems.map((p) => p.kind),
      ['quote-mismatch', 'needs-review'],
    );
  });

  it('never writes a sidecar that does not load: re-anchoring skips it and reports it', async () => {
    const study = cleanStudy();
    write(study, 'transcripts/P01.txt', 'Preface.\n' + P01);
    write(study, 'transcripts/P01.ben.codes.yaml', read(study, 'transcripts/P01.ben.codes.yaml') + 'codings: []\n'); // duplicate key
    const before = readBytes(study, 'transcripts/P01.ben.codes.yaml');
    const { code, data } = await runJson<CheckJson>(study, ['check']);
    assert.equal(code, 1);
    assert.ok(data.problems.some((p) => p.file === 'transcripts/P01.ben.codes.yaml' && p.severity === 'error'));
    assert.deepEqual(readBytes(study, 'transcripts/P01.ben.codes.yaml'), before);
    assert.deepEqual(
      data.reanchored.map((r) => r.file),
      ['transcripts/P01.amara.codes.yaml'],
    );
  });

  it('gives JSON with problems, re-anchored files and a summary', async () => {
    const { code, data } = await runJson<CheckJson>(cleanStudy(), ['check']);
    assert.equal(code, 0);
    assert.deepEqual(data.problems, []);
    assert.deepEqual(data.reanchored, []);
    assert.deepEqual(
      { ...data.summary, seconds: 0 },
      {
        transcripts: 2,
        sidecars: 3,
        codings: 5,
        codes: 4,
        categories: 1,
        memos: 0,
        errors: 0,
        warnings: 0,
        seconds: 0,
      },
    );
    assert.deepEqual(data.progress, {
      summary: '2 / 2 coded by amara, 1 / 2 by ben; 0 not coded by anyone',
      total: 2,
      codedByAnyone: 2,
      coders: [
        { coder: 'amara', coded: 2, codedEmpty: 0 },
        { coder: 'ben', coded: 1, codedEmpty: 0 },
      ],
    });
  });

  it('warns when no transcript matches', async () => {
    const study = cleanStudy();
    write(study, 'grounded.yaml', 'grounded: 1\ntranscripts: ["interviews/*.txt"]\n');
    const result = await run(study, ['check']);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /grounded\.yaml: warning: no transcripts match interviews\/\*\.txt/);
  });
});
