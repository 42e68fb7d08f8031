import type { CodeNetwork } from '../network-types';

/**
 * A DOT quoted string: backslash and double quote escaped, line breaks as \n (a DOT label line break).
 * Quoted ids may hold any text, so code ids are used as they are (keywords such as `graph` or `node` too).
 */
export function dotString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n|\r|\n/g, '\\n')}"`;
}

/**
 * The network as a Graphviz digraph: codes as nodes (label = name, filled with the code colour, width by
 * participants), relations as labelled edges (undirected types with dir=none), co-occurrence edges dashed
 * with their Jaccard as weight and label.
 */
export function networkToDot(network: CodeNetwork): string {
  const lines = [
    'digraph codes {',
    '  graph [rankdir=LR];',
    '  node [shape=ellipse, style=filled, fontname="Helvetica"];',
  ];
  for (const node of network.nodes) {
    const attributes = [
      `label=${dotString(node.name)}`,
      `fillcolor=${dotString(node.color)}`,
      `tooltip=${dotString(`${node.participants} participant(s)`)}`,
      ...(node.core ? ['penwidth=3', 'peripheries=2'] : []),
    ];
    lines.push(`  ${dotString(node.id)} [${attributes.join(', ')}];`);
  }
  for (const edge of network.edges) {
    const attributes =
      edge.kind === 'relation'
        ? [
            `label=${dotString(edge.label)}`,
            ...(edge.directed ? [] : ['dir=none']),
            ...(edge.memo ? [`tooltip=${dotString(edge.memo)}`] : []),
          ]
        : [
            'dir=none',
            'style=dashed',
            `label=${dotString(edge.jaccard.toFixed(2))}`,
            `weight=${edge.jaccard.toFixed(3)}`,
          ];
    lines.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)} [${attributes.join(', ')}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
