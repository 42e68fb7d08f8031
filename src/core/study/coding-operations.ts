import type { Coding, Sidecar } from '../model';
import type { FileSystemPort } from '../ports/file-system';
import { OffsetMap } from '../text/canonical';
import { quoteSelector } from '../anchoring/selector';
import { isCodingConsistent, reanchorSidecar } from '../anchoring/reanchor-sidecar';
import {
  encodeSidecar,
  parseSidecarFast,
  serializeSidecar,
  sidecarFileName,
  validateSidecarAgainstText,
} from '../sidecar/format';
import type { FileCodec } from '../persistence/codec';
import { compareCodings } from '../sidecar/order';
import { readAhead, readValue, updateFile } from '../persistence/safe-file';
import { lockOrder, withFileLocks } from '../persistence/file-locks';
import { codebookCodec } from '../codebook/format';
import { ParseMemo } from '../persistence/parse-memo';
import { isAnchoredTo, markAnchoredTo, recallWritten, rememberWritten } from './written-sidecars';
import { basenameUri, dirnameUri, joinUri } from '../uri';
import { newId } from './ids';

/** A transcript as the coding operations need it: where it is and its canonical text. */
export interface TranscriptRef {
  readonly uri: string;
  readonly text: string;
  readonly textHash: string;
  /** The text's offset map, when the caller already has one (an editor's text): saves a pass over the text per operation. */
  readonly map?: OffsetMap;
}

export interface NewCoding {
  readonly code: string;
  readonly start: number;
  readonly end: number;
  readonly memo?: string;
  /** The language model whose suggestion this is (the coder accepted it); see Coding.assisted. */
  readonly assisted?: string;
  /** Supply to keep ids stable across undo/redo; a UUID is generated otherwise. */
  readonly id?: string;
}

export class CodingRangeError extends Error {}

export function sidecarUriFor(transcriptUri: string, coder: string): string {
  return joinUri(dirnameUri(transcriptUri), sidecarFileName(basenameUri(transcriptUri), coder));
}

/** Builds codings (quote, prefix, suffix from the text) after checking the offsets. */
export function makeCodings(transcript: TranscriptRef, coder: string, additions: readonly NewCoding[]): Coding[] {
  const map = transcript.map ?? new OffsetMap(transcript.text);
  return additions.map((addition) => {
    const { start, end } = addition;
    if (
      !Number.isSafeInteger(start) ||
      !Number.isSafeInteger(end) ||
      start < 0 ||
      end <= start ||
      end > map.codePointLength
    ) {
      throw new CodingRangeError(
        `offsets ${start}–${end} are not a non-empty range inside the transcript (0–${map.codePointLength} code points)`,
      );
    }
    return {
      id: addition.id ?? newId(),
      code: addition.code,
      start,
      end,
      ...quoteSelector(map, start, end),
      by: coder,
      ...(addition.memo ? { memo: addition.memo } : {}),
      ...(addition.assisted ? { assisted: addition.assisted } : {}),
    };
  });
}

/**
 * The sidecar codec, plus the check loadStudy makes: offsets past the end of the text the sidecar claims
 * to be anchored to (same hash) mean a broken file, which must not be rewritten
 * (docs/ARCHITECTURE.md#persistence, rule 2).
 */
export function sidecarCodecFor(transcript: TranscriptRef): FileCodec<Sidecar> {
  const length = (transcript.map ?? new OffsetMap(transcript.text)).codePointLength;
  // Validity against the text depends only on the text, which its hash stands for.
  const context = transcript.textHash;
  return {
    parse: (uri, text) => {
      const remembered = recentSidecars.get(uri, context, text);
      if (remembered) return { ok: true, value: remembered, warnings: [] };
      const parsed = parseSidecarFast(uri, text);
      if (!parsed.ok) return parsed;
      const problems = validateSidecarAgainstText(uri, parsed.value, length, transcript.textHash);
      if (problems.length > 0) return { ok: false, problems };
      if (parsed.warnings.length === 0) recentSidecars.set(uri, context, text, parsed.value.sidecar);
      return { ok: true, value: parsed.value.sidecar, warnings: parsed.warnings };
    },
    serialize: serializeSidecar,
    encode: encodeSidecar,
    written: (uri, bytes, sidecar) => rememberWritten(uri, context, bytes, sidecar),
    recall: (uri, bytes) => recallWritten(uri, context, bytes),
  };
}

/** Sidecars this process just read or wrote: the next action on the same file skips the parse (and, since the
 * codings are the same objects, most of the serializing). A few files: one person codes one transcript at a time.
 * Shared by every caller on purpose: an entry is a pure function of its key (URI, text hash, exact text), so a
 * caller can only ever get the value its own parse would give. */
const recentSidecars = new ParseMemo<Sidecar>(8);

