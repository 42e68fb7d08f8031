import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { hashText, makeCodings, serializeCodebook, serializeSidecar } from '../../../src/core/index';
import { read, run, runJson, tempFolder, write } from './helpers';

/** A study folder on disk: three interviews, a codebook and the given survey. */
function studyFolder(survey: string | undefined): string {
  const folder = tempFolder({
    'grounded.yaml': [
      'grounded: 1',
      'transcripts:',
      '  - transcripts/*.txt',
      'codebook: codebook.yaml',
      'survey:',
      '  files:',
      '    - survey.csv',
      '  idColumn: id',
      '',
    ].join('\n'),
    'codebook.yaml': serializeCodebook({
      codes: [
        { id: 'burnout', name: 'Burnout' },
        { id: 'peer', name: 'Peer support' },
      ],
    }),
  });
  if (survey !== undefined) write(folder, 'survey.csv', survey);
  const texts: Record<string, string> = {
    P1: 'I was exhausted all year.\n',
    P2: 'Friends kept me going.\n',
    P3: 'Tired, but my peers helped.\n',
  };
  const codes: Record<string, string[]> = { P1: ['burnout'], P2: ['peer'], P3: ['burnout', 'peer'] };
  for (const [id, text] of Object.entries(texts)) {
    write(folder, `transcripts/${id}.txt`, text);
    const transcript = { uri: `file:///x/${id}.txt`, text, textHash: hashText(text) };
    const codings = makeCodings(
      transcript,
      'amara',
      (codes[id] ?? []).map((code) => ({ code, start: 0, end: 5 })),
    ).sort((a, b) => (a.code < b.code ? -1 : 1));
    write(
      folder,
      `transcripts/${id}.amara.codes.yaml`,
      serializeSidecar({ transcript: `${id}.txt`, coder: 'amara', textHash: transcript.textHash, codings }),
    );
  }
  return folder;
}

const SURVEY = 'id,group,score,comment\nP1,a,10,=HYPERLINK("x")\nP2,b,12,+fine\nP3,a,14,-3\nP4,b,NA,@home\n';

