/**
 * The lock-file protocol shared by the file-system adapters, written once over a few primitives each
 * adapter provides. A lock is a small file beside its target holding who took it; it is created only if
 * absent (O_EXCL or its equivalent), so of any number of processes exactly one gets it.
 *
 * A holder that died (kill -9, a crash, a closed laptop) leaves its lock behind. Such a lock is stale when
 * its process is known to be gone (same host, pid not running) or when it has not been renewed for
 * `staleAfterMs` (holders renew theirs while they work, so a slow merge is not mistaken for a dead one).
 * Removing a stale lock is itself guarded by a second, momentary lock, so two processes that both judged it
 * stale cannot remove the fresh lock one of them took in between.
 */
import { FileLockedError, type LockHolder } from '../persistence/errors';
import { breakLockUriFor, lockUriFor } from './write-artifacts';
import type { ReleaseLock } from './file-system';
import { sameBytes } from '../bytes';

export interface LockPrimitives {
  /** Creates the file with this content only if nothing exists at the URI; false when something does. */
  createExclusive(uri: string, content: Uint8Array): Promise<boolean>;
  /** The file's content, or undefined when it does not exist (any more). */
  read(uri: string): Promise<Uint8Array | undefined>;
  /** Milliseconds since the file was last written or touched; undefined when it does not exist. */
  age(uri: string): Promise<number | undefined>;
  /** Marks the file as renewed (its age becomes 0). */
  touch(uri: string): Promise<void>;
  /** Removes the file; no error when it is already gone. */
  remove(uri: string): Promise<void>;
  /** Whether the holder's process runs: false only when known to be gone; undefined when it cannot be told. */
  isAlive(holder: LockHolder): boolean | undefined;
}

export interface LockOptions {
  /** Who takes locks: written into each lock so a waiting process can name the holder. */
  readonly holder: Omit<LockHolder, 'since'>;
  /** Give up waiting after this long (FileLockedError). */
  readonly timeoutMs?: number;
  /** A lock not renewed for this long is stale. */
  readonly staleAfterMs?: number;
  /** How often a holder renews its lock. */
  readonly renewEveryMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_STALE_AFTER_MS = 60_000;
const DEFAULT_RENEW_EVERY_MS = 10_000;
/** A lock file read empty or half-written is its creator between create and write: alive while this young. */
const UNREADABLE_GRACE_MS = 2_000;
const MAX_POLL_MS = 40;

/**
 * Takes and gives back locks over one adapter's primitives. One table per adapter instance: it also queues
 * this process's own requests for the same lock, so they are handed over without polling the file.
 */
export class LockTable {
  private readonly local = new Map<string, Promise<void>>();
  private readonly timeoutMs: number;
  private readonly staleAfterMs: number;
  private readonly renewEveryMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly primitives: LockPrimitives,
    private readonly options: LockOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
    this.renewEveryMs = options.renewEveryMs ?? DEFAULT_RENEW_EVERY_MS;
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Locks `targetUri` (its lock file is `lockUriFor(targetUri)`). */
  async lock(targetUri: string): Promise<ReleaseLock> {
    const lockUri = lockUriFor(targetUri);
    const { previous, leaveQueue } = this.enqueue(lockUri);
    await previous;
    let content: Uint8Array;
    try {
      content = await this.acquire(lockUri, targetUri);
    } catch (error) {
      leaveQueue();
      throw error;
    }
    return this.held(lockUri, content, leaveQueue);
  }

  /**
   * Locks `targetUri` if nobody holds it now, this process included, in one attempt: undefined otherwise (a
   * stale lock is left for lock() to judge). Never waits.
   */
  async tryLock(targetUri: string): Promise<ReleaseLock | undefined> {
    const lockUri = lockUriFor(targetUri);
    if (this.local.has(lockUri)) return undefined;
    const { leaveQueue } = this.enqueue(lockUri);
    const content = this.holderContent();
    let created = false;
    try {
      created = await this.primitives.createExclusive(lockUri, content);
    } catch {
      // Said by lock(), which the caller falls back to.
    }
    if (!created) {
      leaveQueue();
      return undefined;
    }
    return this.held(lockUri, content, leaveQueue);
  }

