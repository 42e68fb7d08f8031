import * as vscode from 'vscode';
import type { ReportRequestState } from '../../../webview/protocol';

/** A Retrieve filter: the participant's answer in `column` is one of `values`. */
export interface RetrieveFilter {
  column: string;
  values: string[];
}

/**
 * The panel's request as Retrieve filters: each of the panel's filters as its own (they must all match, as in
 * the report), and, from one group's network, that group.
 */
export function retrieveFilters(request: ReportRequestState, group: string | null): RetrieveFilter[] {
  const filters = request.filters.map((f) => ({ column: f.column, values: [f.value] }));
  if (group !== null && request.by !== null) filters.push({ column: request.by, values: [group] });
  return filters;
}

/**
 * Opens a code's quotes in the Retrieve view, narrowed as the panel is: its filters, its group (a node of one
 * group's network) and its coders. Retrieve lists them beside the panel and opens each at its place.
 */
export async function retrieveCode(
  root: string,
  request: ReportRequestState,
  code: string,
  group: string | null,
): Promise<void> {
  await vscode.commands.executeCommand('grounded.retrieveQuotes', {
    study: root,
    code,
    filters: retrieveFilters(request, group),
    coders: request.coders ?? [],
  });
}
