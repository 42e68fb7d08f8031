import type { FileSystemPort } from '../ports/file-system';
import { SETTINGS_FILE } from '../settings/format';
import { joinUri, relativeUri } from '../uri';
import { isSidecarUri } from './sidecar-files';
import { realLocation } from './confine';
import type { Study } from './study';
import { globMatcher } from './walk';

/** The kinds of file a study is made of, which output (a report, an export) must never replace. */
export type StudyFileKind = 'settings' | 'codebook' | 'transcript' | 'sidecar' | 'memo' | 'survey';

/** What each kind is, for messages: "… is the study's codebook". */
export const STUDY_FILE_DESCRIPTION: Readonly<Record<StudyFileKind, string>> = {
  settings: "the study's settings (grounded.yaml)",
  codebook: "the study's codebook",
  transcript: 'a transcript of the study (or would be read as one)',
  sidecar: 'a coding file (sidecar) of the study (or would be read as one)',
  memo: 'a memo of the study',
  survey: 'a survey file of the study',
};

/**
 * Which of the study's own files `uri` is, or would be once a file is written there (a new `*.codes.yaml`
 * would be read as a sidecar, a new `.txt` matched by the transcript patterns as a transcript); undefined
 * when it is none of them. `uri` is taken as written: use studyFileAt to follow symbolic links.
 */
export function studyFileKind(study: Study, uri: string): StudyFileKind | undefined {
  const path = relativeUri(study.root, uri);
  if (path === undefined || path === '') return undefined;
  const { settings } = study;
  if (path === SETTINGS_FILE) return 'settings';
  if (uri === study.codebookUri) return 'codebook';
  if (settings.survey.files.some((file) => joinUri(study.root, file) === uri)) return 'survey';
  if (isSidecarUri(uri)) return 'sidecar';
  if (study.transcripts.some((t) => t.uri === uri) || globMatcher(settings.transcripts, settings.exclude)(path))
    return 'transcript';
  const memos = relativeUri(study.root, joinUri(study.root, settings.memos));
  if (memos !== undefined && path.startsWith(`${memos}/`) && path.endsWith('.md')) return 'memo';
  if (study.memos.some((memo) => memo.uri === uri)) return 'memo';
  return undefined;
}

/**
 * studyFileKind of the file a write to `uri` would really change, symbolic links (of the file, of a folder
 * on its way, of the study folder itself) followed where the file system can resolve them.
 */
export async function studyFileAt(fs: FileSystemPort, study: Study, uri: string): Promise<StudyFileKind | undefined> {
  const direct = studyFileKind(study, uri);
  if (direct !== undefined) return direct;
  const real = await realLocation(fs, uri);
  const realRoot = fs.realPath ? await fs.realPath(study.root) : undefined;
  if (real === undefined || realRoot === undefined) return undefined;
  const path = relativeUri(realRoot, real);
  return path === undefined ? undefined : studyFileKind(study, joinUri(study.root, path));
}
