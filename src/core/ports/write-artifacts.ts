/**
 * How file-system adapters name the files they create while writing: a temp copy and a lock file beside
 * the target, both hidden (leading dot) so editors and `ls` leave them out. For FileSystemPort
 * implementations only (a lint rule keeps everyone else out): the rest of Grounded asks
 * `FileSystemPort.isWriteArtifact`, so the names can change without touching a loader, a watcher or a check.
 */
import { basenameUri, dirnameUri, joinUri } from '../uri';

/** `.<name>.<random>.tmp` beside the target: renamed over it once complete. */
export function tempUriFor(uri: string): string {
  return joinUri(dirnameUri(uri), `.${basenameUri(uri)}.${randomToken()}.tmp`);
}

/** `.<name>.lock` beside the target: exists while a writer holds the target's lock. */
export function lockUriFor(uri: string): string {
  return joinUri(dirnameUri(uri), `.${basenameUri(uri)}.lock`);
}

/**
 * `.<name>.lock.break`: held for an instant by the one process that removes a stale lock, so two processes
 * that both found it stale cannot remove a fresh lock taken in between.
 */
export function breakLockUriFor(lockUri: string): string {
  return `${lockUri}.break`;
}

const ARTIFACT = /^\..+\.(?:tmp|lock|lock\.break)$/;

export function isWriteArtifactName(name: string): boolean {
  return ARTIFACT.test(name);
}

export function isWriteArtifactUri(uri: string): boolean {
  return isWriteArtifactName(basenameUri(uri));
}

function randomToken(): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(36).padStart(2, '0')).join('');
}
