import assert from 'node:assert/strict';
import { buildStudyReport } from '../../../../src/core/analysis/index';
import { escapeHtml, escapeMarkdown, renderHtml, renderMarkdown } from '../../../../src/core/report/index';
import { buildStudy, type Interview } from '../analysis/fixture';

const HOSTILE =
  '<script>alert("x")</script> | **bold** _em_ [link](javascript:1) `code` & <img src=x onerror=alert(1)>';

async function hostileReport() {
  const interviews: Interview[] = [
    { participant: 'P1', sentences: [HOSTILE, 'Fine.'], codings: { amara: [[0, 'evil']] } },
    { participant: 'P2', sentences: ['Calm.', HOSTILE], codings: { amara: [[1, 'evil']] } },
  ];
  const survey = `id,grp<b>,note\nP1,"<i>a</i>",x\nP2,"b|c",y\nP3,"<i>a</i>",=cmd()\nP4,"b|c",z\n`;
  const { study, survey: loaded } = await buildStudy(interviews, survey, [{ id: 'evil', name: HOSTILE }]);
  return buildStudyReport(study, loaded, { by: 'grp<b>' });
}

describe('report renderers', () => {
  it('HTML: escapes every user string, has no script and forbids scripts by CSP', async () => {
    const html = renderHtml(await hostileReport());
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.ok(!/<img/i.test(html), 'no injected element');
    assert.ok(!/<i>a<\/i>/.test(html), 'survey labels escaped');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'), 'code name and quote shown as text');
    assert.ok(html.includes("default-src 'none'"), 'CSP');
    assert.ok(!/<[^>]*\s(src|href|on\w+)=/i.test(html), 'no element loads or runs anything');
    assert.ok(html.startsWith('<!DOCTYPE html>'));
  });

  it('Markdown: user text cannot open HTML, links, code, emphasis or table cells', async () => {
    const markdown = renderMarkdown(await hostileReport());
    assert.ok(!/(?<!\\)<(script|img|i>)/.test(markdown), 'no raw HTML: every < is escaped');
    assert.ok(markdown.includes('\\<script\\>'), 'the text is still there, escaped');
    assert.ok(!/[^\\]\[link\]/.test(markdown), 'no link');
    assert.ok(markdown.includes('b\\|c'), 'a pipe in a label does not split the table cell');
    // Every row of every table has as many cell boundaries as its header: no label or quote split a cell.
    for (const block of markdown.split('\n\n').filter((b) => b.startsWith('| '))) {
      const widths = block.split('\n').map((line) => line.split(/(?<!\\)\|/).length);
      assert.ok(
        widths.every((w) => w === widths[0]),
        block,
      );
    }
  });

  it('escapeMarkdown keeps readable identifiers and neutralises line-start markers', () => {
    assert.equal(escapeMarkdown('active_mentors'), 'active_mentors');
    assert.equal(escapeMarkdown('_em_'), '\\_em\\_');
    assert.equal(escapeMarkdown('# heading'), '\\# heading');
    assert.equal(escapeMarkdown('1. item'), '1\\. item');
    assert.equal(escapeMarkdown('- item'), '\\- item');
    assert.equal(escapeMarkdown('a\nb'), 'a b');
    assert.equal(escapeMarkdown('$x$ & <b>'), '\\$x\\$ &amp; \\<b\\>');
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('is deterministic, so a committed report diffs cleanly', async () => {
    const a = renderMarkdown(await hostileReport());
    const b = renderMarkdown(await hostileReport());
    assert.equal(a, b);
  });
});
