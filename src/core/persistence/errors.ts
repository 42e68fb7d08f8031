import { READ_ONLY_FILE, SYMBOLIC_LINK } from './file-access-error';
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

/** Who holds a lock file: written into it by the process that took it. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** What took it, in words a person recognises: "grounded code", "VS Code". */
  readonly tool: string;
  /** When it was taken (ISO 8601). */
  readonly since: string;
}

/** Thrown when a file's write lock stayed taken for longer than Grounded waits; nothing was written. */
export class FileLockedError extends Error {
  constructor(
    readonly uri: string,
    readonly lockUri: string,
    readonly holder: LockHolder | undefined,
    readonly waitedMs: number,
  ) {
    super(describeLocked(uri, lockUri, holder, waitedMs, (u) => u));
    this.name = 'FileLockedError';
  }

  /** The message with paths shown as the caller shows them (relative to the working folder, the workspace). */
  describe(show: (uri: string) => string): string {
    return describeLocked(this.uri, this.lockUri, this.holder, this.waitedMs, show);
  }
}

function describeLocked(
  uri: string,
  lockUri: string,
  holder: LockHolder | undefined,
  waitedMs: number,
  show: (uri: string) => string,
): string {
  const who = holder
    ? `${holder.tool} (process ${holder.pid} on ${holder.host}${holder.since ? `, since ${holder.since}` : ''})`
    : 'another process';
  return (
    `${show(uri)} is being changed by ${who}; waited ${Math.round(waitedMs / 1000)} s and wrote nothing. ` +
    `Try again when it has finished. If no Grounded process is running, delete the lock file ${show(lockUri)}.`
  );
}

/**
 * Thrown when a file is not one Grounded replaces: read-only, a symbolic link (replacing it would cut the
 * link; writing through it could land outside the study), or a folder. Nothing was written.
 */
export class WriteRefusedError extends Error {
  /** As a system error's code, so the CLI and the extension report it as a refused file access. */
  readonly code: string;

  constructor(
    readonly uri: string,
    readonly reason: 'read-only' | 'symbolic-link' | 'folder',
  ) {
    const why = {
      'read-only': 'is read-only; Grounded does not change read-only files. Make it writable (chmod u+w) to change it',
      'symbolic-link':
        'is a symbolic link; Grounded does not write through links. Replace the link with the file itself to change it',
      folder: 'is a folder, not a file',
    }[reason];
    super(`${uri} ${why}. Nothing was written.`);
    this.name = 'WriteRefusedError';
    this.code = { 'read-only': READ_ONLY_FILE, 'symbolic-link': SYMBOLIC_LINK, folder: 'EISDIR' }[reason];
  }
}
