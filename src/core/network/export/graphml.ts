import { XMLBuilder } from 'fast-xml-parser';
import type { CodeNetwork } from '../network-types';
import { madeOnce } from '../../made-once';

const builder = madeOnce(
  () =>
    new XMLBuilder({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      textNodeName: '#text',
      format: true,
      indentBy: '  ',
      suppressEmptyNode: true,
      // Otherwise directed="true" is written as a bare `directed`, which is not XML.
      suppressBooleanAttributes: false,
      // The library escapes & < > " ' in text and attribute values; no user text is put in by hand.
      processEntities: true,
    }),
);

type Key = { id: string; for: 'node' | 'edge'; name: string; type: 'string' | 'int' | 'double' | 'boolean' };

/** The attributes every node and edge may carry, declared once as GraphML keys (yEd, Gephi and Cytoscape read them). */
const KEYS: readonly Key[] = [
  { id: 'name', for: 'node', name: 'name', type: 'string' },
  { id: 'color', for: 'node', name: 'color', type: 'string' },
  { id: 'participants', for: 'node', name: 'participants', type: 'int' },
  { id: 'core', for: 'node', name: 'core', type: 'boolean' },
  { id: 'parent', for: 'node', name: 'parent', type: 'string' },
  { id: 'kind', for: 'edge', name: 'kind', type: 'string' },
  { id: 'type', for: 'edge', name: 'type', type: 'string' },
  { id: 'label', for: 'edge', name: 'label', type: 'string' },
  { id: 'memo', for: 'edge', name: 'memo', type: 'string' },
  { id: 'jaccard', for: 'edge', name: 'jaccard', type: 'double' },
  { id: 'shared', for: 'edge', name: 'participants', type: 'int' },
];

function data(key: string, value: string | number | boolean | null): { '@_key': string; '#text': string }[] {
  return value === null || value === '' ? [] : [{ '@_key': key, '#text': String(value) }];
}

/**
 * The network as GraphML: a mixed graph (edgedefault="directed", each edge with its own `directed`), codes as
 * nodes with their code id as node id, relations and co-occurrence as edges with typed data.
 */
export function networkToGraphml(network: CodeNetwork): string {
  const nodes = network.nodes.map((node) => ({
    '@_id': node.id,
    data: [
      ...data('name', node.name),
      ...data('color', node.color),
      ...data('participants', node.participants),
      ...data('core', node.core),
      ...data('parent', node.parent),
    ],
  }));
  const edges = network.edges.map((edge, index) => ({
    '@_id': `e${index}`,
    '@_source': edge.from,
    '@_target': edge.to,
    '@_directed': String(edge.directed),
    data:
      edge.kind === 'relation'
        ? [
            ...data('kind', 'relation'),
            ...data('type', edge.type),
            ...data('label', edge.label),
            ...data('memo', edge.memo),
          ]
        : [
            ...data('kind', 'cooccurrence'),
            ...data('jaccard', edge.jaccard),
            ...data('shared', edge.participants.length),
          ],
  }));
  return builder().build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    graphml: {
      '@_xmlns': 'http://graphml.graphdrawing.org/xmlns',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation':
        'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
      key: KEYS.map((key) => ({ '@_id': key.id, '@_for': key.for, '@_attr.name': key.name, '@_attr.type': key.type })),
      graph: { '@_id': 'codes', '@_edgedefault': 'directed', node: nodes, edge: edges },
    },
  }) as string;
}
