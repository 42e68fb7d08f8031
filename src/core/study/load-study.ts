import type { Codebook, Memo, StudySettings } from '../model';
import type { FileSystemPort } from '../ports/file-system';
import { compareProblems, problem, type Problem } from '../problems';
import { joinUri, stemOf } from '../uri';
import { OffsetMap, strictUtf8, type Utf8Decoder } from '../text/canonical';
import { decodeText, readBytes, readFileText } from './read-files';
import { hashBytes } from '../text/hash';
import { parseSettings, settingPosition, DEFAULT_SETTINGS, SETTINGS_FILE } from '../settings/format';
import { configuredLocations, escapedLocations, type EscapedLocation } from './confine';
import { parseCodebook } from '../codebook/format';
import { unknownRelationTypeProblems } from '../codebook/relations';
import {
  coderMismatch,
  parseSidecar,
  parseSidecarFileName,
  validateSidecarAgainstText,
  SIDECAR_SUFFIX,
} from '../sidecar/format';
import { parseMemo } from '../memos/format';
import { conflictMarkerProblems } from '../yaml/conflict-markers';
import { reanchorSidecar } from '../anchoring/reanchor-sidecar';
import { parseCanonicalSidecar } from '../sidecar/canonical-parse';
import type { LoadStudyOptions } from './cache/study-cache';
import { sidecarCacheKey, type DerivedSidecar } from './cache/cache-entry';
import {
  finishStatSession,
  parseThroughCache,
  readDerivedSidecar,
  startStatSession,
  textOffsetMap,
  writeDerivedSidecar,
  type CacheSession,
} from './cache/cache-session';
import { trustedSha256 } from './cache/stat-index';
import { missingCodebookProblem } from './missing-codebook';
import { participantOf } from './participants';
import { sharedCodingIdProblems } from './shared-coding-ids';
import { WrittenMemo } from '../persistence/parse-memo';
import { globMatcher, walkStudy } from './walk';
import { linkProblems } from './study-links';
import type { LoadedSidecar, Study, StudyTranscript } from './study';
import { loadedAsWritten } from './written-sidecars';

/**
 * Loads a study folder: settings, codebook, transcripts (canonical text), their sidecars (validated and
 * re-anchored in memory when the transcript changed) and memos. Never throws for a bad file: every
 * problem is collected with file, line and column, and the rest of the study still loads.
 *
 * `options` make it fast (docs/ARCHITECTURE.md#loading-fast) without changing what it returns: a content-addressed
 * cache of derived sidecars and a native SHA-256. A study loaded with or without them is deep-equal.
 */