  /** Queues behind this process's earlier requests for the same lock. */
  private enqueue(lockUri: string): { previous: Promise<void>; leaveQueue: () => void } {
    const previous = this.local.get(lockUri) ?? Promise.resolve();
    let handOver!: () => void;
    const mine = new Promise<void>((resolve) => (handOver = resolve));
    const queued = previous.then(() => mine);
    this.local.set(lockUri, queued);
    const leaveQueue = () => {
      handOver();
      if (this.local.get(lockUri) === queued) this.local.delete(lockUri);
    };
    return { previous, leaveQueue };
  }

  /** A lock file of ours, now held: renewed while it is, and removed (if still ours) by the release. */
  private held(lockUri: string, content: Uint8Array, leaveQueue: () => void): ReleaseLock {
    const renew = setInterval(() => void this.primitives.touch(lockUri).catch(() => undefined), this.renewEveryMs);
    (renew as { unref?: () => void }).unref?.();
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      clearInterval(renew);
      try {
        // Only our own lock: if it was taken over as stale (we were frozen for a minute), it is someone else's now.
        if (sameBytes(await this.primitives.read(lockUri), content)) await this.primitives.remove(lockUri);
      } finally {
        leaveQueue();
      }
    };
  }

  private async acquire(lockUri: string, targetUri: string): Promise<Uint8Array> {
    const started = this.now();
    for (let attempt = 0; ; attempt++) {
      const content = this.holderContent();
      if (await this.primitives.createExclusive(lockUri, content)) return content;
      const found = await this.primitives.read(lockUri);
      if (found === undefined) continue; // released between our attempt and the read: try again at once
      const holder = decodeHolder(found);
      if (await this.isStale(lockUri, holder)) {
        await this.removeStale(lockUri, found);
        continue;
      }
      if (this.now() - started >= this.timeoutMs)
        throw new FileLockedError(targetUri, lockUri, holder, this.now() - started);
      // Short waits first (a coding action holds a lock for milliseconds), jittered so waiters do not march in step.
      await this.sleep(Math.min(MAX_POLL_MS, 1 + attempt * 2) * (0.5 + Math.random()));
    }
  }

  private holderContent(): Uint8Array {
    return encodeHolder({ ...this.options.holder, since: new Date(this.now()).toISOString() });
  }

  private async isStale(lockUri: string, holder: LockHolder | undefined): Promise<boolean> {
    const age = await this.primitives.age(lockUri);
    if (age === undefined) return false; // gone: the next attempt will simply create it
    if (holder === undefined) return age > Math.max(UNREADABLE_GRACE_MS, this.staleAfterMs);
    return this.primitives.isAlive(holder) === false || age > this.staleAfterMs;
  }

  /** Removes a stale lock, unless it changed since we judged it: that would be someone's fresh lock. */
  private async removeStale(lockUri: string, judged: Uint8Array): Promise<void> {
    const breakUri = breakLockUriFor(lockUri);
    if (!(await this.primitives.createExclusive(breakUri, this.holderContent()))) {
      // Another process is removing it right now; a break lock older than a few seconds was left by one that died.
      const age = await this.primitives.age(breakUri);
      if (age !== undefined && age > UNREADABLE_GRACE_MS) await this.primitives.remove(breakUri);
      else await this.sleep(1);
      return;
    }
    try {
      if (sameBytes(await this.primitives.read(lockUri), judged)) await this.primitives.remove(lockUri);
    } finally {
      await this.primitives.remove(breakUri);
    }
  }
}

function encodeHolder(holder: LockHolder): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(holder) + '\n');
}

function decodeHolder(bytes: Uint8Array): LockHolder | undefined {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return undefined;
    return {
      pid: value.pid,
      host: value.host,
      tool: typeof value.tool === 'string' ? value.tool : 'unknown',
      since: typeof value.since === 'string' ? value.since : '',
    };
  } catch {
    return undefined;
  }
}
