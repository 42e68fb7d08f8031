import type { ParticipantSettings } from '../model';
import type { FileSystemPort } from '../ports/file-system';
import { parseSidecarFileName } from '../sidecar/format';
import { participantOf } from '../study/participants';
import { encodeUtf8 } from '../text/canonical';
import { joinUri, relativeUri, stemOf } from '../uri';
import { TranscriptConversionError, type TranscriptConversion } from './conversion';
import { convertTranscript } from './convert-transcript';

/** A file to import: its name (for the format and the transcript's name) and its content. */
export interface TranscriptSource {
  /** The file name, or a path ending in it ("interviews/P01.docx"); only the last segment is used. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface TranscriptImportOptions {
  /**
   * The participant every imported transcript belongs to. The study attributes a transcript to a
   * participant by its file name, so the transcript is named after the participant: `<id>.txt` for a
   * single source, `<id>-<source name>.txt` for each of several (parts of one interview). A name the
   * study's participant settings would attribute to someone else is refused.
   */
  readonly participant?: string;
  /** The study's participant settings, to check that attribution; without them, the file name is the id. */
  readonly participants?: ParticipantSettings;
  /** The study folder, for the transcript paths that participants.overrides uses. */
  readonly studyRoot?: string;
  /**
   * Converts a source (default: convertTranscript in this thread). The extension converts in a worker: a Word
   * document of some hundred pages takes a second or more, which the extension host's thread must not spend. It
   * rejects with a TranscriptConversionError for a file that cannot be converted, as convertTranscript does.
   */
  readonly convert?: (name: string, bytes: Uint8Array) => Promise<TranscriptConversion>;
}

export type TranscriptImportResult =
  | {
      readonly source: string;
      readonly status: 'written';
      /** URI of the new transcript. */
      readonly uri: string;
      readonly conversion: TranscriptConversion;
      /**
       * The participant the study attributes the transcript to, when `participants` was given; undefined
       * there means its name matches no participant (the study reports it until it is renamed).
       */
      readonly participant?: string;
    }
  | {
      readonly source: string;
      readonly status: 'refused';
      /** Why nothing was written for this source, a sentence without the file name. */
      readonly reason: string;
      /** The transcript it would have written, when it got that far. */
      readonly uri?: string;
    };

/**
 * Converts each source and writes it as a new transcript in `folderUri`, in order, one result per source.
 * Never replaces anything: a source whose transcript already exists, or whose name already has codings
 * beside it (sidecars left from an earlier transcript would attach to the new one), is refused, as is one
 * that cannot be converted; the others are still imported. The creation itself only succeeds where no file
 * exists, so a transcript created meanwhile by someone else is not overwritten either.
 */
export async function importTranscripts(
  fs: FileSystemPort,
  folderUri: string,
  sources: readonly TranscriptSource[],
  options: TranscriptImportOptions = {},
): Promise<TranscriptImportResult[]> {
  const results: TranscriptImportResult[] = [];
  const written = new Map<string, string>();
  for (const source of sources) {
    const fileName = transcriptFileName(source.name, options.participant, sources.length);
    const uri = joinUri(folderUri, fileName);
    const earlier = written.get(uri);
    const result =
      earlier !== undefined
        ? refusedResult(
            source,
            `${earlier} of this import became ${fileName} already; rename one of the two files`,
            uri,
          )
        : await importOne(fs, folderUri, source, fileName, options);
    if (result.status === 'written') written.set(uri, source.name);
    results.push(result);
  }
  return results;
}

/** The name of the transcript a source becomes (see TranscriptImportOptions.participant). */
export function transcriptFileName(sourceName: string, participant: string | undefined, batchSize = 1): string {
  const stem = stemOf(lastSegment(sourceName));
  if (participant === undefined) return `${stem}.txt`;
  return batchSize === 1 ? `${participant}.txt` : `${participant}-${stem}.txt`;
}

