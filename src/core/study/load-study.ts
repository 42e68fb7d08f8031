import type { Codebook, Memo, StudySettings } from '../model';
import type { FileSystemPort } from '../ports/file-system';
import { problem, type Problem } from '../problems';
import { basenameUri, joinUri, stemOf } from '../uri';
import { decodeCanonical, OffsetMap, TextDecodingError } from '../text/canonical';
import { hashText } from '../text/hash';
import { parseSettings, DEFAULT_SETTINGS, SETTINGS_FILE } from '../settings/format';
import { parseCodebook } from '../codebook/format';
import { parseSidecar, parseSidecarFileName, validateSidecarAgainstText, SIDECAR_SUFFIX } from '../sidecar/format';
import { parseMemo } from '../memos/format';
import { reanchorSidecar, isCodingConsistent } from '../anchoring/reanchor-sidecar';
import { participantOf } from './participants';
import { globMatcher, listFiles } from './walk';
import type { LoadedSidecar, Study, StudyTranscript } from './study';

/**
 * Loads a study folder: settings, codebook, transcripts (canonical text), their sidecars (validated and
 * re-anchored in memory when the transcript changed) and memos. Never throws for a bad file: every
 * problem is collected with file, line and column, and the rest of the study still loads.
 */
export async function loadStudy(fs: FileSystemPort, root: string): Promise<Study> {
  const problems: Problem[] = [];
  const settingsUri = joinUri(root, SETTINGS_FILE);
  const settingsText = await readText(fs, settingsUri, problems);
  let settings: StudySettings = DEFAULT_SETTINGS;
  if (settingsText !== undefined) {
    const parsed = parseSettings(settingsUri, settingsText);
    if (parsed.ok) settings = parsed.value;
    else problems.push(...parsed.problems);
  }

  const codebookUri = joinUri(root, settings.codebook);
  const codebookText = await readText(fs, codebookUri, problems);
  let codebook: Codebook = { codes: [] };
  let codebookLoaded = true;
  if (codebookText !== undefined) {
    const parsed = parseCodebook(codebookUri, codebookText);
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
  const sidecarPaths = new Set(files.filter((path) => parseSidecarFileName(basename(path)) !== undefined));
  const knownCodes = new Set(codebook.codes.map((code) => code.id));

  const transcripts: StudyTranscript[] = [];
  for (const path of transcriptPaths) {
    const uri = joinUri(root, path);
    const folder = dirname(path);
    const stem = stemOf(basename(path));
    const text = await readText(fs, uri, problems);
    if (text === undefined) {
      // Its sidecars belong to it (not "no transcript"); they cannot be checked until the text decodes.
      for (const sidecarPath of sidecarPaths) {
        if (parseSidecarFileName(basename(sidecarPath))?.stem === stem && dirname(sidecarPath) === folder) sidecarPaths.delete(sidecarPath);
      }
      continue;
    }
    const textHash = hashText(text);
    const participant = participantOf(path, settings.participants);
    if (participant === undefined) {
      problems.push(problem(uri, 0, 0, 'no-participant', `no participant for ${path}: participants.pattern "${settings.participants.pattern}" does not match its name`, `add "${path}: <participant id>" under participants.overrides in grounded.yaml`, 'warning'));
    }
    const sidecars: LoadedSidecar[] = [];
    for (const sidecarPath of sidecarPaths) {
      const name = parseSidecarFileName(basename(sidecarPath));
      if (!name || name.stem !== stem || dirname(sidecarPath) !== folder) continue;
      sidecarPaths.delete(sidecarPath);
      const loaded = await loadSidecar(fs, joinUri(root, sidecarPath), name.coder, basename(path), text, textHash, knownCodes, codebookLoaded, problems);
      if (loaded) sidecars.push(loaded);
    }
    transcripts.push({ uri, path, text, textHash, sidecars, ...(participant !== undefined ? { participant } : {}) });
  }
  for (const stray of sidecarPaths) {
    problems.push(problem(joinUri(root, stray), 0, 0, 'no-transcript', `${stray} belongs to no transcript of the study`, 'rename it to match its transcript, or add the transcript to grounded.yaml "transcripts"', 'warning'));
  }

  const memos = await loadMemos(fs, root, settings, files, problems);
  problems.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.line - b.line || a.column - b.column));
  return {
    root,
    settings,
    ...(settingsText !== undefined ? { settingsUri } : {}),
    codebookUri,
    codebook,
    codebookLoaded,
    transcripts,
    memos,
    problems,
  };
}

async function loadSidecar(
  fs: FileSystemPort,
  uri: string,
  coder: string,
  transcriptName: string,
  text: string,
  textHash: string,
  knownCodes: ReadonlySet<string>,
  codebookLoaded: boolean,
  problems: Problem[],
): Promise<LoadedSidecar | undefined> {
  const content = await readText(fs, uri, problems);
  if (content === undefined) return undefined;
  const parsed = parseSidecar(uri, content);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const { sidecar, lineOf } = parsed.value;
  const map = new OffsetMap(text);
  const against = validateSidecarAgainstText(uri, parsed.value, map.codePointLength, textHash);
  if (against.length > 0) {
    problems.push(...against);
    return undefined;
  }
  if (sidecar.coder !== coder) {
    problems.push(problem(uri, 0, 0, 'coder-mismatch', `the file name says coder "${coder}" but the file says "${sidecar.coder}"`, 'rename the file or fix the coder line', 'warning'));
  }
  if (sidecar.transcript !== transcriptName) {
    problems.push(problem(uri, 0, 0, 'transcript-mismatch', `the file says transcript "${sidecar.transcript}" but sits next to "${transcriptName}"`, 'fix the transcript line', 'warning'));
  }
  // Same hash but a quote that is not the text at its offsets: a hand edit or a bad merge. Trust the quote
  // (it is what the coder saw) and re-anchor, reporting each such coding.
  const mismatched = sidecar.textHash === textHash ? sidecar.codings.filter((coding) => coding.status === undefined && !isCodingConsistent(coding, map)) : [];
  for (const coding of mismatched) {
    problems.push(problem(uri, lineOf.get(coding.id) ?? 0, 5, 'quote-mismatch', `coding ${coding.id}: the quote is not the transcript text at ${coding.start}–${coding.end}; re-anchored by its quote`, 'run grounded check to write the corrected offsets', 'warning'));
  }
  const reanchored = reanchorSidecar(mismatched.length > 0 ? { ...sidecar, textHash: '' } : sidecar, text, textHash);
  for (const coding of reanchored.sidecar.codings) {
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
  return { uri, coder, sidecar: reanchored.sidecar, reanchored: reanchored.changes.length > 0 || reanchored.sidecar !== sidecar, lineOf };
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
  const stat = await fs.stat(uri);
  if (!stat || stat.type !== 'file') return undefined;
  try {
    return decodeCanonical(await fs.readFile(uri));
  } catch (error) {
    if (error instanceof TextDecodingError) {
      problems.push(problem(uri, 0, 0, 'encoding', `${basenameUri(uri)}: invalid UTF-8 at byte ${error.byteOffset}`, error.message));
      return undefined;
    }
    problems.push(problem(uri, 0, 0, 'read', `cannot read ${basenameUri(uri)}: ${(error as Error).message}`));
    return undefined;
  }
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
