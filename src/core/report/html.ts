import type { StudyReport } from '../analysis/report-types';
import type { Block } from './blocks';
import { percent, percentCi } from './format';
import { reportBlocks } from './sections';
import { layoutNetwork } from '../network/layout';
import { renderNetworkSvg } from '../network/svg';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

// Inline and static: the file opens anywhere (mail, an archive, a browser offline) and runs nothing.
const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328;background:#fff}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #d0d7de}h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;vertical-align:top;text-align:left}
th{background:#f6f8fa}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
figure.network{margin:.5rem 0 1rem}figure.network svg{max-width:100%;height:auto}
blockquote{margin:.4rem 0;padding:0 .6rem;border-left:3px solid #d0d7de;color:#444}.src{color:#656d76;font-size:.85em}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}th{background:#161b22}th,td{border-color:#30363d}blockquote{color:#c9d1d9;border-color:#30363d}}
`;

function tableHtml(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[],
): string {
  const cell = (tag: 'th' | 'td', text: string, i: number) =>
    `<${tag}${numeric[i] ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
  return `<table><thead><tr>${header.map((h, i) => cell('th', h, i)).join('')}</tr></thead><tbody>\n${rows.map((row) => `<tr>${row.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('\n')}\n</tbody></table>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'list':
      return `<ul>\n${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}\n</ul>`;
    case 'table':
      return tableHtml(block.header, block.rows, block.numeric);
    case 'joint': {
      const { display, codeLabels } = block;
      const rows = display.rows.map((row) => {
        const cells = row.cells.map((c) => {
          const quotes = c.quotes
            .map(
              (q) =>
                `<blockquote>${escapeHtml(q.text)}${q.truncated ? '…' : ''} <span class="src">— ${escapeHtml(q.participant)}${q.agreed ? ', both coders' : ''}</span></blockquote>`,
            )
            .join('');
          return `<td><strong>${escapeHtml(`${c.participants} of ${c.total} (${percent(c.proportion, 1)})`)}</strong> <span class="src">${escapeHtml(percentCi(c.ci))}</span>${quotes}</td>`;
        });
        return `<tr><th>${escapeHtml(codeLabels.get(row.code) ?? row.code)}</th>${cells.join('')}</tr>`;
      });
      return `<table><thead><tr><th>Code</th>${display.groups.map((g) => `<th>${escapeHtml(g)}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
    }
    case 'network': {
      const layout = layoutNetwork(block.network, { width: 760, height: networkHeight(block.network.nodes.length) });
      return `<figure class="network">${renderNetworkSvg(block.network, layout, { title: 'Relations between codes' })}</figure>`;
    }
  }
}

/** A taller drawing for more codes, so labels keep their room. */
function networkHeight(nodes: number): number {
  return Math.min(900, Math.max(320, 60 * Math.ceil(Math.sqrt(nodes)) * 2));
}

/**
 * The report as one self-contained HTML file: inline CSS, no scripts, no external resources, and a CSP
 * that forbids both, so opening a report (whose quotes and labels are other people's text) runs nothing.
 * Every string written is HTML-escaped.
 */
export function renderHtml(report: StudyReport): string {
  const body = reportBlocks(report).map(blockHtml).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`Grounded report: ${report.title}`)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
