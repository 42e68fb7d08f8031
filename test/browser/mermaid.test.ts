import * as assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  buildCodeNetwork,
  codeNetworkOfStudy,
  DEFAULT_RELATION_TYPES,
  networkToMermaid,
  type Codebook,
  type CodeNetwork,
} from '../../src/core/index';
import { renderMarkdown } from '../../src/core/report/index';
import { HOSTILE, loadExample, type Example } from './fixtures';
import { largeNetwork } from './network-fixtures';

// Every Mermaid text Grounded writes (`grounded export network --format mermaid`, the panel's Mermaid export and
// the report's mermaid block) drawn by Mermaid itself in Chromium: it must parse, and the drawing must show one
// node per code with the code's name as written, and one edge per relation or co-occurrence with its label.

const CHROMIUM = process.env.GROUNDED_CHROMIUM ?? '/usr/bin/chromium';

/**
 * In the page: draws a text with Mermaid and reads the drawing back. Written as page script because functions
 * passed to page.evaluate from tsx-compiled tests may reference helpers that do not exist in the page.
 */
const DRAW = `
window.__draw = async (text) => {
  window.__drawn = (window.__drawn || 0) + 1;
  const { svg } = await mermaid.render('drawing' + window.__drawn, text);
  const host = document.createElement('div');
  host.innerHTML = svg;
  document.body.append(host);
  const textOf = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim();
  const drawn = {
    nodes: [...host.querySelectorAll('g.node')].map(textOf),
    edges: host.querySelectorAll('path.flowchart-link').length,
    edgeLabels: [...host.querySelectorAll('g.edgeLabel')].map(textOf),
    scripts: host.querySelectorAll('script, foreignObject img, [onerror]').length,
  };
  host.remove();
  return drawn;
};
`;

interface Drawn {
  nodes: string[];
  edges: number;
  edgeLabels: string[];
  scripts: number;
}

let browser: Browser;
let page: Page;
let example: Example;
const pageErrors: string[] = [];

async function draw(text: string): Promise<Drawn> {
  return page.evaluate(`window.__draw(${JSON.stringify(text)})`) as Promise<Drawn>;
}

/** What Mermaid must show for a network drawn from `networkToMermaid(network)`. */
function expected(network: CodeNetwork): { nodes: string[]; edgeLabels: string[] } {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  return {
    nodes: network.nodes.map((n) => oneLine(n.core ? `${n.name} (core category)` : n.name)).sort(),
    edgeLabels: network.edges.map((e) => (e.kind === 'relation' ? oneLine(e.label) : e.jaccard.toFixed(2))).sort(),
  };
}

async function assertDrawsAsWritten(network: CodeNetwork): Promise<Drawn> {
  const drawn = await draw(networkToMermaid(network));
  const want = expected(network);
  assert.deepEqual([...drawn.nodes].sort(), want.nodes);
  assert.equal(drawn.edges, network.edges.length);
  assert.deepEqual([...drawn.edgeLabels].sort(), want.edgeLabels);
  assert.equal(drawn.scripts, 0);
  return drawn;
}

describe('Mermaid draws the Mermaid Grounded writes', function () {
  this.timeout(120_000);

  before(async () => {
    example = await loadExample();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
    await page.addScriptTag({ content: DRAW });
    await page.evaluate(`mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })`);
  });

  after(async () => {
    await browser?.close();
    assert.deepEqual(pageErrors, []);
  });

  it("the example study's network, with co-occurrence edges", async () => {
    const network = codeNetworkOfStudy(example.study, { minJaccard: 0.5 });
    assert.ok(network.edges.some((e) => e.kind === 'relation'));
    assert.ok(network.edges.some((e) => e.kind === 'cooccurrence'));
    await assertDrawsAsWritten(network);
  });

  it('each gender group of the example study (what export network --by writes)', async () => {
    const byGender = new Map<string, Set<string>>();
    for (const participant of example.survey?.rows ?? []) {
      const gender = participant.values.gender;
      if (typeof gender !== 'string') continue;
      const group = byGender.get(gender) ?? new Set<string>();
      group.add(participant.id);
      byGender.set(gender, group);
    }
    assert.ok(byGender.size >= 2);
    for (const participants of byGender.values()) {
      await assertDrawsAsWritten(codeNetworkOfStudy(example.study, { participants, minJaccard: 0.5 }));
    }
  });

  it('code names that break naive exporters are drawn as written', async () => {
    const names = [
      'The "end" [of it]',
      'Über {graph} | #1 & #quot;',
      'back`tick` and (parens)',
      'line\nbreak',
      HOSTILE.img,
      HOSTILE.script,
      HOSTILE.formula,
      '&lt;not a tag&gt; 5 < 6 > 4',
      'Émigré 家族 🙂',
      '%%{init: {"theme": "dark"}}%%',
    ];
    const ids = ['end', 'graph', 'style', 'click', 'subgraph', 'classDef', 'node.x', 'a-b', 'é', 'linkStyle'];
    const codebook: Codebook = {
      codes: names.map((name, i) => ({ id: ids[i] as string, name, ...(i === 0 ? { core: true } : {}) })),
      relations: [
        { from: 'end', type: 'causes', to: 'graph' },
        { from: 'graph', type: 'contradicts', to: 'end' },
        { from: 'style', type: 'is-part-of', to: 'click' },
        { from: 'subgraph', type: 'associated-with', to: 'é' },
        { from: 'linkStyle', type: 'is-a', to: 'classDef' },
      ],
    };
    const network = buildCodeNetwork({
      codebook,
      relationTypes: [
        ...DEFAULT_RELATION_TYPES.filter((t) => t.id !== 'causes'),
        { id: 'causes', label: 'causes "more" of | #it', directed: true },
      ],
      participants: [{ id: 'P1', codes: ids }],
    });
    await assertDrawsAsWritten(network);
  });

  it('40 codes and 100 relations (the size the panel must keep readable)', async () => {
    const message = largeNetwork(example.reportMessage({ by: null, coders: null, filters: [] }));
    const drawn = await assertDrawsAsWritten(message.report.network);
    assert.equal(drawn.nodes.length, 40);
    assert.equal(drawn.edges, 100);
  });

  it("the report's mermaid block in Markdown", async () => {
    const { report } = example.reportMessage({ by: 'gender', coders: null, filters: [] });
    const markdown = renderMarkdown(report);
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
    assert.ok(block, 'the Markdown report has a mermaid block');
    // The block draws the codes in relations and the core category, not every code.
    const inTheory = new Set(report.network.edges.flatMap((e) => [e.from, e.to]));
    const shown = { ...report.network, nodes: report.network.nodes.filter((n) => n.core || inTheory.has(n.id)) };
    assert.ok(shown.nodes.length >= 5 && shown.nodes.length < report.network.nodes.length);
    const drawn = await draw(block[1] as string);
    assert.deepEqual([...drawn.nodes].sort(), expected(shown).nodes);
    assert.equal(drawn.edges, report.network.edges.length);
    assert.deepEqual([...drawn.edgeLabels].sort(), expected(shown).edgeLabels);
  });
});