/**
 * What is wrong with a participant id as the start of a file name, or undefined when nothing is: ids are
 * used in file names, so separators, characters Windows refuses and leading dots are not allowed.
 */
export function participantIdProblem(id: string): string | undefined {
  if (id.trim() === '') return 'the participant id is empty';
  if (id !== id.trim()) return 'the participant id starts or ends with a space';
  if (id.startsWith('.')) return 'the participant id starts with a dot';
  // eslint-disable-next-line no-control-regex
  if (/[/\\:*?"<>|\u0000-\u001f]/u.test(id))
    return 'the participant id contains a character a file name cannot have (/ \\ : * ? " < > | or a control character)';
  return undefined;
}

async function importOne(
  fs: FileSystemPort,
  folderUri: string,
  source: TranscriptSource,
  fileName: string,
  options: TranscriptImportOptions,
): Promise<TranscriptImportResult> {
  const refused = (reason: string, uri?: string): TranscriptImportResult => refusedResult(source, reason, uri);
  if (options.participant !== undefined) {
    const problem = participantIdProblem(options.participant);
    if (problem !== undefined) return refused(problem);
  }
  const uri = joinUri(folderUri, fileName);
  const attribution = attributionProblem(uri, fileName, options);
  if (attribution !== undefined) return refused(attribution, uri);
  if ((await fs.stat(uri)) !== undefined)
    return refused(
      `${fileName} already exists; nothing was written (rename or move the existing transcript first)`,
      uri,
    );
  const leftover = await leftoverSidecar(fs, folderUri, fileName);
  if (leftover !== undefined)
    return refused(
      `${leftover} already exists beside it and would attach its codings to the new transcript; nothing was written`,
      uri,
    );
  let conversion: TranscriptConversion;
  try {
    conversion = await (options.convert ?? convertTranscript)(source.name, source.bytes);
  } catch (error) {
    if (error instanceof TranscriptConversionError) return refused(error.message, uri);
    throw error;
  }
  if (!(await fs.replaceIfUnchanged(uri, undefined, encodeUtf8(conversion.text))))
    return refused(`${fileName} was created meanwhile by someone else; nothing was written`, uri);
  const participant = options.participants && participantOf(studyPath(uri, fileName, options), options.participants);
  return {
    source: source.name,
    status: 'written',
    uri,
    conversion,
    ...(participant !== undefined ? { participant } : {}),
  };
}

function refusedResult(source: TranscriptSource, reason: string, uri?: string): TranscriptImportResult {
  return { source: source.name, status: 'refused', reason, ...(uri !== undefined ? { uri } : {}) };
}

function attributionProblem(uri: string, fileName: string, options: TranscriptImportOptions): string | undefined {
  const { participant, participants } = options;
  if (participant === undefined || participants === undefined) return undefined;
  const attributed = participantOf(studyPath(uri, fileName, options), participants);
  if (attributed === participant) return undefined;
  const who = attributed === undefined ? 'no participant' : `participant "${attributed}"`;
  return (
    `the study would attribute ${fileName} to ${who}, not "${participant}" (its participants.pattern decides); ` +
    'import the files of this participant one at a time, or adjust participants.pattern in grounded.yaml'
  );
}

/** The transcript's path as participants.overrides keys it: relative to the study root. */
function studyPath(uri: string, fileName: string, options: TranscriptImportOptions): string {
  return (options.studyRoot !== undefined ? relativeUri(options.studyRoot, uri) : undefined) ?? fileName;
}

/** A coder's sidecar of a transcript of that name, left behind when an earlier transcript was removed. */
async function leftoverSidecar(fs: FileSystemPort, folderUri: string, fileName: string): Promise<string | undefined> {
  if ((await fs.stat(folderUri))?.type !== 'directory') return undefined;
  const stem = stemOf(fileName);
  const entries = await fs.list(folderUri);
  return entries
    .map((entry) => entry.name)
    .filter((name) => parseSidecarFileName(name)?.stem === stem)
    .sort()[0];
}

function lastSegment(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}
