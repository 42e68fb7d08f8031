/** A problem found while loading or checking a study, always tied to a place in a file. */
export interface Problem {
  readonly uri: string;
  /** 1-based. 0 when the problem is about the whole file. */
  readonly line: number;
  /** 1-based. 0 when the problem is about the whole file. */
  readonly column: number;
  readonly severity: 'error' | 'warning' | 'info';
  /** Stable machine-readable kind, e.g. 'yaml-syntax', 'conflict-marker', 'duplicate-id'. */
  readonly kind: string;
  readonly message: string;
  /** What the user can do about it. */
  readonly hint?: string;
}

export function problem(
  uri: string,
  line: number,
  column: number,
  kind: string,
  message: string,
  hint?: string,
  severity: Problem['severity'] = 'error',
): Problem {
  return hint === undefined
    ? { uri, line, column, severity, kind, message }
    : { uri, line, column, severity, kind, message, hint };
}

/** `file:line:col: severity: message (hint)` — the format compilers use, so terminals make it clickable. */
export function formatProblem(p: Problem, displayPath: (uri: string) => string = (uri) => uri): string {
  const where = p.line > 0 ? `${displayPath(p.uri)}:${p.line}:${p.column}` : displayPath(p.uri);
  return `${where}: ${p.severity}: ${p.message}${p.hint ? ` — ${p.hint}` : ''}`;
}

/** Result of loading a file: a value, or the problems that stopped it. Never both silently. */
export type Loaded<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** The order problems are listed in everywhere: by file, then line, then column (stable for ties). */
export function compareProblems(a: Problem, b: Problem): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.line - b.line || a.column - b.column;
}
