import type { Codebook, Memo, StudySettings } from '../model';
import type { FileSystemPort } from '../ports/file-system';
import { problem, type Problem } from '../problems';
import { basenameUri, joinUri, stemOf } from '../uri';
import { decodeCanonical, OffsetMap, TextDecodingError } from '../text/canonical';
import { hashBytes } from '../text/hash';
import { parseSettings, DEFAULT_SETTINGS, SETTINGS_FILE } from '../settings/format';
import { parseCodebook } from '../codebook/format';
import { parseSidecar, parseSidecarFileName, validateSidecarAgainstText, SIDECAR_SUFFIX } from '../sidecar/format';
import { parseMemo } from '../memos/format';
import { reanchorSidecar, isCodingConsistent } from '../anchoring/reanchor-sidecar';
import { parseCanonicalSidecar } from '../sidecar/canonical-parse';
import type { LoadStudyOptions } from './cache';
import { sidecarCacheKey, type DerivedSidecar } from './cache-entry';
import { parseThroughCache, readDerivedSidecar, writeDerivedSidecar, type CacheSession } from './cache-session';
import { participantOf } from './participants';
import { globMatcher, listFiles } from './walk';
import type { LoadedSidecar, Study, StudyTranscript } from './study';

/**
 * Loads a study folder: settings, codebook, transcripts (canonical text), their sidecars (validated and
 * re-anchored in memory when the transcript changed) and memos. Never throws for a bad file: every
 * problem is collected with file, line and column, and the rest of the study still loads.
 *
 * `options` make it fast (ENGINEERING §11) without changing what it returns: a content-addressed cache of
 * derived sidecars and a native SHA-256. A study loaded with or without them is deep-equal.
 */
export async function loadStudy(fs: FileSystemPort, root: string, options: LoadStudyOptions = {}): Promise<Study> {
  const problems: Problem[] = [];
  const sha256 = options.sha256 ?? defaultSha256;
  const caching: CacheSession | undefined = options.cache ? { cache: options.cache, sha256, used: new Set() } : undefined;
  const settingsUri = joinUri(root, SETTINGS_FILE);
  const settingsFile = await readFileText(fs, settingsUri, problems);
  let settings: StudySettings = DEFAULT_SETTINGS;
  if (settingsFile !== undefined) {
    const parsed = await parseThroughCache(caching, 'settings', settingsFile.bytes, () => parseSettings(settingsUri, settingsFile.text), looksLikeSettings);
    if (parsed.ok) settings = parsed.value;
    else problems.push(...parsed.problems);
  }

  const codebookUri = joinUri(root, settings.codebook);
  const codebookFile = await readFileText(fs, codebookUri, problems);
  let codebook: Codebook = { codes: [] };
  let codebookLoaded = true;
  if (codebookFile !== undefined) {
    const parsed = await parseThroughCache(caching, 'codebook', codebookFile.bytes, () => parseCodebook(codebookUri, codebookFile.text), looksLikeCodebook);
    if (parsed.ok) {
      codebook = parsed.value;
      problems.push(...parsed.warnings);
    } else {
      codebookLoaded = false;
      problems.push(...parsed.problems);
    }
  }

  const files = await listFiles(fs, root);
  const isTranscript = globMatcher(settings.transcripts, settings.exclude);
  const transcriptPaths = files.filter((path) => isTranscript(path) && !path.endsWith(SIDECAR_SUFFIX) && path !== settings.codebook);
  const { claimed, strays } = claimSidecars(transcriptPaths, files);
  const knownCodes = new Set(codebook.codes.map((code) => code.id));

  // Transcripts load a few at a time (file reads overlap; each transcript's own steps stay in order) and
  // their results are taken in path order, so the study is the same as one loaded strictly in sequence.
  const loaded = await mapInOrder(transcriptPaths, CONCURRENT_TRANSCRIPTS, async (path) => {
    const own: Problem[] = [];
    const transcript = await loadTranscript(fs, root, path, claimed.get(path) ?? [], settings, knownCodes, codebookLoaded, sha256, caching, own);
    return { transcript, problems: own };
  });
  const transcripts: StudyTranscript[] = [];
  for (const result of loaded) {
    problems.push(...result.problems);
    if (result.transcript) transcripts.push(result.transcript);
  }
  for (const stray of strays) {
    problems.push(problem(joinUri(root, stray), 0, 0, 'no-transcript', `${stray} belongs to no transcript of the study`, 'rename it to match its transcript, or add the transcript to grounded.yaml "transcripts"', 'warning'));
  }

  const memos = await loadMemos(fs, root, settings, files, problems);
  if (caching?.cache.retain) {
    try {
      await caching.cache.retain(caching.used);
    } catch {
      // Pruning is housekeeping: a cache that cannot prune only grows.
    }
  }
  problems.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.line - b.line || a.column - b.column));
  return {
    root,
    settings,
    ...(settingsFile !== undefined ? { settingsUri } : {}),
    codebookUri,
    codebook,
    codebookLoaded,
    transcripts,
    memos,
    problems,
  };
}

