import * as vscode from 'vscode';
import type { Problem } from '../../core/index';

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * A core Problem as a Diagnostic. Problems carry a 1-based line and column but no extent: the range runs
 * from the column to the end of its line (VS Code clamps the end to the line's length), so the squiggle
 * is visible without re-reading the file. Whole-file problems (line 0) sit on the first line.
 */
export function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const line = Math.max(0, problem.line - 1);
  const character = problem.line > 0 ? Math.max(0, problem.column - 1) : 0;
  const range = new vscode.Range(line, character, line, Number.MAX_SAFE_INTEGER);
  const message = problem.hint ? `${problem.message}\n${problem.hint}` : problem.message;
  const diagnostic = new vscode.Diagnostic(range, message, SEVERITY[problem.severity]);
  diagnostic.source = 'Grounded';
  diagnostic.code = problem.kind;
  return diagnostic;
}
