import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import {
  buildCodeNetwork,
  DEFAULT_RELATION_TYPES,
  layoutNetwork,
  networkToDot,
  networkToGraphml,
  MERMAID_MAX_EDGES,
  mermaidEdgeLimitNote,
  mermaidLabel,
  networkToMermaid,
  renderNetworkSvg,
  type Codebook,
  type CodeNetwork,
} from '../../../../src/core/index';

// Names chosen to break naive exporters: Mermaid keywords as ids, quotes, brackets, non-ASCII, a '#'.
const codebook: Codebook = {
  codes: [
    { id: 'end', name: 'The "end" [of it]', color: '#E15759', core: true },
    { id: 'graph', name: 'Über {graph} | #1' },
    { id: 'node.x', name: 'Sub', parent: 'graph' },
    { id: 'solo', name: 'Solo' },
  ],
  relations: [
    { from: 'end', type: 'causes', to: 'graph', memo: 'memo with "quotes" & <tags>' },
    { from: 'graph', type: 'contradicts', to: 'end' },
  ],
};
const participants = [
  { id: 'P1', codes: ['end', 'node.x'] },
  { id: 'P2', codes: ['end'] },
  { id: 'P3', codes: ['node.x', 'solo'] },
];
const codings = [
  { id: 'c1', code: 'end', transcript: 't1', coder: 'amara', start: 0, end: 10 },
  { id: 'c2', code: 'node.x', transcript: 't1', coder: 'amara', start: 5, end: 20 },
  { id: 'c3', code: 'node.x', transcript: 't1', coder: 'ben', start: 5, end: 20 },
];

function network(minJaccard?: number): CodeNetwork {
  return buildCodeNetwork({
    codebook,
    relationTypes: DEFAULT_RELATION_TYPES,
    participants,
    codings,
    ...(minJaccard !== undefined ? { minJaccard } : {}),
  });
}

