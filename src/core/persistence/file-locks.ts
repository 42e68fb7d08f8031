import type { FileSystemPort, ReleaseLock } from '../ports/file-system';

/**
 * The locks one operation holds. Passed down to the writes made under them, so a write does not wait for a
 * lock its own operation already has (locks are not re-entrant across processes, and cannot tell an
 * operation's own nested write from another writer's).
 */
export interface HeldLocks {
  has(uri: string): boolean;
}

const NONE: HeldLocks = { has: () => false };

/**
 * Runs `task` holding the write locks of `uris`, taken one after another in the order given and released
 * in reverse. Every operation that holds more than one lock takes them in the same order — the codebook
 * first, then sidecars sorted by URI (see lockOrder) — so two operations can never wait for each other.
 * Locks already in `held` are not taken again.
 */
export async function withFileLocks<R>(
  fs: FileSystemPort,
  uris: readonly string[],
  task: (held: HeldLocks) => Promise<R>,
  held: HeldLocks = NONE,
): Promise<R> {
  const wanted = [...new Set(uris)].filter((uri) => !held.has(uri));
  const releases = (await takeAllNow(fs, wanted)) ?? [];
  const taken = new Set(releases.length > 0 ? wanted : []);
  try {
    for (const uri of wanted) {
      if (taken.has(uri)) continue;
      releases.push(await fs.lock(uri));
      taken.add(uri);
    }
    return await task({ has: (uri) => taken.has(uri) || held.has(uri) });
  } finally {
    for (const release of releases.reverse()) await release().catch(() => undefined);
  }
}

/**
 * Several locks that are all free are taken together, one wait instead of one per lock (a coding takes the
 * codebook's and its sidecar's). If any is held, those taken are given back and the caller takes them one by
 * one in the lock order: nothing ever waits while holding a lock out of that order, so no two operations can
 * wait for each other.
 */
async function takeAllNow(fs: FileSystemPort, uris: readonly string[]): Promise<ReleaseLock[] | undefined> {
  if (uris.length < 2 || !fs.tryLock) return undefined;
  const tries = await Promise.all(uris.map((uri) => fs.tryLock!(uri).catch(() => undefined)));
  const taken = tries.filter((release): release is ReleaseLock => release !== undefined);
  if (taken.length === uris.length) return taken;
  for (const release of taken.reverse()) await release().catch(() => undefined);
  return undefined;
}

/** The one lock order: the codebook (when given), then the other files sorted by URI, without repeats. */
export function lockOrder(codebookUri: string | undefined, others: Iterable<string>): string[] {
  const rest = [...new Set(others)].filter((uri) => uri !== codebookUri).sort();
  return codebookUri === undefined ? rest : [codebookUri, ...rest];
}