export async function loadStudy(fs: FileSystemPort, root: string, options: LoadStudyOptions = {}): Promise<Study> {
  const problems: Problem[] = [];
  const sha256 = options.sha256 ?? defaultSha256;
  const io: LoadIo = { fs, sha256, utf8: options.utf8 ?? strictUtf8 };
  const used = new Set<string>();
  const caching: CacheSession | undefined = options.cache
    ? {
        cache: options.cache,
        sha256,
        used,
        ...(options.fileStats
          ? { stats: await startStatSession(options.cache, sha256, used, options.fileStats === 'trust') }
          : {}),
      }
    : undefined;
  const settingsUri = joinUri(root, SETTINGS_FILE);
  // A grounded.yaml linked to a file elsewhere is not read: its lines would end up in messages.
  const [settingsOutside] = await escapedLocations(fs, root, [{ setting: [], path: SETTINGS_FILE, uri: settingsUri }]);
  if (settingsOutside) problems.push(escapeProblem(settingsOutside, settingsUri, undefined));
  const settingsFile = settingsOutside ? undefined : await readFileText(fs, settingsUri, problems, false, io.utf8);
  let settings: StudySettings = DEFAULT_SETTINGS;
  if (settingsFile !== undefined) {
    const parsed = await parseThroughCache(
      caching,
      'settings',
      settingsFile.bytes,
      () => parseSettings(settingsUri, settingsFile.text),
      looksLikeSettings,
    );
    if (parsed.ok) settings = parsed.value;
    else problems.push(...parsed.problems);
  }

  const escaped = await escapedLocations(fs, root, configuredLocations(root, settings));
  for (const location of escaped) problems.push(escapeProblem(location, settingsUri, settingsFile?.text));
  const outside = [...(settingsOutside ? [settingsUri] : []), ...escaped.map((location) => location.uri)];

  const codebookUri = joinUri(root, settings.codebook);
  const problemsBeforeCodebook = problems.length;
  const codebookOutside = outside.includes(codebookUri);
  const codebookFile = codebookOutside ? undefined : await readFileText(fs, codebookUri, problems, false, io.utf8);
  let codebook: Codebook = { codes: [] };
  // A codebook that leads outside the study is neither read nor written, and one that cannot be read or decoded
  // is as broken as one that does not parse: edits refuse either.
  let codebookLoaded = !codebookOutside && problems.length === problemsBeforeCodebook;
  const codebookMissing = codebookFile === undefined && codebookLoaded;
  if (codebookFile !== undefined) {
    const parsed = await parseThroughCache(
      caching,
      'codebook',
      codebookFile.bytes,
      () => parseCodebook(codebookUri, codebookFile.text),
      looksLikeCodebook,
    );
    if (parsed.ok) {
      codebook = parsed.value;
      problems.push(...parsed.warnings);
      // Not part of the cached parse: the types come from grounded.yaml, which may change while the codebook does not.
      problems.push(...unknownRelationTypeProblems(codebookUri, codebookFile.text, codebook, settings.relationTypes));
    } else {
      codebookLoaded = false;
      problems.push(...parsed.problems);
    }
  }

  const { files, links } = await walkStudy(fs, root);
  const isTranscript = globMatcher(settings.transcripts, settings.exclude);
  problems.push(...linkProblems(root, links, settings, isTranscript));
  const transcriptPaths = files.filter(
    (path) => isTranscript(path) && !path.endsWith(SIDECAR_SUFFIX) && path !== settings.codebook,
  );
  const { claimed, strays } = claimSidecars(transcriptPaths, files);
  // Without a codebook to check against, every coding's code would look unknown: hundreds of errors that
  // say less than one line about the codebook (from the caller when it is broken, below when it is missing).
  const knownCodes: KnownCodes =
    codebookLoaded && !codebookMissing ? new Set(codebook.codes.map((code) => code.id)) : undefined;

  // Transcripts load a few at a time (file reads overlap; each transcript's own steps stay in order) and
  // their results are taken in path order, so the study is the same as one loaded strictly in sequence.
  const loaded = await mapInOrder(transcriptPaths, CONCURRENT_TRANSCRIPTS, async (path) => {
    const own: Problem[] = [];
    const transcript = await loadTranscript(
      io,
      root,
      path,
      claimed.get(path) ?? [],
      settings,
      knownCodes,
      caching,
      own,
    );
    return { transcript, problems: own };
  });
  const transcripts: StudyTranscript[] = [];
  for (const result of loaded) {
    problems.push(...result.problems);
    if (result.transcript) transcripts.push(result.transcript);
  }
  problems.push(...(await sharedCodingIdProblems(root, transcripts, options.pause)));
  for (const stray of strays) {
    problems.push(
      problem(
        joinUri(root, stray),
        0,
        0,
        'no-transcript',
        `${stray} belongs to no transcript of the study`,
        'rename it to match its transcript, or add the transcript to grounded.yaml "transcripts"',
        'warning',
      ),
    );
  }

  if (codebookMissing) {
    const missing = missingCodebookProblem(codebookUri, settings.codebook, transcripts);
    if (missing) problems.push(missing);
  }
  const memos = outside.includes(joinUri(root, settings.memos))
    ? []
    : await loadMemos(io, root, settings, files, problems);
  if (caching) await finishStatSession(caching);
  if (caching?.cache.retain) {
    try {
      await caching.cache.retain(caching.used);
    } catch {
      // Pruning is housekeeping: a cache that cannot prune only grows.
    }
  }
  problems.sort(compareProblems);
  return {
    root,
    settings,
    ...(settingsFile !== undefined || settingsOutside ? { settingsUri } : {}),
    codebookUri,
    codebook,
    codebookLoaded,
    transcripts,
    memos,
    problems,
    ...(outside.length > 0 ? { outside } : {}),
  };
}

