import * as assert from 'node:assert/strict';
import { buildStudyReport } from '../../../../src/core/analysis/index';
import { networkExportFile, panelNetwork } from '../../../../src/extension/analysis-panel/network-export';
import { example } from '../../webview/example-report';

describe('network export from the panel (host side)', function () {
  this.timeout(60_000);

  it("is the report's network for the same request, with co-occurrence edges at the panel's threshold", async () => {
    const { study, survey } = await example();
    const request = { by: null, coders: null, filters: [{ column: 'gender', value: 'female' }] };
    const report = buildStudyReport(study, survey, { filters: request.filters });
    const network = panelNetwork(study, survey, request, 0.3);
    assert.deepEqual(
      network.nodes.map((n) => [n.id, n.participants]),
      report.network.nodes.map((n) => [n.id, n.participants]),
      'the same participants as the panel shows',
    );
    const relations = network.edges.filter((e) => e.kind === 'relation');
    assert.equal(relations.length, report.network.edges.filter((e) => e.kind === 'relation').length);
    const co = network.edges.filter((e) => e.kind === 'cooccurrence');
    assert.ok(co.length > 0 && co.every((e) => e.kind === 'cooccurrence' && e.jaccard >= 0.3));
    assert.equal(panelNetwork(study, survey, request, null).edges.filter((e) => e.kind === 'cooccurrence').length, 0);

    const graphml = networkExportFile(report.title, network, 'graphml');
    assert.match(graphml.fileName, /-network\.graphml$/);
    const text = new TextDecoder().decode(graphml.bytes);
    assert.match(text, /^<\?xml[^>]*>\s*<graphml/);
    assert.equal((text.match(/<node /g) ?? []).length, network.nodes.length);
    const mermaid = networkExportFile(report.title, network, 'mermaid');
    assert.match(mermaid.fileName, /-network\.mmd$/);
    assert.match(new TextDecoder().decode(mermaid.bytes), /^(graph|flowchart) /m);
    assert.equal(mermaid.warning, undefined);
    assert.equal(graphml.warning, undefined);
  });

  it('warns, after saving, that Mermaid will not draw a network with more than 500 edges', async () => {
    const { study, survey } = await example();
    const network = panelNetwork(study, survey, { by: null, coders: null, filters: [] }, 0);
    assert.ok(network.edges.length > 500);
    assert.match(networkExportFile('Study', network, 'mermaid').warning ?? '', /Mermaid draws at most 500/);
    assert.equal(networkExportFile('Study', network, 'graphml').warning, undefined);
  });
});
