import type { FileSystemPort } from '../ports/file-system';
import { initialSettingsText } from '../settings/format';
import { serializeCodebook } from '../codebook/format';
import { joinUri } from '../uri';

/**
 * What starting a study in a folder finds there, to fill in grounded.yaml. Shared by `grounded init` and
 * the extension's "Create a Study Here", so both write the same files for the same folder.
 */
export interface DetectedStudy {
  /** Transcript paths relative to the folder, '/' separated, sorted. */
  readonly transcripts: readonly string[];
  readonly transcriptGlob: string;
  readonly surveyFile?: string;
  readonly idColumn?: string;
  readonly participantPattern?: string;
}

/** The codebook file a new study gets (the settings' default). */
export const NEW_CODEBOOK_FILE = 'codebook.yaml';

/** Folders that never hold transcripts or surveys (memos are .md, but people keep notes as .txt there too). */
const SKIPPED = new Set(['node_modules', 'dist', 'out', 'memos']);

export async function detectStudy(fs: FileSystemPort, root: string): Promise<DetectedStudy> {
  const files = await listFiles(fs, root, '');
  const transcripts = files.filter((f) => f.endsWith('.txt'));
  const surveyFile = pickSurvey(files.filter((f) => f.toLowerCase().endsWith('.csv')));
  const idColumn =
    surveyFile === undefined
      ? undefined
      : pickIdColumn(new TextDecoder().decode(await fs.readFile(joinUri(root, surveyFile))));
  const participantPattern = participantPatternOf(
    transcripts.map((path) => path.slice(path.lastIndexOf('/') + 1, -'.txt'.length)),
  );
  return {
    transcripts,
    transcriptGlob: globOf(transcripts),
    ...(surveyFile !== undefined ? { surveyFile } : {}),
    ...(idColumn !== undefined ? { idColumn } : {}),
    ...(participantPattern !== undefined ? { participantPattern } : {}),
  };
}

/** The text of grounded.yaml and of the empty codebook for what was detected. */
export function initialStudyFiles(detected: DetectedStudy): { settings: string; codebook: string } {
  return {
    settings: initialSettingsText({
      transcripts: [detected.transcriptGlob],
      ...(detected.surveyFile !== undefined ? { surveyFile: detected.surveyFile } : {}),
      ...(detected.idColumn !== undefined ? { idColumn: detected.idColumn } : {}),
      ...(detected.participantPattern !== undefined ? { participantPattern: detected.participantPattern } : {}),
    }),
    codebook: serializeCodebook({ codes: [] }),
  };
}

async function listFiles(fs: FileSystemPort, root: string, prefix: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await fs.list(prefix === '' ? root : joinUri(root, prefix));
  for (const entry of entries) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    // Links are never study files (the loader reports them), and a folder link may loop.
    if (entry.symbolicLink) continue;
    if (entry.type === 'directory') {
      if (!entry.name.startsWith('.') && !SKIPPED.has(entry.name)) found.push(...(await listFiles(fs, root, path)));
    } else {
      found.push(path);
    }
  }
  return found.sort();
}

/** The narrowest simple glob: the root, one top folder (and below), or anywhere. */
function globOf(transcripts: readonly string[]): string {
  if (transcripts.length === 0) return '**/*.txt';
  if (transcripts.every((path) => !path.includes('/'))) return '*.txt';
  const tops = new Set(transcripts.map((path) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '')));
  const [top] = tops;
  return tops.size === 1 && top !== '' ? `${top}/**/*.txt` : '**/*.txt';
}

/** A CSV named like a survey, else the only CSV there is. */
function pickSurvey(csvs: readonly string[]): string | undefined {
  return (
    csvs.find((path) => /survey|questionnaire|demographic/i.test(path)) ?? (csvs.length === 1 ? csvs[0] : undefined)
  );
}

/** The header column that most likely holds participant ids. */
function pickIdColumn(csv: string): string | undefined {
  const header = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  const columns = header
    .split(delimiter)
    .map((cell) =>
      cell
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim(),
    )
    .filter((cell) => cell !== '');
  const exact = columns.find((c) => /^(participant[_ .-]?id|participant|pid|respondent[_ .-]?id|id)$/i.test(c));
  return exact ?? columns.find((c) => /participant|respondent/i.test(c)) ?? columns[0];
}

/**
 * When every transcript name starts with the same letters and a number (P01, P02_interview, R12-final),
 * the participant is that prefix: "^(?<id>P\d+)". Otherwise none, and the whole file name is the id.
 */
function participantPatternOf(stems: readonly string[]): string | undefined {
  if (stems.length === 0) return undefined;
  const prefixes = new Set<string>();
  for (const stem of stems) {
    const match = /^([A-Za-z]+)\d+/.exec(stem);
    if (!match) return undefined;
    prefixes.add(match[1] as string);
  }
  if (prefixes.size !== 1) return undefined;
  const [prefix] = prefixes;
  return `^(?<id>${prefix}\\d+)`;
}