/** An existing sidecar brought up to date with the transcript, or a new empty one. */
function current(sidecar: Sidecar | undefined, transcript: TranscriptRef, coder: string): Sidecar {
  if (!sidecar) return { transcript: basenameUri(transcript.uri), coder, textHash: transcript.textHash, codings: [] };
  if (isAnchoredTo(sidecar, transcript.textHash)) return sidecar;
  const { sidecar: anchored } = reanchorSidecar(sidecar, transcript.map ?? transcript.text, transcript.textHash);
  if (anchored === sidecar) markAnchoredTo(sidecar, transcript.textHash);
  return anchored;
}

/**
 * `next` is `base` (known anchored) with codings added, changed or removed: it is anchored too when every
 * coding it does not share with `base` is.
 */
function rememberAnchored(base: Sidecar, next: Sidecar, transcript: TranscriptRef): void {
  if (!isAnchoredTo(base, transcript.textHash) || next.textHash !== transcript.textHash) return;
  const kept = new Set(base.codings);
  const map = transcript.map ?? new OffsetMap(transcript.text);
  const fresh = next.codings.filter((coding) => !kept.has(coding));
  if (fresh.every((coding) => coding.status !== undefined || isCodingConsistent(coding, map)))
    markAnchoredTo(next, transcript.textHash);
}

/**
 * The study's codebook, for changes that put codings on codes: the codebook is locked (before the sidecar, the
 * one lock order) and the codes the change introduces are checked against it as it is now, so a coding never
 * lands on a code that another process or window merged away or deleted after this one loaded the study.
 */
export interface CodebookGuard {
  readonly codebookUri: string;
}

/** A change names a code that is not (or no longer) in the codebook; nothing was written. */
export class UnknownCodeError extends Error {
  constructor(readonly codes: readonly string[]) {
    super(
      `${codes.map((code) => `"${code}"`).join(', ')} ${codes.length === 1 ? 'is' : 'are'} not in the codebook ` +
        '(merged, renamed or deleted meanwhile?); nothing was written. Reload the study and code again.',
    );
    this.name = 'UnknownCodeError';
  }
}

/**
 * Changes one coder's sidecar of a transcript through the safe-write path. `change` receives the sidecar
 * re-anchored to the transcript's current text and returns the new list of codings (or undefined: no change).
 * `written` is told the sidecar being written (offsets for `transcript.text`), so an editor can show it at once.
 */
export async function changeCodings(
  fs: FileSystemPort,
  transcript: TranscriptRef,
  coder: string,
  change: (codings: readonly Coding[]) => readonly Coding[] | undefined,
  written?: OnWritten,
  guard?: CodebookGuard,
): Promise<Sidecar | undefined> {
  const uri = sidecarUriFor(transcript.uri, coder);
  // The sidecar is read from the start, while the locks are taken (updateFile says why that is safe).
  const ahead = readAhead(fs, uri);
  const codec = sidecarCodecFor(transcript);
  // Told as the file system commits the new bytes, before the locks are let go: an editor draws the change while
  // the rename runs, and nothing it does waits for it or for the locks.
  const telling: FileCodec<Sidecar> = written
    ? { ...codec, writing: (at, sidecar) => (codec.writing?.(at, sidecar), written(sidecar)) }
    : codec;
  const result = await withFileLocks(fs, lockOrder(guard?.codebookUri, [uri]), async (held) => {
    // The codebook is read under its lock, while the sidecar's read ahead may still run. Its failure is thrown below.
    const reading = guard ? codeIdsIn(fs, guard.codebookUri) : undefined;
    reading?.catch(() => undefined);
    return updateFile(
      fs,
      uri,
      telling,
      async (existing) => {
        const known = await reading;
        const base = current(existing, transcript, coder);
        const codings = change(base.codings);
        // No change: write only to save a re-anchoring of an existing file, never to create an empty one.
        if (codings === undefined) return existing === undefined || base === existing ? undefined : base;
        if (known) refuseUnknownCodes(known, base.codings, codings);
        const next = { ...base, codings: [...codings].sort(compareCodings) };
        rememberAnchored(base, next, transcript);
        return next;
      },
      held,
      ahead,
    );
  });
  return result.value;
}

async function codeIdsIn(fs: FileSystemPort, codebookUri: string): Promise<ReadonlySet<string>> {
  return (await readValue(fs, codebookUri, codeIdsCodec)) ?? new Set();
}

/** The codebooks this process read last: a coding action on an unchanged codebook skips the parse. */
const recentCodeIds = new ParseMemo<ReadonlySet<string>>(4);

/** A codebook read for its code ids only (never written through this codec). */
const codeIdsCodec: FileCodec<ReadonlySet<string>> = {
  parse: (uri, text) => {
    const remembered = recentCodeIds.get(uri, '', text);
    if (remembered) return { ok: true, value: remembered, warnings: [] };
    const parsed = codebookCodec.parse(uri, text);
    if (!parsed.ok) return parsed;
    const ids = new Set(parsed.value.codes.map((code) => code.id));
    recentCodeIds.set(uri, '', text, ids);
    return { ok: true, value: ids, warnings: parsed.warnings };
  },
  serialize: () => {
    throw new Error('internal: the code-id view of a codebook is read-only');
  },
};

