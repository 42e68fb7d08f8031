import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { groupFileNames } from '../../../src/cli/commands/export-network';
import { copyToTemp, run, runJson } from './helpers';

const example = path.resolve(__dirname, '../../../examples/mentorship-study');
const codebookOf = (study: string) => readFileSync(path.join(study, 'codebook.yaml'), 'utf8');

describe('grounded codebook relate / unrelate / relations', () => {
  it('relates two codes, lists the relation as JSON, and removes it again', async () => {
    const study = copyToTemp(example);
    const related = await run(study, [
      'codebook',
      'relate',
      'career',
      'wellbeing',
      '--type',
      'causes',
      '--memo',
      'a "quoted" [memo]',
    ]);
    assert.equal(related.code, 0, related.stderr);
    const listed = await runJson<{ from: string; type: string; to: string; memo: string | null }[]>(study, [
      'codebook',
      'relations',
    ]);
    assert.equal(listed.code, 0);
    assert.deepEqual(
      listed.data.find((r) => r.from === 'career'),
      { from: 'career', type: 'causes', to: 'wellbeing', memo: 'a "quoted" [memo]' },
    );
    assert.equal((await run(study, ['codebook', 'unrelate', 'career', 'wellbeing'])).code, 0);
    assert.equal(codebookOf(study), codebookOf(example), 'back to the committed bytes');
  });

  it('refuses an unknown code, an unknown type and a self-loop, writing nothing', async () => {
    const study = copyToTemp(example);
    const before = codebookOf(study);
    for (const [args, message] of [
      [['career', 'nope', '--type', 'causes'], /no code "nope"/],
      [['career', 'wellbeing', '--type', 'bogus'], /"bogus" is not a relation type/],
      [['career', 'career', '--type', 'causes'], /itself/],
    ] as const) {
      const result = await run(study, ['codebook', 'relate', ...args]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, message);
      assert.equal(codebookOf(study), before);
    }
  });

  it('a hand-edited relation with an unknown code or type is reported with file:line:col', async () => {
    const study = copyToTemp(example);
    writeFileSync(path.join(study, 'codebook.yaml'), codebookOf(study).replace('type: contradicts', 'type: opposes'));
    const lines = codebookOf(study).split('\n');
    const line = lines.findIndex((l) => l.includes('type: opposes')) + 1;
    const relations = await run(study, ['codebook', 'relations']);
    assert.equal(relations.code, 1);
    assert.ok(relations.stderr.includes(`codebook.yaml:${line}:11: error: relation type "opposes"`), relations.stderr);
    writeFileSync(
      path.join(study, 'codebook.yaml'),
      codebookOf(example).replace('to: career-promotion', 'to: career-promo'),
    );
    const check = await run(study, ['check']);
    assert.equal(check.code, 1);
    assert.match(check.stdout + check.stderr, /codebook\.yaml:\d+:9: error: relation to "career-promo" is not a code/);
  });

  it('delete refuses while relations use the code, and --force removes them and says so', async () => {
    const study = copyToTemp(example);
    const refused = await run(study, ['codebook', 'delete', 'training-wanting']);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /in 1 relation\(s\): training-skepticism contradicts training-wanting; nothing was deleted/,
    );
    assert.equal(codebookOf(study), codebookOf(example));
    const forced = await run(study, ['codebook', 'delete', 'training-wanting', '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stdout, /removed relation: training-skepticism contradicts training-wanting/);
    assert.ok(!codebookOf(study).includes('training-wanting'));
  });

  it('merge re-points relations without duplicates or self-loops', async () => {
    const study = copyToTemp(example);
    const merged = await run(study, ['codebook', 'merge', 'barriers-availability', 'barriers-time']);
    assert.equal(merged.code, 0, merged.stderr);
    const listed = await runJson<{ from: string; to: string }[]>(study, ['codebook', 'relations']);
    assert.ok(
      listed.data.every(
        (r) => r.from !== r.to && r.from !== 'barriers-availability' && r.to !== 'barriers-availability',
      ),
    );
    assert.equal((await run(study, ['check'])).code, 0);
  });
});

describe('grounded export network', () => {
  it('writes GraphML, Mermaid, DOT and JSON; --cooccurrence adds weighted edges; bad options are usage errors', async () => {
    const study = copyToTemp(example);
    const out = path.join(study, '..', `${path.basename(study)}-network.graphml`);
    const graphml = await run(study, ['export', 'network', '--format', 'graphml', '--out', out]);
    assert.equal(graphml.code, 0, graphml.stderr);
    assert.match(readFileSync(out, 'utf8'), /<graphml xmlns="http:\/\/graphml.graphdrawing.org\/xmlns"/);
    const mermaid = await run(study, ['export', 'network', '--format', 'mermaid']);
    assert.match(mermaid.stdout, /^flowchart LR\n/);
    assert.equal(mermaid.stderr, '');
    // Every co-occurring pair: more edges than Mermaid draws. Written, with a warning that says what to do.
    const crowded = await run(study, ['export', 'network', '--format', 'mermaid', '--cooccurrence', '0']);
    assert.equal(crowded.code, 0, crowded.stderr);
    assert.match(crowded.stdout, /^flowchart LR\n/);
    assert.match(
      crowded.stderr,
      /^warning: the Mermaid network has 606 edges and Mermaid draws at most 500 .*raise the co-occurrence threshold \(597 of them are co-occurrence edges\) or export GraphML\n$/,
    );
    assert.match((await run(study, ['export', 'network', '--format', 'dot'])).stdout, /^digraph codes \{/);
    const json = {
      data: JSON.parse(
        (await run(study, ['export', 'network', '--format', 'json', '--cooccurrence', '0.5'])).stdout,
      ) as { edges: { kind: string; jaccard?: number }[] },
    };
    assert.equal(json.data.edges.filter((e) => e.kind === 'relation').length, 9);
    const cooccurrence = json.data.edges.filter((e) => e.kind === 'cooccurrence');
    assert.ok(cooccurrence.length > 0 && cooccurrence.every((e) => (e.jaccard ?? 0) >= 0.5));
    assert.equal((await run(study, ['export', 'network', '--format', 'png'])).code, 2);
    assert.equal((await run(study, ['export', 'network', '--format', 'json', '--cooccurrence', '1.5'])).code, 2);
  });

  it("--by: one network per group, sized and with co-occurrence over that group's participants; a file per group", async () => {
    const study = copyToTemp(example);
    type Network = {
      nodes: { id: string; participants: number }[];
      edges: { kind: string; from: string; to: string; jaccard?: number }[];
      participants: number;
    };
    const grouped = await run(study, [
      'export',
      'network',
      '--by',
      'gender',
      '--format',
      'json',
      '--cooccurrence',
      '0.7',
    ]);
    assert.equal(grouped.code, 0, grouped.stderr);
    const document = JSON.parse(grouped.stdout) as { by: string; groups: { level: string; network: Network }[] };
    assert.equal(document.by, 'gender');
    assert.deepEqual(
      document.groups.map((g) => g.level),
      ['female', 'male'],
    );
    // The same figures as the report's, group by group.
    const report = JSON.parse((await run(study, ['report', '--by', 'gender', '--format', 'json'])).stdout) as {
      codesByGroup: { code: string; groups: { level: string; participants: number; total: number }[] }[];
      coOccurrenceByGroup: {
        level: string;
        participants: number;
        pairs: { a: string; b: string; jaccard: number | null }[];
      }[];
    };
    for (const { level, network } of document.groups) {
      const pairs = report.coOccurrenceByGroup.find((g) => g.level === level)!;
      assert.equal(network.participants, pairs.participants);
      for (const node of network.nodes) {
        const row = report.codesByGroup.find((c) => c.code === node.id)?.groups.find((g) => g.level === level);
        assert.equal(node.participants, row?.participants ?? 0, `${level}: ${node.id}`);
      }
      const drawn = network.edges.filter((e) => e.kind === 'cooccurrence').map((e) => [e.from, e.to].sort().join('|'));
      const expected = pairs.pairs
        .filter((p) => (p.jaccard ?? 0) >= 0.7 && network.nodes.some((n) => n.id === p.a))
        .map((p) => [p.a, p.b].sort().join('|'));
      assert.deepEqual(drawn.sort(), expected.sort(), `${level}: the group's pairs at Jaccard ≥ 0.7`);
    }
    const [women, men] = document.groups.map((g) => g.network.edges.filter((e) => e.kind === 'cooccurrence').length);
    assert.notEqual(women, men);

    const out = path.join(study, '..', `${path.basename(study)}-net.graphml`);
    const files = await run(study, ['export', 'network', '--by', 'gender', '--format', 'graphml', '--out', out]);
    assert.equal(files.code, 0, files.stderr);
    for (const level of ['female', 'male']) {
      const file = out.replace(/\.graphml$/, `-${level}.graphml`);
      assert.match(readFileSync(file, 'utf8'), /<graphml xmlns=/);
      assert.ok(files.stderr.includes(`gender = ${level}: ${file}`));
    }
    const noOut = await run(study, ['export', 'network', '--by', 'gender', '--format', 'mermaid']);
    assert.equal(noOut.code, 2);
    assert.match(noOut.stderr, /one mermaid file per group: give --out/);
    assert.equal((await run(study, ['export', 'network', '--by', 'burnout_score', '--format', 'json'])).code, 2);
    // A group's file may not land on a study file (here: a path the transcripts pattern matches); none is written.
    const onto = await run(study, [
      'export',
      'network',
      '--by',
      'gender',
      '--format',
      'dot',
      '--out',
      'transcripts/P99.txt',
    ]);
    assert.equal(onto.code, 2, onto.stderr);
    assert.match(onto.stderr, /refusing to write to transcripts\/P99-female\.txt/);
    for (const level of ['female', 'male']) assert.ok(!existsSync(path.join(study, 'transcripts', `P99-${level}.txt`)));
  });
});

describe('network files per group', () => {
  it('are named after each group, safe for any file system, never two alike', () => {
    assert.deepEqual(groupFileNames('out/net.graphml', ['female', 'male']), [
      'out/net-female.graphml',
      'out/net-male.graphml',
    ]);
    assert.deepEqual(groupFileNames('net.dot', ['a/b', 'a b', '../..', 'Ünïcode']), [
      'net-a-b.dot',
      'net-a-b-2.dot',
      'net-group-3.dot',
      'net-Ünïcode.dot',
    ]);
    assert.deepEqual(groupFileNames('net', ['x']), ['net-x']);
  });
});

describe('grounded report: Relations', () => {
  it('Markdown has the table and a Mermaid block; HTML an SVG; JSON the network', async () => {
    const study = copyToTemp(example);
    const md = await run(study, ['report']);
    assert.match(md.stdout, /## Relations\n\nCore category: Sponsorship\n\n\| From \| Relation \| To \| Memo \|/);
    assert.match(md.stdout, /\| Time pressure \| causes → \| Burnout \| The same schedules/);
    assert.match(md.stdout, /```mermaid\nflowchart LR\n[\s\S]*?```/);
    const html = await run(study, ['report', '--format', 'html']);
    assert.match(
      html.stdout,
      /<figure class="network"><svg xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*?<\/svg><\/figure>/,
    );
    const json = JSON.parse((await run(study, ['report', '--format', 'json'])).stdout) as {
      network: { nodes: unknown[]; edges: unknown[] };
    };
    assert.equal(json.network.nodes.length, 36);
    assert.equal(json.network.edges.length, 9);
  });
});
