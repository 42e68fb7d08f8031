import { relative } from 'node:path';
import { formatProblem, type Problem } from '../core/index';
import { uriToPath } from '../node/node-file-system';
import type { CliIo } from './io';

/**
 * Where a command's results go. Human text by default; with --json the command emits one JSON value on
 * stdout and the human lines are suppressed, so scripts can parse stdout. Errors and warnings always go
 * to stderr. Paths are shown relative to the working folder, like compilers do, so terminals link them.
 */
export class Output {
  constructor(
    private readonly io: CliIo,
    readonly json: boolean,
  ) {}

  /** A line of the human report (suppressed with --json). */
  line(text = ''): void {
    if (!this.json) this.io.stdout(text + '\n');
  }

  /** The JSON result (only with --json). */
  data(value: unknown): void {
    if (this.json) this.io.stdout(JSON.stringify(value, null, 2) + '\n');
  }

  /** A message on stderr, in both modes. */
  error(text: string): void {
    this.io.stderr(text + '\n');
  }

  /** `path:line:col: severity: message — hint`, the format terminals and editors make clickable. */
  formatProblem(problem: Problem): string {
    return formatProblem(problem, (uri) => this.path(uri));
  }

  /** A file URI as a path relative to the working folder (absolute when it is on another drive). */
  path(uri: string): string {
    let absolute: string;
    try {
      absolute = uriToPath(uri);
    } catch {
      return uri; // not a file: URI; show it as is
    }
    const shown = relative(this.io.cwd, absolute);
    return shown === '' ? '.' : shown;
  }

  /** A problem as plain JSON, with the displayed path, for --json output. */
  problemJson(problem: Problem): Record<string, unknown> {
    return {
      file: this.path(problem.uri),
      line: problem.line,
      column: problem.column,
      severity: problem.severity,
      kind: problem.kind,
      message: problem.message,
      ...(problem.hint !== undefined ? { hint: problem.hint } : {}),
    };
  }
}