describe('grounded report / stats / export matrix', function () {
  this.timeout(60_000);

  it('export matrix: one row per participant, 0/1 and count columns per code, formulas escaped', async () => {
    const folder = studyFolder(SURVEY);
    const result = await run(folder, ['export', 'matrix', '.', '-o', 'matrix.csv']);
    assert.equal(result.code, 0, result.stderr);
    const csv = read(folder, 'matrix.csv');
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    assert.deepEqual(parsed.meta.fields, [
      'id',
      'group',
      'score',
      'comment',
      'coded',
      'code_burnout',
      'count_burnout',
      'code_peer',
      'count_peer',
    ]);
    assert.deepEqual(
      parsed.data.map((r) => [r['id'], r['coded'], r['code_burnout'], r['count_burnout'], r['code_peer']]),
      [
        ['P1', '1', '1', '1', '0'],
        ['P2', '1', '0', '0', '1'],
        ['P3', '1', '1', '1', '1'],
        ['P4', '0', '', '', ''],
      ],
    );
    assert.equal(parsed.data[0]?.['comment'], `'=HYPERLINK("x")`);
    assert.equal(parsed.data[1]?.['comment'], "'+fine");
    assert.equal(parsed.data[3]?.['comment'], "'@home");
    assert.equal(parsed.data[3]?.['score'], '', 'missing is an empty cell');
  });

  it('report writes Markdown, HTML or JSON by -o extension or --format', async () => {
    const folder = studyFolder(SURVEY);
    assert.equal((await run(folder, ['report', '--by', 'group', '-o', 'r.html'])).code, 0);
    assert.ok(read(folder, 'r.html').startsWith('<!DOCTYPE html>'));
    const json = await run(folder, ['report', '--by', 'group', '--format', 'json']);
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout);
    assert.equal(report.format, 'grounded-report/2');
    assert.equal(report.participants.rowsWithoutTranscript[0].participant, 'P4');
    const md = await run(folder, ['report', '--where', 'group=a']);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /Only participants with group = a \(2 left out\)/);
  });

  it('stats: JSON names scripts rely on, for a variable and a code', async () => {
    const folder = studyFolder(SURVEY);
    const variable = await runJson<Record<string, unknown>>(folder, ['stats', '--var', 'score', '--by', 'group']);
    assert.equal(variable.code, 0, variable.stderr);
    for (const key of ['n', 'missing', 'mean', 'sd', 'median', 'ci', 'groups', 'tests', 'effect'])
      assert.ok(key in variable.data, key);
    assert.equal(variable.data['missing'], 1);
    const code = await runJson<{
      participants: number;
      total: number;
      groups: { level: string; participants: number; total: number; proportion: number }[];
    }>(folder, ['stats', '--code', 'peer', '--by', 'group']);
    assert.equal(code.code, 0, code.stderr);
    assert.equal(code.data.participants, 2);
    assert.deepEqual(
      code.data.groups.map((g) => [g.level, g.participants, g.total]),
      [
        ['a', 1, 2],
        ['b', 1, 1],
      ],
    );
  });

  it('usage errors exit 2 naming what exists', async () => {
    const folder = studyFolder(SURVEY);
    const unknown = await run(folder, ['stats', '--var', 'nope']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /columns: group, score, comment/);
    assert.equal((await run(folder, ['stats'])).code, 2, 'neither --var nor --code');
    assert.equal((await run(folder, ['stats', '--code', 'nope'])).code, 2);
    assert.equal((await run(folder, ['report', '--format', 'pdf'])).code, 2);
    assert.equal((await run(folder, ['report', '--coder', 'zoe'])).code, 2);
  });

  it('a malformed survey: problems with file, line and column, exit 1, no crash', async () => {
    const broken = studyFolder('id,group,score\nP1,a,1\nP2,"b,2\n');
    const result = await run(broken, ['report', '--by', 'group']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /survey\.csv:\d+:\d+: error:/);
    assert.equal(result.stdout, '');
    const duplicate = studyFolder('id,group\nP1,a\nP1,b\n');
    const dup = await run(duplicate, ['export', 'matrix', '-o', 'm.csv']);
    assert.equal(dup.code, 1);
    assert.match(dup.stderr, /survey\.csv:3:1: error:/);
    const missing = studyFolder(undefined);
    const none = await run(missing, ['stats', '--var', 'group']);
    assert.equal(
      none.code,
      2,
      'the default survey.csv is optional: without it, asking for a survey column is a usage error',
    );
    assert.match(none.stderr, /survey\.csv \(survey\.files in grounded\.yaml\) does not exist/);
    const declared = studyFolder(undefined);
    write(declared, 'grounded.yaml', read(declared, 'grounded.yaml').replace('survey.csv', 'answers.csv'));
    const absent = await run(declared, ['report']);
    assert.equal(absent.code, 1, 'a declared survey file that is missing is a problem');
    assert.match(absent.stderr, /survey file answers\.csv does not exist/);
  });

  it('a survey whose ids match no transcript still reports, listing who was not joined', async () => {
    const folder = studyFolder('id,group\np1,a\np2,b\np3,a\np4,b\n');
    const result = await run(folder, ['report', '--by', 'group', '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(
      report.participants.transcriptsWithoutRow.map((t: { participant: string; sameIgnoringCase?: string }) => [
        t.participant,
        t.sameIgnoringCase,
      ]),
      [
        ['P1', 'p1'],
        ['P2', 'p2'],
        ['P3', 'p3'],
      ],
    );
    assert.equal(report.participants.joined, 0);
    assert.ok(report.codesByGroup.every((c: { tests: unknown[] }) => c.tests.length === 0));
  });
});
