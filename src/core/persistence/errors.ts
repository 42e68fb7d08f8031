import type { Problem } from '../problems';
import { formatProblem } from '../problems';

/** Thrown when a file cannot be loaded; such a file is never written. */
export class FileLoadError extends Error {
  constructor(
    readonly uri: string,
    readonly problems: readonly Problem[],
  ) {
    super(problems.map((p) => formatProblem(p)).join('\n') || `cannot load ${uri}`);
    this.name = 'FileLoadError';
  }
}

/** Thrown when a file kept changing under us and the change could not be applied safely. */
export class ConcurrentChangeError extends Error {
  constructor(
    readonly uri: string,
    attempts: number,
  ) {
    super(`${uri} changed on disk ${attempts} times while Grounded was writing it; nothing was written. Try again.`);
    this.name = 'ConcurrentChangeError';
  }
}
