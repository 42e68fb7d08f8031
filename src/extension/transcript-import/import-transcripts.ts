import * as vscode from 'vscode';
import {
  defaultTranscriptFolder,
  importTranscripts,
  joinUri,
  studyFileKind,
  transcriptFileName,
  TRANSCRIPT_SOURCE_EXTENSIONS,
  type Study,
  type TranscriptImportResult,
  type TranscriptSource,
} from '../../core/index';
import type { GroundedServices } from '../services';
import { displayPath } from '../shared/errors';
import { reloadFresh } from '../shared/fresh-reload';
import { fromVscodeUri, toVscodeUri } from '../platform/workspace-file-system';
import type { ImportConversions } from '../conversion-worker/import-conversions';

/** The open dialog's filters: every importable source first, then each kind on its own. */
export const SOURCE_FILTERS: Readonly<Record<string, string[]>> = {
  'Interviews (Word, captions, text)': [...TRANSCRIPT_SOURCE_EXTENSIONS],
  'Word documents': ['docx'],
  'Captions and subtitles (Zoom, Teams, SRT)': ['vtt', 'srt'],
  'Text (plain, Otter export, Markdown)': ['txt', 'md'],
};

export interface ImportedTranscripts {
  /** The folder the transcripts were written into (a core URI). */
  readonly folder: string;
  readonly results: readonly TranscriptImportResult[];
}

/**
 * Import Transcripts: asks for the source files (several at once), reads them through the file system port
 * (workspace.fs in the browser) and lets the core convert each one and create `<stem>.txt` in the study's
 * transcripts folder. A file is refused, and nothing written for it, when it cannot be read or converted,
 * when its transcript (or a coder's sidecar of that name) exists already, or when the study would not read
 * the new file as a transcript; the others are still imported. The study is reloaded until it lists the new
 * transcripts, so the views show them and they can be coded at once.
 */
export async function importTranscriptFiles(
  services: GroundedServices,
  study: Study,
  conversions: ImportConversions,
): Promise<ImportedTranscripts | undefined> {
  const folder = joinUri(study.root, defaultTranscriptFolder(study.settings.transcripts));
  // Read at call time, not captured: the integration test answers the (native) dialog by replacing it.
  const files = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: true,
    filters: { ...SOURCE_FILTERS },
    openLabel: 'Import',
    title: `Import interviews as transcripts into ${displayPath(folder)}`,
  });
  if (!files || files.length === 0) return undefined;

  const results: (TranscriptImportResult | undefined)[] = [];
  const sources: { index: number; source: TranscriptSource }[] = [];
  for (const [index, file] of files.entries()) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    const target = joinUri(folder, transcriptFileName(name, undefined));
    if (studyFileKind(study, target) !== 'transcript') {
      results[index] = {
        source: name,
        status: 'refused',
        reason: `${displayPath(target)} would not be read as a transcript of the study (transcripts: ${study.settings.transcripts.join(', ')}; exclude: ${study.settings.exclude.join(', ') || 'none'} in grounded.yaml)`,
      };
      continue;
    }
    try {
      sources.push({ index, source: { name, bytes: await services.fs.readFile(fromVscodeUri(file)) } });
    } catch {
      results[index] = {
        source: name,
        status: 'refused',
        reason: `it cannot be read (${file.fsPath || file.toString()})`,
      };
    }
  }
  const imported = await conversions.run((converter) =>
    importTranscripts(
      services.editorAwareFs,
      folder,
      sources.map(({ source }) => source),
      { convert: converter.transcript },
    ),
  );
  imported.forEach((result, position) => (results[sources[position]!.index] = result));

  const written = imported.flatMap((result) => (result.status === 'written' ? [result.uri] : []));
  if (written.length > 0)
    await reloadFresh(services.studies, study.root, (loaded) =>
      written.every((uri) => loaded.transcripts.some((transcript) => transcript.uri === uri)),
    );
  return { folder, results: results.filter((result) => result !== undefined) };
}

/** Opens a new transcript for coding, in a tab that stays. */
export async function openTranscript(uri: string): Promise<void> {
  await vscode.window.showTextDocument(toVscodeUri(uri), { preview: false });
}