/** The codebook's code ids, or undefined when there is no codebook to check the codings' codes against. */
type KnownCodes = ReadonlySet<string> | undefined;

/** At the grounded.yaml key that names the location, or at the location itself when it is a default. */
function escapeProblem(location: EscapedLocation, settingsUri: string, settingsText: string | undefined): Problem {
  const where = settingsText === undefined ? undefined : settingPosition(settingsUri, settingsText, location.setting);
  const leads = location.leadsTo === undefined ? 'somewhere that cannot be resolved' : `to ${location.leadsTo}`;
  const key = location.setting[0];
  const what = key === undefined ? location.path : `${key === 'survey' ? 'survey file' : key} "${location.path}"`;
  return problem(
    where ? settingsUri : location.uri,
    where?.line ?? 0,
    where?.column ?? 0,
    'link-outside-study',
    `${what} leads outside the study folder (${leads}, through a symbolic link); Grounded neither reads nor writes it`,
    'replace the link by the file itself, or move the file into the study folder and point grounded.yaml at it',
  );
}

/** What loading reads files with, and how it hashes and decodes them. */
interface LoadIo {
  readonly fs: FileSystemPort;
  readonly sha256: (bytes: Uint8Array) => string;
  readonly utf8: Utf8Decoder;
}

/** Enough to overlap file reads; few enough that a 500-transcript study never holds many texts twice. */
const CONCURRENT_TRANSCRIPTS = 8;

/**
 * Which sidecars belong to which transcript: same folder, same stem; the first transcript (in path order)
 * with that stem claims them, even if its text then fails to decode (its sidecars are not strays).
 */
function claimSidecars(
  transcriptPaths: readonly string[],
  files: readonly string[],
): { claimed: Map<string, string[]>; strays: string[] } {
  // Grouped by folder and stem first: matching every transcript against every sidecar is quadratic
  // (500 transcripts × 1000 sidecars was a tenth of a warm load).
  const unclaimed = new Map<string, string[]>();
  for (const path of files) {
    const name = parseSidecarFileName(basename(path));
    if (!name) continue;
    const group = `${dirname(path)}/${name.stem}`;
    const members = unclaimed.get(group);
    if (members) members.push(path);
    else unclaimed.set(group, [path]);
  }
  const claimed = new Map<string, string[]>();
  for (const path of transcriptPaths) {
    const group = `${dirname(path)}/${stemOf(basename(path))}`;
    claimed.set(path, unclaimed.get(group) ?? []);
    unclaimed.delete(group);
  }
  return { claimed, strays: [...unclaimed.values()].flat().sort() };
}