/** Only codes the change brings in: codings already on a code are the loader's to report, not ours to block. */
function refuseUnknownCodes(known: ReadonlySet<string>, before: readonly Coding[], after: readonly Coding[]): void {
  // Almost always every code is known: the codes the sidecar had are gathered only when one is not.
  let unknown: Set<string> | undefined;
  for (const coding of after) if (!known.has(coding.code)) (unknown ??= new Set()).add(coding.code);
  if (unknown === undefined) return;
  for (const coding of before) unknown.delete(coding.code);
  if (unknown.size > 0) throw new UnknownCodeError([...unknown].sort());
}

/**
 * Told the sidecar a coding operation writes, once the file system commits it (FileCodec.writing): at most once;
 * when the operation then throws, the write failed and nothing was written.
 */
export type OnWritten = (sidecar: Sidecar) => void;

/**
 * Adds codings; an identical coding (same code and range) already present, or repeated in `additions`, is added
 * once, and an addition whose supplied id is already in the sidecar is taken as already added.
 */
export async function addCodings(
  fs: FileSystemPort,
  transcript: TranscriptRef,
  coder: string,
  additions: readonly NewCoding[],
  written?: OnWritten,
  guard?: CodebookGuard,
): Promise<Coding[]> {
  const made = makeCodings(transcript, coder, additions);
  const added: Coding[] = [];
  await changeCodings(
    fs,
    transcript,
    coder,
    (codings) => {
      added.length = 0;
      const existing = new Set(codings.map((c) => `${c.code}\u0000${c.start}\u0000${c.end}`));
      // A supplied id that is already taken (a redo replayed twice) is that coding: never write a duplicate id.
      const ids = new Set(codings.map((c) => c.id));
      for (const coding of made) {
        const key = `${coding.code}\u0000${coding.start}\u0000${coding.end}`;
        if (existing.has(key) || ids.has(coding.id)) continue;
        existing.add(key); // the same addition twice in one call (a double click) is one coding
        ids.add(coding.id);
        added.push(coding);
      }
      return added.length === 0 ? undefined : [...codings, ...added];
    },
    written,
    guard,
  );
  return added;
}

export async function removeCodings(
  fs: FileSystemPort,
  transcript: TranscriptRef,
  coder: string,
  ids: ReadonlySet<string>,
  written?: OnWritten,
): Promise<Coding[]> {
  const removed: Coding[] = [];
  await changeCodings(
    fs,
    transcript,
    coder,
    (codings) => {
      removed.length = 0;
      const kept = codings.filter((coding) => (ids.has(coding.id) ? (removed.push(coding), false) : true));
      return removed.length === 0 ? undefined : kept;
    },
    written,
  );
  return removed;
}

/** Edits of one coding: another code, new bounds (quote re-read from the text, status cleared), a memo. */
export interface CodingEdit {
  readonly code?: string;
  readonly start?: number;
  readonly end?: number;
  /** '' removes the memo. */
  readonly memo?: string;
}

export async function editCoding(
  fs: FileSystemPort,
  transcript: TranscriptRef,
  coder: string,
  id: string,
  edit: CodingEdit,
  written?: OnWritten,
  guard?: CodebookGuard,
): Promise<Coding | undefined> {
  let edited: Coding | undefined;
  await changeCodings(
    fs,
    transcript,
    coder,
    (codings) => {
      const index = codings.findIndex((coding) => coding.id === id);
      if (index < 0) return undefined;
      const old = codings[index] as Coding;
      let next: Coding = { ...old, ...(edit.code !== undefined ? { code: edit.code } : {}) };
      if (edit.start !== undefined || edit.end !== undefined) {
        const [bounded] = makeCodings(transcript, coder, [
          { code: next.code, start: edit.start ?? old.start, end: edit.end ?? old.end, id: old.id },
        ]);
        const { status: _dropped, ...rest } = next;
        next = {
          ...rest,
          start: bounded!.start,
          end: bounded!.end,
          quote: bounded!.quote,
          prefix: bounded!.prefix,
          suffix: bounded!.suffix,
        };
      }
      if (edit.memo !== undefined) {
        const { memo: _old, ...rest } = next;
        next = edit.memo === '' ? rest : { ...rest, memo: edit.memo };
      }
      edited = next;
      const copy = [...codings];
      copy[index] = next;
      return copy;
    },
    written,
    guard,
  );
  return edited;
}

/** Every match of a regular expression as code-point ranges (auto-coding: "text search → code"). */
export function findMatches(text: string, pattern: RegExp): { start: number; end: number }[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g';
  const global = new RegExp(pattern.source, flags);
  const map = new OffsetMap(text);
  const ranges: { start: number; end: number }[] = [];
  for (const match of text.matchAll(global)) {
    if (match[0].length === 0) continue;
    const start = map.toCodePoint(match.index);
    ranges.push({ start, end: map.toCodePoint(match.index + match[0].length) });
  }
  return ranges;
}