describe('buildCodeNetwork', () => {
  it('nodes carry name, colour, participants (a category counts its sub-codes) and the core flag', () => {
    const { nodes } = network();
    assert.deepEqual(
      nodes.map((n) => [n.id, n.participants, n.core, n.color]),
      [
        ['end', 2, true, '#e15759'],
        ['graph', 2, false, nodes[1]?.color],
        ['node.x', 2, false, nodes[2]?.color],
        ['solo', 1, false, nodes[3]?.color],
      ],
    );
    assert.match(nodes[1]?.color ?? '', /^#[0-9a-f]{6}$/);
  });

  it('relation edges carry direction, label and memo; co-occurrence edges their Jaccard, participants and codings', () => {
    const net = network(0.3);
    assert.deepEqual(net.edges.slice(0, 2), [
      {
        kind: 'relation',
        from: 'end',
        to: 'graph',
        type: 'causes',
        label: 'causes',
        directed: true,
        knownType: true,
        memo: 'memo with "quotes" & <tags>',
      },
      {
        kind: 'relation',
        from: 'graph',
        to: 'end',
        type: 'contradicts',
        label: 'contradicts',
        directed: false,
        knownType: true,
        memo: null,
      },
    ]);
    const cooccurrence = net.edges.filter((e) => e.kind === 'cooccurrence');
    // end {P1,P2} and graph {P1,P3} → 1/3; end and node.x the same; a category is never paired with its child.
    assert.deepEqual(
      cooccurrence.map((e) => [e.from, e.to, e.jaccard.toFixed(3), e.participants, e.codings]),
      [
        ['end', 'graph', '0.333', ['P1'], [['c1', 'c2']]],
        ['end', 'node.x', '0.333', ['P1'], [['c1', 'c2']]],
        ['graph', 'solo', '0.500', ['P3'], []],
        ['node.x', 'solo', '0.500', ['P3'], []],
      ].sort((a, b) => Number(b[2]) - Number(a[2])),
    );
    assert.equal(network(0.4).edges.filter((e) => e.kind === 'cooccurrence').length, 2, 'the threshold applies');
  });
});

describe('network exports', () => {
  it('GraphML parses as XML with keys, every node, every edge and its directed flag', () => {
    const xml = networkToGraphml(network(0.3));
    type Data = { '@_key': string; '#text': unknown };
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
    }).parse(xml) as {
      graphml: {
        '@_xmlns': string;
        key: { '@_id': string; '@_for': string }[];
        graph: {
          '@_edgedefault': string;
          node: { '@_id': string; data: Data[] }[];
          edge: { '@_source': string; '@_target': string; '@_directed': string; data: Data[] }[];
        };
      };
    };
    const { graphml } = doc;
    assert.equal(graphml['@_xmlns'], 'http://graphml.graphdrawing.org/xmlns');
    const keyFor = new Map(graphml.key.map((k) => [k['@_id'], k['@_for']]));
    for (const n of graphml.graph.node)
      for (const d of n.data) assert.equal(keyFor.get(d['@_key']), 'node', d['@_key']);
    for (const e of graphml.graph.edge)
      for (const d of e.data) assert.equal(keyFor.get(d['@_key']), 'edge', d['@_key']);
    assert.deepEqual(
      graphml.graph.node.map((n) => n['@_id']),
      ['end', 'graph', 'node.x', 'solo'],
    );
    assert.equal(graphml.graph.node[0]?.data.find((d) => d['@_key'] === 'name')?.['#text'], 'The "end" [of it]');
    assert.deepEqual(
      graphml.graph.edge.map((e) => [e['@_source'], e['@_target'], e['@_directed']]),
      [
        ['end', 'graph', 'true'],
        ['graph', 'end', 'false'],
        ...network(0.3)
          .edges.slice(2)
          .map((e) => [e.from, e.to, 'false']),
      ],
    );
    assert.equal(
      graphml.graph.edge[0]?.data.find((d) => d['@_key'] === 'memo')?.['#text'],
      'memo with "quotes" & <tags>',
    );
  });

  it('Mermaid: a strict flowchart with safe ids and escaped quoted labels', () => {
    const text = networkToMermaid(network(0.3));
    const lines = text.trimEnd().split('\n');
    assert.equal(lines[0], 'flowchart LR');
    const nodeLine = /^ {2}(n\d+)(\["[^"]*"\]|\(\("[^"]*"\)\))$/;
    const edgeLine = /^ {2}(n\d+) (-->|---|-\.-)\|"[^"]*"\| (n\d+)$/;
    const styleLine = /^ {2}style (n\d+) fill:#[0-9a-f]{6}(,stroke-width:3px)?$/;
    const declared = new Set<string>();
    for (const line of lines.slice(1)) {
      const node = nodeLine.exec(line);
      if (node) {
        declared.add(node[1] as string);
        continue;
      }
      const edge = edgeLine.exec(line) ?? styleLine.exec(line);
      assert.ok(edge, `not strict Mermaid: ${line}`);
      assert.ok(declared.has(edge[1] as string), line);
    }
    assert.ok(text.includes('n0(("The #quot;end#quot; [of it] (core category)"))'), text);
    assert.ok(text.includes('n1["Über {graph} | #35;1"]'));
    assert.ok(text.includes('n0 -->|"causes"| n1') && text.includes('n1 ---|"contradicts"| n0'));
    assert.ok(!/^\s+(end|graph)\b/m.test(text), 'no code id is used as a Mermaid id');
  });

  it('Mermaid: what Mermaid reads before parsing (directives, tags, HTML entities) is written as entity codes', () => {
    assert.equal(
      mermaidLabel('%%{init: {"theme": "dark"}}%% <script>x</script> &amp; #1 `a`'),
      '#37;#37;{init: {#quot;theme#quot;: #quot;dark#quot;}}#37;#37; #lt;script#gt;x#lt;/script#gt; #amp;amp; #35;1 #96;a#96;',
    );
  });

  it('Mermaid: more edges than Mermaid draws gets a note saying what to do; a network that fits gets none', () => {
    const edge = (i: number) => ({
      kind: 'cooccurrence' as const,
      from: `a${i}`,
      to: `b${i}`,
      directed: false as const,
      jaccard: 0.5,
      participants: [],
      codings: [],
    });
    const of = (count: number): CodeNetwork => ({
      nodes: [],
      edges: Array.from({ length: count }, (_, i) => edge(i)),
      participants: 0,
      minJaccard: 0,
    });
    assert.equal(mermaidEdgeLimitNote(of(MERMAID_MAX_EDGES)), undefined);
    assert.match(mermaidEdgeLimitNote(of(MERMAID_MAX_EDGES + 1)) ?? '', /501 edges .* at most 500 .*threshold/);
    assert.equal(mermaidEdgeLimitNote(network(0.3)), undefined);
  });

  it('DOT: quoted ids and labels with escaped quotes, backslashes and line breaks', () => {
    const net = buildCodeNetwork({
      codebook: {
        codes: [...codebook.codes, { id: 'weird', name: 'back\\slash\nline' }],
        ...(codebook.relations ? { relations: codebook.relations } : {}),
      },
      relationTypes: DEFAULT_RELATION_TYPES,
      participants,
    });
    const text = networkToDot(net);
    const quoted = '"(?:[^"\\\\\\n]|\\\\.)*"';
    const attr = `[a-z]+=(?:${quoted}|[0-9.]+|[a-z]+)`;
    const stmt = new RegExp(`^ {2}${quoted}( -> ${quoted})? \\[${attr}(, ${attr})*\\];$`);
    const lines = text.trimEnd().split('\n');
    assert.equal(lines[0], 'digraph codes {');
    assert.equal(lines.at(-1), '}');
    for (const line of lines.slice(3, -1)) assert.match(line, stmt);
    assert.ok(text.includes('"end" [label="The \\"end\\" [of it]"'));
    assert.ok(text.includes('label="back\\\\slash\\nline"'));
    assert.ok(text.includes('"graph" -> "end" [label="contradicts", dir=none]'));
  });
});

