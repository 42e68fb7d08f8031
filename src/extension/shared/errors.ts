import * as vscode from 'vscode';
import {
  CodebookEditError,
  CodingRangeError,
  ConcurrentChangeError,
  FileAccessError,
  fileAccessErrorFromSystem,
  FileLoadError,
  FileLockedError,
  formatProblem,
  type Problem,
  UnknownCodeError,
} from '../../core/index';
import { fromVscodeUri, toVscodeUri } from '../platform/workspace-file-system';

/** An expected refusal ("select a passage first"): shown as a message, never as a crash. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly problem?: Problem,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function displayPath(uri: string): string {
  try {
    return vscode.workspace.asRelativePath(toVscodeUri(uri), false);
  } catch {
    return uri;
  }
}

/**
 * A file that does not load is refused, naming file:line:column (docs/ARCHITECTURE.md#persistence, rule 2), so the
 * person can go and fix it; Grounded never rewrites it.
 */
export function refusalFor(uri: string, problems: readonly Problem[]): UserError {
  const first = problems.find((p) => p.severity === 'error') ?? problems[0];
  const where = first ? formatProblem(first, displayPath) : displayPath(uri);
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new UserError(`Grounded did not change ${displayPath(uri)}: it does not load. ${where}${more}`, first);
}

/** Turns any error into the message the person sees, keeping the place of a load problem. */
export function asUserError(error: unknown): UserError {
  if (error instanceof UserError) return error;
  if (error instanceof FileLoadError) return refusalFor(error.uri, error.problems);
  if (
    error instanceof CodebookEditError ||
    error instanceof CodingRangeError ||
    error instanceof UnknownCodeError ||
    error instanceof ConcurrentChangeError
  )
    return new UserError(error.message);
  if (error instanceof FileLockedError) return new UserError(`Grounded: ${error.describe(displayPath)}`);
  const refusal =
    error instanceof FileAccessError
      ? error
      : fileAccessErrorFromSystem(error, (path) => fromVscodeUri(vscode.Uri.file(path)));
  if (refusal) return new UserError(`Grounded ${refusal.describe(displayPath(refusal.uri))}. ${refusal.advice}`);
  return new UserError(error instanceof Error ? error.message : String(error));
}

/** Shows an error; a load problem gets a button that opens the file at its line and column. */
export async function showError(error: UserError): Promise<void> {
  const { problem } = error;
  if (!problem) {
    await vscode.window.showErrorMessage(error.message);
    return;
  }
  const open = 'Open File';
  if ((await vscode.window.showErrorMessage(error.message, open)) !== open) return;
  const position = new vscode.Position(Math.max(0, problem.line - 1), Math.max(0, problem.column - 1));
  await vscode.window.showTextDocument(toVscodeUri(problem.uri), { selection: new vscode.Range(position, position) });
}
