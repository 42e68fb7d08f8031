import type { CodeNetwork } from '../network-types';
import { networkToDot } from './dot';
import { networkToGraphml } from './graphml';
import { networkToMermaid } from './mermaid';

export { networkToDot, dotString } from './dot';
export { networkToGraphml } from './graphml';
export { networkToMermaid, mermaidLabel, mermaidEdgeLimitNote, MERMAID_MAX_EDGES } from './mermaid';

export const NETWORK_FORMATS = ['graphml', 'mermaid', 'dot', 'json'] as const;
export type NetworkFormat = (typeof NETWORK_FORMATS)[number];

/** The network in one of the export formats, as text. */
export function exportNetwork(network: CodeNetwork, format: NetworkFormat): string {
  switch (format) {
    case 'graphml':
      return networkToGraphml(network);
    case 'mermaid':
      return networkToMermaid(network);
    case 'dot':
      return networkToDot(network);
    case 'json':
      return JSON.stringify(network, null, 2) + '\n';
  }
}