async function loadTranscript(
  io: LoadIo,
  root: string,
  path: string,
  sidecarPaths: readonly string[],
  settings: StudySettings,
  knownCodes: KnownCodes,
  caching: CacheSession | undefined,
  problems: Problem[],
): Promise<StudyTranscript | undefined> {
  const uri = joinUri(root, path);
  // Its sidecars stay claimed (not "no transcript") when the text does not decode; they cannot be checked then.
  const bytes = await readBytes(io.fs, uri, problems, true);
  if (bytes === undefined) return undefined;
  const known = recentTexts.get(uri, '', bytes);
  const usable = known ?? checkedText(io, uri, bytes, problems);
  if (usable === undefined) return undefined;
  if (known === undefined) recentTexts.set(uri, '', bytes, usable);
  const { text, textHash } = usable;
  const participant = participantOf(path, settings.participants);
  if (participant === undefined) {
    problems.push(
      problem(
        uri,
        0,
        0,
        'no-participant',
        `no participant for ${path}: participants.pattern "${settings.participants.pattern}" does not match its name`,
        `add "${path}: <participant id>" under participants.overrides in grounded.yaml`,
        'warning',
      ),
    );
  }
  const sidecars: LoadedSidecar[] = [];
  // One offset map per text, shared by its sidecars (cached ones slice their quotes from the text too).
  const map = sidecarPaths.length > 0 ? await textOffsetMap(caching, text, textHash) : undefined;
  for (const sidecarPath of sidecarPaths) {
    const coder = parseSidecarFileName(basename(sidecarPath))?.coder as string;
    const loaded = await loadSidecar(
      io,
      joinUri(root, sidecarPath),
      coder,
      basename(path),
      map as OffsetMap,
      textHash,
      knownCodes,
      problems,
      caching,
    );
    if (loaded) sidecars.push(loaded);
  }
  return {
    uri,
    path,
    text,
    textHash,
    sidecars,
    ...(participant !== undefined ? { participant } : {}),
    ...(map !== undefined ? { codePointLength: map.codePointLength } : {}),
  };
}

/**
 * The texts of the last transcripts loaded, by their exact bytes: after a coding action only the sidecar
 * changed, and reloading its transcript takes the text, its hash and its conflict-marker scan from here
 * instead of decoding, scanning and hashing hundreds of KB again.
 */
const recentTexts = new WrittenMemo<{ readonly text: string; readonly textHash: string }>(8);

/** A transcript's text and hash, or undefined with the problem when it does not decode or has conflict markers. */
function checkedText(
  io: LoadIo,
  uri: string,
  bytes: Uint8Array,
  problems: Problem[],
): { text: string; textHash: string } | undefined {
  const decoded = decodeText(uri, bytes, problems, io.utf8);
  if (decoded === undefined) return undefined;
  const { text } = decoded;
  const markers = conflictMarkerProblems(
    uri,
    text,
    'resolve the merge conflict in the transcript; its codings are checked and re-anchored once it is resolved',
  );
  if (markers.length > 0) {
    // Its sidecars stay claimed, and are neither re-anchored to nor written against the conflicted text.
    problems.push(...markers);
    return undefined;
  }
  // hashText(text) without encoding the text again when the file's bytes are already its UTF-8.
  return { text, textHash: 'sha256:' + io.sha256(decoded.bytesAreCanonical ? bytes : new TextEncoder().encode(text)) };
}

/** fn over items with at most `limit` running at once; results in the order of items. */
async function mapInOrder<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Whether a cached value has every member parseSettings gives today: an entry an earlier build wrote under the
 * same cache format may lack newer ones (relationTypes, analysis), and is then a miss rather than settings
 * without them.
 */
function looksLikeSettings(value: unknown): value is StudySettings {
  const settings = value as Partial<StudySettings> | null;
  const isObject = (member: unknown) => typeof member === 'object' && member !== null;
  return (
    isObject(settings) &&
    settings !== null &&
    Array.isArray(settings.transcripts) &&
    Array.isArray(settings.exclude) &&
    typeof settings.codebook === 'string' &&
    typeof settings.memos === 'string' &&
    isObject(settings.survey) &&
    isObject(settings.participants) &&
    isObject(settings.analysis) &&
    Array.isArray(settings.relationTypes)
  );
}

function looksLikeCodebook(value: unknown): value is Codebook {
  const codebook = value as Partial<Codebook> | null;
  return (
    typeof codebook === 'object' &&
    codebook !== null &&
    Array.isArray(codebook.codes) &&
    codebook.codes.every((code) => typeof code === 'object' && code !== null && typeof code.id === 'string')
  );
}