/** Enough to overlap file reads; few enough that a 500-transcript study never holds many texts twice. */
const CONCURRENT_TRANSCRIPTS = 8;

/**
 * Which sidecars belong to which transcript: same folder, same stem; the first transcript (in path order)
 * with that stem claims them, even if its text then fails to decode (its sidecars are not strays).
 */
function claimSidecars(transcriptPaths: readonly string[], files: readonly string[]): { claimed: Map<string, string[]>; strays: string[] } {
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
  fs: FileSystemPort,
  root: string,
  path: string,
  sidecarPaths: readonly string[],
  settings: StudySettings,
  knownCodes: ReadonlySet<string>,
  codebookLoaded: boolean,
  sha256: (bytes: Uint8Array) => string,
  caching: CacheSession | undefined,
  problems: Problem[],
): Promise<StudyTranscript | undefined> {
  const uri = joinUri(root, path);
  // Its sidecars stay claimed (not "no transcript") when the text does not decode; they cannot be checked then.
  const file = await readFileText(fs, uri, problems);
  if (file === undefined) return undefined;
  const { text } = file;
  const textHash = canonicalTextHash(file, sha256);
  const participant = participantOf(path, settings.participants);
  if (participant === undefined) {
    problems.push(problem(uri, 0, 0, 'no-participant', `no participant for ${path}: participants.pattern "${settings.participants.pattern}" does not match its name`, `add "${path}: <participant id>" under participants.overrides in grounded.yaml`, 'warning'));
  }
  const sidecars: LoadedSidecar[] = [];
  // One offset map per text, made only if some sidecar is not in the cache.
  let map: OffsetMap | undefined;
  const offsets = () => (map ??= new OffsetMap(text));
  for (const sidecarPath of sidecarPaths) {
    const coder = parseSidecarFileName(basename(sidecarPath))?.coder as string;
    const loaded = await loadSidecar(fs, joinUri(root, sidecarPath), coder, basename(path), offsets, textHash, knownCodes, codebookLoaded, problems, caching);
    if (loaded) sidecars.push(loaded);
  }
  return { uri, path, text, textHash, sidecars, ...(participant !== undefined ? { participant } : {}) };
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

function looksLikeSettings(value: unknown): value is StudySettings {
  const settings = value as Partial<StudySettings> | null;
  return typeof settings === 'object' && settings !== null && Array.isArray(settings.transcripts) && Array.isArray(settings.exclude) && typeof settings.codebook === 'string' && typeof settings.memos === 'string' && typeof settings.survey === 'object' && typeof settings.participants === 'object';
}

function looksLikeCodebook(value: unknown): value is Codebook {
  const codebook = value as Partial<Codebook> | null;
  return typeof codebook === 'object' && codebook !== null && Array.isArray(codebook.codes) && codebook.codes.every((code) => typeof code === 'object' && code !== null && typeof code.id === 'string');
}

async function loadSidecar(
  fs: FileSystemPort,
  uri: string,
  coder: string,
  transcriptName: string,
  offsets: () => OffsetMap,
  textHash: string,
  knownCodes: ReadonlySet<string>,
  codebookLoaded: boolean,
  problems: Problem[],
  caching: CacheSession | undefined,
): Promise<LoadedSidecar | undefined> {
  const bytes = await readBytes(fs, uri, problems);
  if (bytes === undefined) return undefined;
  let key: string | undefined;
  if (caching) {
    key = sidecarCacheKey(caching.sha256(bytes), textHash);
    const cached = await readDerivedSidecar(caching, key);
    if (cached) return reportDerived(uri, coder, transcriptName, cached, knownCodes, codebookLoaded, problems);
  }
  const content = decodeText(uri, bytes, problems);
  if (content === undefined) return undefined;
  const derived = deriveSidecar(uri, content, offsets(), textHash, problems);
  if (derived === undefined) return undefined;
  if (caching && key !== undefined) await writeDerivedSidecar(caching, key, derived);
  return reportDerived(uri, coder, transcriptName, derived, knownCodes, codebookLoaded, problems);
}

/**
 * The expensive, cacheable part of loading a sidecar: parse (the fast path for our own layout, else the
 * real parser), check against the text, re-anchor. Depends only on the sidecar text and the transcript
 * text; a file that fails here is never cached, so its problems always come fresh from the parser.
 */
function deriveSidecar(uri: string, content: string, map: OffsetMap, textHash: string, problems: Problem[]): DerivedSidecar | undefined {
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
  // Same hash but a quote that is not the text at its offsets: a hand edit or a bad merge. Trust the quote
  // (it is what the coder saw) and re-anchor, reporting each such coding.
  const mismatched = sidecar.textHash === textHash ? sidecar.codings.filter((coding) => coding.status === undefined && !isCodingConsistent(coding, map)) : [];
  const reanchored = reanchorSidecar(mismatched.length > 0 ? { ...sidecar, textHash: '' } : sidecar, map.text, textHash);
  return {
    sidecar: reanchored.sidecar,
    lineOf,
    reanchored: reanchored.changes.length > 0 || reanchored.sidecar !== sidecar,
    mismatched: mismatched.map(({ id, start, end }) => ({ id, start, end })),
  };
}

/** The problems that depend on where the sidecar sits and on the codebook: recomputed on every load. */
function reportDerived(
  uri: string,
  coder: string,
  transcriptName: string,
  derived: DerivedSidecar,
  knownCodes: ReadonlySet<string>,
  codebookLoaded: boolean,
  problems: Problem[],
): LoadedSidecar {
  const { sidecar, lineOf } = derived;
  if (sidecar.coder !== coder) {
    problems.push(problem(uri, 0, 0, 'coder-mismatch', `the file name says coder "${coder}" but the file says "${sidecar.coder}"`, 'rename the file or fix the coder line', 'warning'));
  }
  if (sidecar.transcript !== transcriptName) {
    problems.push(problem(uri, 0, 0, 'transcript-mismatch', `the file says transcript "${sidecar.transcript}" but sits next to "${transcriptName}"`, 'fix the transcript line', 'warning'));
  }
  for (const coding of derived.mismatched) {
    problems.push(problem(uri, lineOf.get(coding.id) ?? 0, 5, 'quote-mismatch', `coding ${coding.id}: the quote is not the transcript text at ${coding.start}–${coding.end}; re-anchored by its quote`, 'run grounded check to write the corrected offsets', 'warning'));
  }
  for (const coding of sidecar.codings) {
    const line = lineOf.get(coding.id) ?? 0;
    if (codebookLoaded && !knownCodes.has(coding.code)) {
      problems.push(problem(uri, line, 5, 'unknown-code', `coding ${coding.id} uses code "${coding.code}", which is not in the codebook`, `add "${coding.code}" to the codebook (grounded codebook add ${coding.code}) or change the coding's code`));
    }
    if (coding.status === 'needs-review') {
      problems.push(problem(uri, line, 5, 'needs-review', `coding ${coding.id} (${coding.code}) was re-anchored with low confidence at ${coding.start}–${coding.end}: "${shorten(coding.quote)}"`, 'check the passage, adjust the coding, and remove its "status" line', 'warning'));
    } else if (coding.status === 'orphan') {
      problems.push(problem(uri, line, 5, 'orphan', `coding ${coding.id} (${coding.code}) lost its passage: "${shorten(coding.quote)}" is no longer in the transcript`, 're-code the passage where it now is, or delete the coding', 'warning'));
    }
  }
  return { uri, coder, sidecar, reanchored: derived.reanchored, lineOf };
}

async function loadMemos(fs: FileSystemPort, root: string, settings: StudySettings, files: readonly string[], problems: Problem[]): Promise<Memo[]> {
  const prefix = settings.memos.replace(/\/+$/, '') + '/';
  const memos: Memo[] = [];
  for (const path of files) {
    if (!path.startsWith(prefix) || !path.endsWith('.md')) continue;
    const uri = joinUri(root, path);
    const text = await readText(fs, uri, problems);
    if (text === undefined) continue;
    const parsed = parseMemo(uri, text, stemOf(basename(path)));
    if (parsed.ok) memos.push(parsed.value);
    else problems.push(...parsed.problems);
  }
  return memos;
}

/** Reads a text file as canonical text; a missing file is undefined, an undecodable one a problem. */
async function readText(fs: FileSystemPort, uri: string, problems: Problem[]): Promise<string | undefined> {
  return (await readFileText(fs, uri, problems))?.text;
}

/** A text file's bytes as read and its canonical text. */
async function readFileText(fs: FileSystemPort, uri: string, problems: Problem[]): Promise<{ bytes: Uint8Array; text: string } | undefined> {
  const bytes = await readBytes(fs, uri, problems);
  if (bytes === undefined) return undefined;
  const text = decodeText(uri, bytes, problems);
  return text === undefined ? undefined : { bytes, text };
}

async function readBytes(fs: FileSystemPort, uri: string, problems: Problem[]): Promise<Uint8Array | undefined> {
  const stat = await fs.stat(uri);
  if (!stat || stat.type !== 'file') return undefined;
  try {
    return await fs.readFile(uri);
  } catch (error) {
    problems.push(problem(uri, 0, 0, 'read', `cannot read ${basenameUri(uri)}: ${(error as Error).message}`));
    return undefined;
  }
}

function decodeText(uri: string, bytes: Uint8Array, problems: Problem[]): string | undefined {
  try {
    return decodeCanonical(bytes);
  } catch (error) {
    if (error instanceof TextDecodingError) {
      problems.push(problem(uri, 0, 0, 'encoding', `${basenameUri(uri)}: invalid UTF-8 at byte ${error.byteOffset}`, error.message));
      return undefined;
    }
    problems.push(problem(uri, 0, 0, 'read', `cannot read ${basenameUri(uri)}: ${(error as Error).message}`));
    return undefined;
  }
}

function defaultSha256(bytes: Uint8Array): string {
  return hashBytes(bytes).slice('sha256:'.length);
}

/**
 * hashText(text) without re-encoding the text: when the file has no BOM and no CR, its bytes are exactly
 * the UTF-8 of its canonical text (decoding was strict), so they are hashed as read.
 */
function canonicalTextHash(file: { bytes: Uint8Array; text: string }, sha256: (bytes: Uint8Array) => string): string {
  const { bytes } = file;
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const canonicalBytes = hasBom || bytes.indexOf(0x0d) >= 0 ? new TextEncoder().encode(file.text) : bytes;
  return 'sha256:' + sha256(canonicalBytes);
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
