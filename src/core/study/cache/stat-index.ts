import type { FileStat } from '../../ports/file-system';
import { CACHE_FORMAT } from './cache-entry';

/**
 * A record, like git's index, of the sidecars a load hashed: for each, the size, modification time,
 * change time and inode it had, and the SHA-256 of its bytes. A later load that finds a sidecar with all
 * four unchanged takes the hash from here instead of reading and hashing the file (1,000 sidecars, 42 MB
 * in a big study), then looks its derived entry up in the cache as usual.
 *
 * When is that safe? Any write to a file sets its change time (POSIX ctime) to the system's "now", and
 * nothing but the system sets it (utimes, `cp -p`, tar, rsync, unzip and git set mtime; setting mtime
 * sets ctime to now). So a file whose four values are unchanged has not been written since they were
 * recorded, with one exception, the racy case git documents: timestamps have a granularity (1 s on
 * HFS+, 2 s on FAT, 100 ns on NTFS, 1 ns on ext4/APFS), so a write in the same tick as the recording
 * leaves the same times behind. The rule that closes it: a record is trusted only if its change and
 * modification times are more than RACY_MARGIN_MS older than the newest change time seen among the
 * recorded files, a lower bound of the file system's clock when the record was made (read from the same
 * file system, so no skew between machines enters). A file written in the tick it was recorded in is
 * therefore re-read on every load until other files are written well after it; a write after a trusted
 * record falls in a later tick and changes the change time.
 *
 * What remains is what git also accepts: a file system that does not keep a change time a program cannot
 * set (some network and FUSE file systems, FAT, which has none), a clock stepped backwards into the very
 * tick of an earlier write, and a same-size write whose new times equal the recorded ones to the tick.
 * GROUNDED_CACHE=verify turns the index off: every file is read and hashed on every load.
 *
 * Transcripts are never taken from here: their text is read anyway, and hashing it is what keeps a
 * derived entry tied to the very text it is decoded against.
 */
export const RACY_MARGIN_MS = 3000;

/** The key of the index in the study cache: the one entry that is state rather than derived data. */
export const STAT_INDEX_KEY = `stat-index${CACHE_FORMAT}`;

interface StatRecord {
  readonly size: number;
  readonly mtime: number;
  readonly changeTime: number;
  readonly inode: number;
  readonly sha256: string;
}

export interface StatIndex {
  /** The newest change time among the recorded files when the index was made. */
  readonly newest: number;
  readonly records: ReadonlyMap<string, StatRecord>;
}

/** The SHA-256 recorded for this file if the record may be trusted for this stat, else undefined (read and hash it). */
export function trustedSha256(
  index: StatIndex | undefined,
  uri: string,
  stat: FileStat,
  margin = RACY_MARGIN_MS,
): string | undefined {
  const record = index?.records.get(uri);
  if (!index || !record || stat.type !== 'file' || stat.changeTime === undefined || stat.inode === undefined)
    return undefined;
  if (
    record.size !== stat.size ||
    record.mtime !== stat.mtime ||
    record.changeTime !== stat.changeTime ||
    record.inode !== stat.inode
  )
    return undefined;
  const settled = index.newest - margin;
  return record.changeTime < settled && record.mtime < settled ? record.sha256 : undefined;
}

/** Collects what one load saw, for the next one. */
export class StatIndexBuilder {
  private readonly records = new Map<string, StatRecord>();

  /** `stat` must have been taken before the bytes that gave `sha256` were read (a write in between then shows as a changed stat). */
  add(uri: string, stat: FileStat | undefined, sha256: string): void {
    if (!stat || stat.type !== 'file' || stat.changeTime === undefined || stat.inode === undefined) return;
    this.records.set(uri, {
      size: stat.size,
      mtime: stat.mtime,
      changeTime: stat.changeTime,
      inode: stat.inode,
      sha256,
    });
  }

  build(): StatIndex {
    let newest = 0;
    for (const record of this.records.values()) newest = Math.max(newest, record.changeTime);
    return { newest, records: new Map([...this.records].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) };
  }
}

/** As JSON: [newest, [uri, size, mtime, changeTime, inode, sha256]...]. */
export function statIndexPayload(index: StatIndex): unknown {
  const rows: (string | number)[][] = [];
  for (const [uri, r] of index.records) rows.push([uri, r.size, r.mtime, r.changeTime, r.inode, r.sha256]);
  return [index.newest, rows];
}

/** The index in a payload, or undefined for anything malformed (then every file is read and hashed). */
export function statIndexFromPayload(payload: unknown): StatIndex | undefined {
  if (!Array.isArray(payload) || payload.length !== 2) return undefined;
  const [newest, rows] = payload as unknown[];
  if (!isTime(newest) || !Array.isArray(rows)) return undefined;
  const records = new Map<string, StatRecord>();
  for (const row of rows as unknown[]) {
    if (!Array.isArray(row) || row.length !== 6) return undefined;
    const [uri, size, mtime, changeTime, inode, sha256] = row as unknown[];
    if (typeof uri !== 'string' || !isCount(size) || !isTime(mtime) || !isTime(changeTime) || !isCount(inode))
      return undefined;
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256) || records.has(uri)) return undefined;
    records.set(uri, { size, mtime, changeTime, inode, sha256 });
  }
  return { newest, records };
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
