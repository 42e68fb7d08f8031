import type { Loaded } from '../../problems';
import type { StudyCache } from './study-cache';
import { OffsetMap } from '../../text/canonical';
import { CACHE_FORMAT, decodeEntry, encodeEntry, type DerivedSidecar } from './cache-entry';
import { decodeDerivedSidecar, encodeDerivedSidecar } from './derived-sidecar-payload';
import { STAT_INDEX_KEY, StatIndexBuilder, statIndexFromPayload, statIndexPayload, type StatIndex } from './stat-index';

/** The cache as one study load uses it: the port, the hash, and the keys used (to prune the rest). */
export interface CacheSession {
  readonly cache: StudyCache;
  readonly sha256: (bytes: Uint8Array) => string;
  readonly used: Set<string>;
  /** When file stats are trusted (stat-index.ts): the previous load's index and this load's. */
  readonly stats?: StatSession;
}

export interface StatSession {
  /** The index whose records may be trusted: the previous load's, unless only recording. */
  readonly previous: StatIndex | undefined;
  readonly previousBytes: Uint8Array | undefined;
  readonly next: StatIndexBuilder;
}

/** A cache that fails or holds something unreadable is a miss, never an error of the study. */
export async function readDerivedSidecar(
  session: CacheSession,
  key: string,
  map: OffsetMap,
): Promise<DerivedSidecar | undefined> {
  session.used.add(key);
  try {
    const bytes = await session.cache.read(key);
    return bytes === undefined ? undefined : decodeDerivedSidecar(key, bytes, map, session.sha256);
  } catch {
    return undefined;
  }
}

export async function writeDerivedSidecar(
  session: CacheSession,
  key: string,
  derived: DerivedSidecar,
  map: OffsetMap,
): Promise<void> {
  const bytes = encodeDerivedSidecar(key, derived, map, session.sha256);
  if (bytes !== undefined) await writeQuietly(session, key, bytes);
}

/**
 * The offset map of a transcript text. Making one scans the whole text for surrogate pairs (35 M
 * characters in a 500-transcript study); where they are depends on the text alone, so they are kept
 * under the text's hash. Checked on the way in: each must be a surrogate pair of this text.
 */
export async function textOffsetMap(
  session: CacheSession | undefined,
  text: string,
  textHash: string,
): Promise<OffsetMap> {
  if (!session) return new OffsetMap(text);
  const key = `text${CACHE_FORMAT}-${textHash.replace(/^sha256:/, '')}`;
  session.used.add(key);
  try {
    const stored = await session.cache.read(key);
    const units = stored === undefined ? undefined : decodeEntry(key, stored, session.sha256);
    if (areAstralUnitsOf(units, text)) return new OffsetMap(text, units);
  } catch {
    // a miss
  }
  const map = new OffsetMap(text);
  await writeQuietly(session, key, encodeEntry(key, map.astralUnits, session.sha256));
  return map;
}

function areAstralUnitsOf(value: unknown, text: string): value is number[] {
  if (!Array.isArray(value)) return false;
  let previous = -2;
  for (const unit of value as unknown[]) {
    if (typeof unit !== 'number' || !Number.isSafeInteger(unit) || unit < previous + 2 || unit + 1 >= text.length)
      return false;
    const high = text.charCodeAt(unit);
    const low = text.charCodeAt(unit + 1);
    if (high < 0xd800 || high > 0xdbff || low < 0xdc00 || low > 0xdfff) return false;
    previous = unit;
  }
  return true;
}

/** The previous load's index (none if absent or damaged; ignored unless `trust`) and a new one to fill. */
export async function startStatSession(
  cache: StudyCache,
  sha256: (bytes: Uint8Array) => string,
  used: Set<string>,
  trust: boolean,
): Promise<StatSession> {
  used.add(STAT_INDEX_KEY);
  let previous: StatIndex | undefined;
  let previousBytes: Uint8Array | undefined;
  try {
    previousBytes = await cache.read(STAT_INDEX_KEY);
    previous =
      previousBytes === undefined
        ? undefined
        : statIndexFromPayload(decodeEntry(STAT_INDEX_KEY, previousBytes, sha256));
  } catch {
    // no index: every file is read and hashed
  }
  return {
    previous: trust ? previous : undefined,
    previousBytes: previous ? previousBytes : undefined,
    next: new StatIndexBuilder(),
  };
}

/** Stores this load's index for the next one (unless it is the one already stored). */
export async function finishStatSession(session: CacheSession): Promise<void> {
  if (!session.stats) return;
  const bytes = encodeEntry(STAT_INDEX_KEY, statIndexPayload(session.stats.next.build()), session.sha256);
  if (session.stats.previousBytes && sameBytes(session.stats.previousBytes, bytes)) return;
  await writeQuietly(session, STAT_INDEX_KEY, bytes);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A small YAML file (settings, codebook) parsed through the cache. Its `yaml` parse is cheap per file but
 * is most of a warm load of a small study (the parser's first calls are slow). Only clean results are
 * cached (ok, no warnings, plain JSON data), so every problem still comes from the real parser.
 */
export async function parseThroughCache<T>(
  session: CacheSession | undefined,
  kind: string,
  bytes: Uint8Array,
  parse: () => Loaded<T>,
  looksRight: (value: unknown) => value is T,
): Promise<Loaded<T>> {
  if (!session) return parse();
  const key = `${kind}${CACHE_FORMAT}-${session.sha256(bytes)}`;
  session.used.add(key);
  try {
    const stored = await session.cache.read(key);
    const value = stored === undefined ? undefined : decodeEntry(key, stored, session.sha256);
    if (value !== undefined && looksRight(value)) return { ok: true, value, warnings: [] };
  } catch {
    // a miss
  }
  const parsed = parse();
  if (parsed.ok && parsed.warnings.length === 0 && isPlainJson(parsed.value))
    await writeQuietly(session, key, encodeEntry(key, parsed.value, session.sha256));
  return parsed;
}

async function writeQuietly(session: CacheSession, key: string, bytes: Uint8Array): Promise<void> {
  try {
    await session.cache.write(key, bytes);
  } catch {
    // A read-only or full cache folder: the next load recomputes.
  }
}

/** Whether JSON gives the value back deep-equal: no undefined members, no non-finite numbers, no class instances. */
export function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value as Record<string, unknown>).every((member) => member !== undefined && isPlainJson(member));
}
