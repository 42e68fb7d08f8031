import { type FileSystemPort, type Study, STUDY_FILE_DESCRIPTION, studyFileAt } from '../../core/index';

// No 'vscode' here: unit-tested in plain Node. Used by the analysis panel's exports and the REFI-QDA exports.

/**
 * Why an export must not be saved at `uri` (picked in the save dialog), or undefined when it may: an export
 * never replaces one of the study's own files, links followed where the file system can.
 */
export async function exportTargetRefusal(fs: FileSystemPort, study: Study, uri: string): Promise<string | undefined> {
  const kind = await studyFileAt(fs, study, uri).catch(() => undefined);
  return kind === undefined
    ? undefined
    : `the chosen file is ${STUDY_FILE_DESCRIPTION[kind]}; exports never replace study files`;
}
