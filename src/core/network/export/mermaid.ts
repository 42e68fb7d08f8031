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
 * both are written as entity codes; line breaks become spaces. Everything else (brackets, pipes, non-ASCII) is
 * literal inside quotes.
 */
export function mermaidLabel(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/`/g, '#96;');
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
