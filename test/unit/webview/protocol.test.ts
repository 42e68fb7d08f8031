import * as assert from 'node:assert/strict';
import { parseHostMessage, parsePanelState, parseWebviewMessage } from '../../../webview/validate';
import { exportFile } from '../../../src/extension/analysis-panel/export-file';
import { overlappingPairs } from '../../../src/extension/analysis-panel/overlaps';
import { studyFacts } from '../../../src/extension/analysis-panel/report-builder';
import { renderHtml, renderMarkdown } from '../../../src/core/report/index';
import { example } from './example-report';

describe('panel protocol: messages validated on both sides', function () {
  this.timeout(120_000);

  it('accepts every webview message the panel sends', () => {
    const messages = [
      { type: 'ready' },
      {
        type: 'setRequest',
        request: { by: 'gender', coders: ['amara'], filters: [{ column: 'role', value: 'resident' }] },
      },
      { type: 'setRequest', request: { by: null, coders: null, filters: [], uncoded: 'absent' } },
      { type: 'setRequest', request: { by: null, coders: null, filters: [], uncoded: 'missing' } },
      { type: 'openCoding', transcript: 'transcripts/P01.txt', start: 3, end: 9, codingId: 'c1' },
      { type: 'openProblem', file: 'survey.csv', line: 2, column: 1 },
      { type: 'requestOverlaps', a: 'x', b: 'y' },
      { type: 'openDisagreements', first: 'amara', second: 'jonas', code: 'barriers-hierarchy' },
      {
        type: 'exportTable',
        name: 'codes-prevalence',
        header: ['a', 'b'],
        rows: [
          ['=1', 2],
          [null, -3],
        ],
      },
      { type: 'exportSvg', name: 'chart', svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' },
      { type: 'exportPng', name: 'chart', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' },
      { type: 'exportReport', format: 'html' },
      { type: 'exportR' },
    ];
    for (const message of messages) assert.deepEqual(parseWebviewMessage(message), message);
  });

  it('rejects unknown types, extra keys and malformed payloads', () => {
    const bad: unknown[] = [
      null,
      'ready',
      [],
      { type: 'eval', code: '1' },
      { type: 'ready', extra: 1 },
      { type: 'openCoding', transcript: '../../etc/passwd', start: 0, end: 1, codingId: 'c' },
      { type: 'openCoding', transcript: 'file:///etc/passwd', start: 0, end: 1, codingId: 'c' },
      { type: 'openCoding', transcript: 't.txt', start: 5, end: 1, codingId: 'c' },
      { type: 'openCoding', transcript: 't.txt', start: -1, end: 1, codingId: 'c' },
      { type: 'setRequest', request: { by: 1, coders: null, filters: [] } },
      { type: 'setRequest', request: { by: null, coders: null, filters: [{ column: '', value: 'x' }] } },
      { type: 'setRequest', request: { by: null, coders: null, filters: [], uncoded: 'zero' } },
      { type: 'setRequest', request: { by: null, coders: null, filters: [], uncoded: null } },
      { type: 'exportTable', name: 't', header: ['a'], rows: [['x', 'y']] },
      { type: 'exportTable', name: 't', header: ['a'], rows: [[{}]] },
      { type: 'exportTable', name: 't', header: ['a'], rows: [[Infinity]] },
      { type: 'exportSvg', name: 'c', svg: '<html></html>' },
      { type: 'exportPng', name: 'c', dataUrl: 'data:text/html;base64,PGI+' },
      { type: 'exportReport', format: 'pdf' },
      { type: 'exportR', by: 'gender' },
      { type: 'openDisagreements', first: 'amara', second: 'jonas' },
      { type: 'openDisagreements', first: 'amara', second: '', code: 'x' },
      { type: 'openDisagreements', first: 'amara', second: 'jonas', code: 7 },
      { type: 'openDisagreements', first: 'amara', second: 'jonas', code: 'x', transcript: 't.txt' },
    ];
    for (const message of bad) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
  });

  it('the webview accepts reports and overlaps from the host and nothing else', async () => {
    const { study, byGender } = await example();
    const report = {
      type: 'report',
      report: byGender,
      request: { by: 'gender', coders: null, filters: [] },
      study: studyFacts(study),
    };
    assert.ok(parseHostMessage(JSON.parse(JSON.stringify(report))));
    assert.equal(parseHostMessage({ ...report, report: { ...byGender, format: 'other' } }), undefined);
    assert.equal(parseHostMessage({ type: 'overlaps', a: 'a', b: 'b', pairs: [{ a: {} }], total: 1 }), undefined);
    assert.equal(parseHostMessage({ type: 'navigate', url: 'javascript:1' }), undefined);
  });

  it('the webview decodes a report sent as UTF-8 JSON bytes, as the host sends it, and refuses bytes that are not one', async () => {
    const { study, byGender } = await example();
    const wire = (report: unknown) => ({
      type: 'report',
      report,
      request: { by: 'gender', coders: null, filters: [] },
      study: studyFacts(study),
    });
    const bytes = new TextEncoder().encode(JSON.stringify(byGender));
    const parsed = parseHostMessage(wire(bytes));
    assert.equal(parsed?.type, 'report');
    assert.deepEqual(parsed.type === 'report' ? parsed.report : undefined, JSON.parse(JSON.stringify(byGender)));
    assert.ok(parseHostMessage(wire(bytes.buffer)), 'an ArrayBuffer too');
    assert.equal(parseHostMessage(wire(new TextEncoder().encode('{"format":'))), undefined, 'cut-off JSON');
    assert.equal(parseHostMessage(wire(new Uint8Array([0xff, 0xfe, 0x7b]))), undefined, 'not UTF-8');
    assert.equal(parseHostMessage(wire(new TextEncoder().encode('{"format":"other"}'))), undefined, 'not a report');
  });

  it('restores a stored state field by field, falling back to defaults', () => {
    const state = parsePanelState({
      tab: 'codes',
      request: { by: 'role', coders: null, filters: [] },
      pages: { a: 2, b: -1 },
      coMetric: 'bogus',
      studyRoot: 'file:///s',
    });
    assert.equal(state.tab, 'codes');
    assert.deepEqual(state.request, { by: 'role', coders: null, filters: [] });
    assert.deepEqual(state.pages, { a: 2 });
    assert.equal(state.coMetric, 'participants');
    assert.equal(parsePanelState('garbage').tab, 'overview');
  });
});

describe('panel exports and overlaps (host, pure)', function () {
  this.timeout(120_000);

  it('CSV escapes formula prefixes in text cells and keeps numbers', async () => {
    const { byGender } = await example();
    const file = exportFile(
      {
        type: 'exportTable',
        name: 'x',
        header: ['code', 'n'],
        rows: [
          ['=HYPERLINK("x")', -3],
          ['+1', 2],
          ['-x', 1],
          ['@SUM(1)', 0],
          ['<script>', null],
        ],
      },
      byGender,
    );
    assert.ok('bytes' in file);
    const text = new TextDecoder().decode(file.bytes);
    assert.equal(text, `code,n\n"'=HYPERLINK(""x"")",-3\n"'+1",2\n"'-x",1\n"'@SUM(1)",0\n<script>,\n`);
  });

  it('the report exports are the core renderers on the same report', async () => {
    const { byGender } = await example();
    const md = exportFile({ type: 'exportReport', format: 'markdown' }, byGender);
    const html = exportFile({ type: 'exportReport', format: 'html' }, byGender);
    assert.ok('bytes' in md && 'bytes' in html);
    assert.equal(new TextDecoder().decode(md.bytes), renderMarkdown(byGender));
    assert.equal(new TextDecoder().decode(html.bytes), renderHtml(byGender));
    assert.ok(md.fileName.endsWith('.md') && html.fileName.endsWith('.html'));
  });

  it('refuses SVG with active content and images that are not PNG', async () => {
    const { byGender } = await example();
    assert.ok(
      'error' in exportFile({ type: 'exportSvg', name: 'c', svg: '<svg><script>alert(1)</script></svg>' }, byGender),
    );
    assert.ok(
      'error' in exportFile({ type: 'exportSvg', name: 'c', svg: '<svg><rect onload="x()"/></svg>' }, byGender),
    );
    assert.ok(
      'error' in exportFile({ type: 'exportPng', name: 'c', dataUrl: 'data:image/png;base64,R0lGODlh' }, byGender),
    );
  });

  it('lists as many overlapping pairs as the report counts, each of the two codes', async () => {
    const { study, survey, byGender } = await example();
    for (const pair of byGender.coOccurrence.filter((p) => p.overlaps > 0).slice(0, 5)) {
      const { pairs, total } = overlappingPairs(
        study,
        survey,
        { by: 'gender', coders: null, filters: [] },
        pair.a,
        pair.b,
      );
      assert.equal(total, pair.overlaps);
      for (const p of pairs) {
        assert.ok(p.a.start < p.b.end && p.b.start < p.a.end, 'they share text');
        assert.equal(p.a.transcript, p.b.transcript);
        assert.equal(p.a.coder, p.b.coder);
      }
    }
  });

  it('network messages: a code to retrieve (with its group or null), an export with a threshold in 0–1', () => {
    for (const message of [
      { type: 'retrieveCode', code: 'barriers-hierarchy', group: null },
      { type: 'retrieveCode', code: 'barriers-hierarchy', group: 'female' },
      { type: 'exportNetwork', format: 'graphml', cooccurrence: null },
      { type: 'exportNetwork', format: 'mermaid', cooccurrence: 0.3 },
    ])
      assert.deepEqual(parseWebviewMessage(message), message);
    for (const message of [
      { type: 'retrieveCode', code: '', group: null },
      { type: 'retrieveCode', code: 'x' },
      { type: 'retrieveCode', code: 'x', group: 3 },
      { type: 'retrieveCode', code: 'x', group: null, study: '/etc' },
      { type: 'exportNetwork', format: 'dot', cooccurrence: null },
      { type: 'exportNetwork', format: 'graphml', cooccurrence: 1.5 },
      { type: 'exportNetwork', format: 'graphml', cooccurrence: Number.NaN },
    ])
      assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
    const state = parsePanelState({ tab: 'network', netThreshold: 0.2, netEdge: 'a|causes|b' });
    assert.equal(state.tab, 'network');
    assert.equal(state.netThreshold, 0.2);
    assert.equal(state.netEdge, 'a|causes|b');
    assert.equal(parsePanelState({ netThreshold: 7 }).netThreshold, null);
  });
});