async function loadSidecar(
  io: LoadIo,
  uri: string,
  coder: string,
  transcriptName: string,
  map: OffsetMap,
  textHash: string,
  knownCodes: KnownCodes,
  problems: Problem[],
  caching: CacheSession | undefined,
): Promise<LoadedSidecar | undefined> {
  const report = async (derived: DerivedSidecar, read: Uint8Array | string | undefined) => {
    if (derived.sidecar.coder.normalize('NFC') !== coder.normalize('NFC')) {
      // Never credited to the wrong coder: the file does not load (and so is never written) until fixed.
      const content = typeof read === 'string' ? read : await readSidecarText(io, uri, read);
      const mismatch = content === undefined ? undefined : coderMismatch(uri, derived.sidecar.coder, content);
      if (mismatch) problems.push(mismatch);
      return undefined;
    }
    return reportDerived(uri, coder, transcriptName, derived, knownCodes, problems);
  };
  // With a stat index: the stat comes first (what is recorded must predate the bytes hashed), and an
  // unchanged, settled file's hash comes from the index, so a cache hit never reads the file.
  const stat = caching?.stats ? await io.fs.stat(uri).catch(() => undefined) : undefined;
  if (caching?.stats && stat?.type === 'file') {
    const known = trustedSha256(caching.stats.previous, uri, stat);
    const cached =
      known === undefined ? undefined : await readDerivedSidecar(caching, sidecarCacheKey(known, textHash), map);
    if (cached) {
      caching.stats.next.add(uri, stat, known as string);
      return report(cached, undefined);
    }
  }
  const bytes = await readBytes(io.fs, uri, problems, true);
  if (bytes === undefined) return undefined;
  let key: string | undefined;
  if (caching) {
    const sha256 = caching.sha256(bytes);
    caching.stats?.next.add(uri, stat, sha256);
    key = sidecarCacheKey(sha256, textHash);
    const cached = await readDerivedSidecar(caching, key, map);
    if (cached) return report(cached, bytes);
  }
  // The file this process just wrote (a coding action, then the reload that shows it): known without decoding it.
  const asWritten = loadedAsWritten(uri, bytes, textHash, map.codePointLength);
  if (asWritten) return report(asWritten, bytes);
  const content = decodeText(uri, bytes, problems, io.utf8)?.text;
  if (content === undefined) return undefined;
  const derived = deriveSidecar(uri, content, map, textHash, problems);
  if (derived === undefined) return undefined;
  if (caching && key !== undefined) await writeDerivedSidecar(caching, key, derived, map);
  return report(derived, content);
}

/** A sidecar's text for a message's line number, when the cache spared decoding (or reading) it. */
async function readSidecarText(io: LoadIo, uri: string, read: Uint8Array | undefined): Promise<string | undefined> {
  const bytes = read ?? (await readBytes(io.fs, uri, [], true));
  return bytes === undefined ? undefined : decodeText(uri, bytes, [], io.utf8)?.text;
}

/**
 * The expensive, cacheable part of loading a sidecar: parse (the fast path for our own layout, else the
 * real parser), check against the text, re-anchor. Depends only on the sidecar text and the transcript
 * text; a file that fails here is never cached, so its problems always come fresh from the parser.
 */
function deriveSidecar(
  uri: string,
  content: string,
  map: OffsetMap,
  textHash: string,
  problems: Problem[],
): DerivedSidecar | undefined {
  const fast = parseCanonicalSidecar(content);
  const parsed = fast ? ({ ok: true, value: fast } as const) : parseSidecar(uri, content);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const { sidecar, lineOf } = parsed.value;
  const against = validateSidecarAgainstText(uri, parsed.value, map.codePointLength, textHash);
  if (against.length > 0) {
    problems.push(...against);
    return undefined;
  }
  const reanchored = reanchorSidecar(sidecar, map, textHash);
  // Same hash but a quote that is not the text at its offsets: a hand edit or a git merge. The quote is
  // trusted (it is what the coder saw): re-anchoring placed it again (with the hash unchanged, such codings
  // are the only ones it changes), and each is reported.
  const mismatched = sidecar.textHash === textHash ? reanchored.changes.map(({ id, from }) => ({ id, ...from })) : [];
  return {
    sidecar: reanchored.sidecar,
    lineOf,
    reanchored: reanchored.changes.length > 0 || reanchored.sidecar !== sidecar,
    mismatched,
  };
}

