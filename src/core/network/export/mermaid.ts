import type { CodeNetwork } from '../network-types';

/**
 * Node ids Mermaid accepts whatever the code id is: `n` and an index. Code ids may be Mermaid keywords
 * (`end`, `graph`, `style`, `click`), contain dots or non-ASCII letters, none of which a flowchart id may be;
 * the code's name is the node's quoted label instead.
 */
function mermaidIds(network: CodeNetwork): Map<string, string> {
  return new Map(network.nodes.map((node, index) => [node.id, `n${index}`]));
}

/**
 * Text inside a Mermaid quoted label: a double quote ends the label and `#…;` is Mermaid's entity syntax, so
 * both are written as entity codes; line breaks become spaces. Mermaid also reads its own text before parsing
 * it: `%%{…}%%` anywhere is a directive and `<script>…</script>` is cut out (an empty label then fails to
 * parse), and `<…>` and `&…;` in a label are HTML to it. So `%`, `<`, `>`, `&` and the backtick are entity
 * codes too, and the drawing shows the name as written. Brackets, pipes and non-ASCII are literal inside quotes.
 */
export function mermaidLabel(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/`/g, '#96;')
    .replace(/&/g, '#amp;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/%/g, '#37;');
}

/**
 * The network as a Mermaid flowchart (left to right): one node per code that takes part in a relation (or is
 * the core category), labelled with its name; directed relations as arrows, undirected as lines, each
 * labelled with its type; co-occurrence edges dotted with their Jaccard. Node colours follow the codes.
 */
export function networkToMermaid(network: CodeNetwork, options: { onlyConnected?: boolean } = {}): string {
  const ids = mermaidIds(network);
  const connected = new Set(network.edges.flatMap((e) => [e.from, e.to]));
  const nodes = network.nodes.filter((n) => !options.onlyConnected || connected.has(n.id) || n.core);
  const lines = ['flowchart LR'];
  for (const node of nodes) {
    const id = ids.get(node.id) as string;
    const label = mermaidLabel(node.core ? `${node.name} (core category)` : node.name);
    lines.push(`  ${id}${node.core ? '(("' : '["'}${label}${node.core ? '"))' : '"]'}`);
  }
  for (const edge of network.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (from === undefined || to === undefined) continue;
    if (edge.kind === 'relation') {
      lines.push(`  ${from} ${edge.directed ? '-->' : '---'}|"${mermaidLabel(edge.label)}"| ${to}`);
    } else {
      lines.push(`  ${from} -.-|"${edge.jaccard.toFixed(2)}"| ${to}`);
    }
  }
  for (const node of nodes) {
    lines.push(`  style ${ids.get(node.id) as string} fill:${node.color}${node.core ? ',stroke-width:3px' : ''}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * How many edges Mermaid draws unless the page that shows the diagram raises its `maxEdges` (GitHub, GitLab and
 * the Mermaid Live Editor do not): more and the diagram is an error, not a drawing.
 */
export const MERMAID_MAX_EDGES = 500;

/** What to tell a researcher whose Mermaid export has more edges than Mermaid draws; undefined when it fits. */
export function mermaidEdgeLimitNote(network: CodeNetwork): string | undefined {
  const edges = network.edges.length;
  if (edges <= MERMAID_MAX_EDGES) return undefined;
  const cooccurrence = network.edges.filter((e) => e.kind === 'cooccurrence').length;
  const fix =
    cooccurrence > 0
      ? `raise the co-occurrence threshold (${cooccurrence} of them are co-occurrence edges) or export GraphML`
      : 'export GraphML';
  return `the Mermaid network has ${edges} edges and Mermaid draws at most ${MERMAID_MAX_EDGES} (GitHub shows "Edge limit exceeded"): ${fix}`;
}
