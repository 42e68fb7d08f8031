import {
  buildStudyData,
  codeNetworkOfStudyData,
  type CodeNetwork,
  exportNetwork,
  mermaidEdgeLimitNote,
  type MergedSurvey,
  type Study,
} from '../../core/index';
import type { NetworkExportFormat, ReportRequestState } from '../../../webview/protocol';

// No 'vscode' here: what the network export writes is decided by pure code, unit-tested in plain Node.

/**
 * The panel's network for export, over the same participants as its report (coders, filters, what an uncoded
 * participant counts as), with co-occurrence edges at the panel's threshold: the network the panel draws, as
 * `grounded export network` writes it.
 */
export function panelNetwork(
  study: Study,
  survey: MergedSurvey | undefined,
  request: ReportRequestState,
  threshold: number | null,
): CodeNetwork {
  const data = buildStudyData(study, survey, {
    ...(request.coders ? { coders: request.coders } : {}),
    filters: request.filters,
    ...(request.uncoded ? { uncoded: request.uncoded } : {}),
  });
  return codeNetworkOfStudyData(study, data, threshold ?? undefined);
}

/**
 * File name, content and save-dialog filter of a network export, and what to warn about once it is saved (a
 * Mermaid network with more edges than Mermaid draws).
 */
export function networkExportFile(
  title: string,
  network: CodeNetwork,
  format: NetworkExportFormat,
): { fileName: string; bytes: Uint8Array; filters: Record<string, string[]>; warning?: string } {
  const stem = `${title}-network`.replace(/[^\p{L}\p{N}._-]+/gu, '-');
  const bytes = new TextEncoder().encode(exportNetwork(network, format));
  if (format === 'graphml') return { fileName: `${stem}.graphml`, bytes, filters: { GraphML: ['graphml'] } };
  const warning = mermaidEdgeLimitNote(network);
  return {
    fileName: `${stem}.mmd`,
    bytes,
    filters: { Mermaid: ['mmd', 'mermaid'] },
    ...(warning !== undefined ? { warning } : {}),
  };
}