describe('layout and SVG', () => {
  it('is deterministic, inside the drawing, and draws arrows only for directed relations', () => {
    const net = network();
    const first = layoutNetwork(net, { width: 400, height: 300 });
    assert.deepEqual(layoutNetwork(net, { width: 400, height: 300 }), first);
    for (const n of first.nodes)
      assert.ok(n.x - n.r >= 0 && n.x + n.r <= 400 && n.y - n.r >= 0 && n.y + n.r <= 300, JSON.stringify(n));
    const svg = renderNetworkSvg(net, first);
    assert.equal((svg.match(/marker-end=/g) ?? []).length, 1);
    assert.ok(!/<script|<style|href=/i.test(svg));
    assert.ok(svg.includes('The &quot;end&quot; [of it]'));
    assert.ok(new XMLParser().parse(svg), 'well-formed');
  });

  it('lays out 40 codes and 100 edges quickly', () => {
    const codes = Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, name: `Code ${i}` }));
    const relations = Array.from({ length: 100 }, (_, i) => ({
      from: `c${i % 40}`,
      type: 'causes',
      to: `c${(i * 7 + 1 + Math.floor(i / 40)) % 40}`,
    })).filter((r) => r.from !== r.to);
    const net = buildCodeNetwork({
      codebook: { codes, relations },
      relationTypes: DEFAULT_RELATION_TYPES,
      participants: [],
    });
    const started = performance.now();
    const layout = layoutNetwork(net);
    const elapsed = performance.now() - started;
    assert.equal(layout.nodes.length, 40);
    assert.ok(elapsed < 2000, `${elapsed} ms`);
    console.log(`      layout of 40 codes / ${relations.length} edges: ${elapsed.toFixed(0)} ms`);
  });
});