/** The problems that depend on where the sidecar sits and on the codebook: recomputed on every load. */
function reportDerived(
  uri: string,
  coder: string,
  transcriptName: string,
  derived: DerivedSidecar,
  knownCodes: KnownCodes,
  problems: Problem[],
): LoadedSidecar {
  const { sidecar, lineOf } = derived;
  if (sidecar.transcript !== transcriptName) {
    problems.push(
      problem(
        uri,
        0,
        0,
        'transcript-mismatch',
        `the file says transcript "${sidecar.transcript}" but sits next to "${transcriptName}"`,
        'fix the transcript line',
        'warning',
      ),
    );
  }
  for (const coding of derived.mismatched) {
    problems.push(
      problem(
        uri,
        lineOf.get(coding.id) ?? 0,
        5,
        'quote-mismatch',
        `coding ${coding.id}: the quote is not the transcript text at ${coding.start}–${coding.end}; re-anchored by its quote`,
        'run grounded check to write the corrected offsets',
        'warning',
      ),
    );
  }
  // 100,000 codings in a big study, nearly all without a problem: the line is looked up only for one.
  const lineOfCoding = (id: string) => lineOf.get(id) ?? 0;
  for (const coding of sidecar.codings) {
    if (knownCodes && !knownCodes.has(coding.code)) {
      problems.push(
        problem(
          uri,
          lineOfCoding(coding.id),
          5,
          'unknown-code',
          `coding ${coding.id} uses code "${coding.code}", which is not in the codebook`,
          `add "${coding.code}" to the codebook (grounded codebook add ${coding.code}) or change the coding's code`,
        ),
      );
    }
    if (coding.status === 'needs-review') {
      problems.push(
        problem(
          uri,
          lineOfCoding(coding.id),
          5,
          'needs-review',
          `coding ${coding.id} (${coding.code}) needs review at ${coding.start}–${coding.end}, re-anchored to other words or out of their context: was "${shorten(coding.quote)}"`,
          'check the passage and confirm it with Adjust Coding (or make quote the text at start–end and remove the "status" line)',
          'warning',
        ),
      );
    } else if (coding.status === 'orphan') {
      problems.push(
        problem(
          uri,
          lineOfCoding(coding.id),
          5,
          'orphan',
          `coding ${coding.id} (${coding.code}) lost its passage: "${shorten(coding.quote)}" is no longer in the transcript`,
          're-code the passage where it now is, or delete the coding',
          'warning',
        ),
      );
    }
  }
  return { uri, coder, sidecar, reanchored: derived.reanchored, lineOf };
}

async function loadMemos(
  io: LoadIo,
  root: string,
  settings: StudySettings,
  files: readonly string[],
  problems: Problem[],
): Promise<Memo[]> {
  const prefix = settings.memos.replace(/\/+$/, '') + '/';
  const memos: Memo[] = [];
  for (const path of files) {
    if (!path.startsWith(prefix) || !path.endsWith('.md')) continue;
    const uri = joinUri(root, path);
    const text = (await readFileText(io.fs, uri, problems, true, io.utf8))?.text;
    if (text === undefined) continue;
    const parsed = parseMemo(uri, text, stemOf(basename(path)));
    if (parsed.ok) memos.push(parsed.value);
    else problems.push(...parsed.problems);
  }
  return memos;
}

function defaultSha256(bytes: Uint8Array): string {
  return hashBytes(bytes).slice('sha256:'.length);
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? oneLine.slice(0, 57) + '…' : oneLine;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function dirname(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}
