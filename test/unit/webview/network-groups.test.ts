import * as assert from 'node:assert/strict';
import { buildStudyData, codeNetworkOfStudyData, findColumn, groupData } from '../../../src/core/index';
import { panelNetwork } from '../../../src/extension/analysis-panel/network-export';
import { overlappingPairs, withinGroup } from '../../../src/extension/analysis-panel/overlaps';
import { parseHostMessage, parseWebviewMessage } from '../../../webview/validate';
import { networkDrawings } from '../../../webview/view-model/network-source';
import { example } from './example-report';

const THRESHOLD = 0.3;
const BY_GENDER = { by: 'gender', coders: null, filters: [] };

/** "a|b" of every co-occurrence edge a drawing shows. */
function coEdges(edges: ReturnType<typeof networkDrawings>[number]['edges']): string[] {
  return edges.flatMap((e) => (e.kind === 'cooccurrence' ? [`${e.from}|${e.to}`] : [])).sort();
}

describe('grouped network: each group its own co-occurrence', function () {
  this.timeout(120_000);

  it("each group's network draws the pairs of its own participants at the threshold, not the pooled ones", async () => {
    const { byGender } = await example();
    const drawings = networkDrawings(byGender, THRESHOLD);
    assert.deepEqual(
      drawings.map((d) => d.group),
      byGender.coOccurrenceByGroup.map((g) => g.level),
    );
    const codes = new Set(byGender.network.nodes.map((n) => n.id));
    for (const drawing of drawings) {
      const group = byGender.coOccurrenceByGroup.find((g) => g.level === drawing.group)!;
      const expected = group.pairs
        .filter((p) => p.jaccard !== null && p.jaccard >= THRESHOLD && codes.has(p.a) && codes.has(p.b))
        .map((p) => `${p.a}|${p.b}`)
        .sort();
      assert.ok(expected.length > 0, `${drawing.group}: some pairs reach ${THRESHOLD}`);
      assert.deepEqual(coEdges(drawing.edges), expected, `${drawing.group}: the group's own pairs`);
      for (const edge of drawing.edges)
        if (edge.kind === 'cooccurrence') {
          assert.equal(edge.group, drawing.group);
          assert.ok(edge.key.endsWith(`|${drawing.group}`), 'keys differ between groups');
          assert.ok(edge.title.includes(`(${drawing.group})`));
        }
    }
    const [women, men] = drawings.map((d) => coEdges(d.edges));
    assert.notDeepEqual(women, men, 'women and men differ in what goes together');
    // Every group network is laid out at the same positions.
    const place = (i: number) => drawings[i]!.nodes.map((n) => `${n.id}@${n.x},${n.y}`).sort();
    assert.deepEqual(place(0), place(1));
  });

  it('without a grouping the network is the pooled one, as before', async () => {
    const { plain } = await example();
    const [drawing, ...rest] = networkDrawings(plain, THRESHOLD);
    assert.equal(rest.length, 0);
    assert.deepEqual(
      coEdges(drawing!.edges),
      plain.coOccurrence
        .filter((p) => p.jaccard !== null && p.jaccard >= THRESHOLD)
        .map((p) => `${p.a}|${p.b}`)
        .sort(),
    );
    assert.ok(
      drawing!.edges.every((e) => e.kind !== 'cooccurrence' || (e.group === null && e.key.split('|').length === 3)),
    );
  });

  it("a group's overlapping quotes are that group's participants' only, and as many as its count", async () => {
    const { study, survey, byGender } = await example();
    const female = new Set(survey!.rows.filter((row) => row.values['gender'] === 'female').map((row) => row.id));
    const group = byGender.coOccurrenceByGroup.find((g) => g.level === 'female')!;
    const pooled = new Map(byGender.coOccurrence.map((p) => [`${p.a}|${p.b}`, p.overlaps]));
    const checked = group.pairs.filter((p) => p.overlaps > 0 && p.overlaps < (pooled.get(`${p.a}|${p.b}`) ?? 0));
    assert.ok(checked.length > 0, 'some pairs overlap among women and also among others');
    for (const pair of checked.slice(0, 5)) {
      const { pairs, total } = overlappingPairs(
        study,
        survey,
        withinGroup(BY_GENDER, 'gender', 'female'),
        pair.a,
        pair.b,
      );
      assert.equal(total, pair.overlaps);
      assert.ok(pairs.every((p) => female.has(p.a.participant) && female.has(p.b.participant)));
    }
  });

  it("a group's network export is that group's network, as `grounded export network --by` writes it", async () => {
    const { study, survey, byGender } = await example();
    const network = panelNetwork(study, survey, withinGroup(BY_GENDER, 'gender', 'female'), THRESHOLD);
    const sizes = byGender.codesByGroup.map((c) => [c.code, c.groups.find((g) => g.level === 'female')!.participants]);
    const inNetwork = new Map(network.nodes.map((n) => [n.id, n.participants]));
    for (const [code, participants] of sizes)
      if (inNetwork.has(code as string)) assert.equal(inNetwork.get(code as string), participants, `${code}`);
    const group = byGender.coOccurrenceByGroup.find((g) => g.level === 'female')!;
    assert.equal(network.participants, group.participants);
    const data = buildStudyData(study, survey);
    const cli = groupData(data, findColumn(survey!, 'gender')!).find((g) => g.level === 'female')!;
    assert.deepEqual(network, codeNetworkOfStudyData(study, cli.data, THRESHOLD));
  });

  it('messages: an overlap request and answer may name a group; nothing else is added', () => {
    const request = { type: 'requestOverlaps', a: 'x', b: 'y', group: 'female' };
    assert.deepEqual(parseWebviewMessage(request), request);
    assert.deepEqual(parseWebviewMessage({ type: 'requestOverlaps', a: 'x', b: 'y' }), {
      type: 'requestOverlaps',
      a: 'x',
      b: 'y',
    });
    assert.equal(parseWebviewMessage({ ...request, group: 3 }), undefined);
    assert.equal(parseWebviewMessage({ ...request, extra: 1 }), undefined);
    const exportGroup = { type: 'exportNetwork', format: 'graphml', cooccurrence: 0.7, group: 'female' };
    assert.deepEqual(parseWebviewMessage(exportGroup), exportGroup);
    assert.equal(parseWebviewMessage({ ...exportGroup, group: null }), undefined);
    const answer = { type: 'overlaps', a: 'x', b: 'y', group: 'female', pairs: [], total: 0 };
    assert.deepEqual(parseHostMessage(answer), answer);
    assert.equal(parseHostMessage({ ...answer, group: null }), undefined);
  });
});
