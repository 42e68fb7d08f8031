import type { FileSystemPort } from '../../ports/file-system';
import { joinUri } from '../../uri';
import { encodeUtf8 } from '../../text/canonical';
import type { PlannedFile } from './import-plan';

/** The target of an import already holds files: a new study is never mixed into an existing folder. */
export class StudyFolderNotEmptyError extends Error {
  constructor(
    readonly folder: string,
    readonly reason: 'not-empty' | 'a-file',
  ) {
    super(
      reason === 'a-file'
        ? `${folder} is a file, not a folder; nothing was imported`
        : `${folder} is not empty; an import creates a new study and never mixes it into existing files; nothing was imported`,
    );
  }
}

/**
 * Writes an import's files into a folder that is empty or does not exist yet. Each file is created with the
 * port's compare-and-swap ("only if no file exists"), which writes a temp file and renames it, so no file is
 * ever half-written and nothing that appeared meanwhile is overwritten. grounded.yaml goes last: it is what
 * marks the folder as a study, so an interrupted import is not taken for a complete one.
 */
export async function writeNewStudy(
  fs: FileSystemPort,
  folderUri: string,
  files: readonly PlannedFile[],
): Promise<void> {
  const stat = await fs.stat(folderUri);
  if (stat?.type === 'file') throw new StudyFolderNotEmptyError(folderUri, 'a-file');
  if (stat?.type === 'directory' && (await fs.list(folderUri)).length > 0)
    throw new StudyFolderNotEmptyError(folderUri, 'not-empty');
  const ordered = [
    ...files.filter((f) => f.path !== 'grounded.yaml'),
    ...files.filter((f) => f.path === 'grounded.yaml'),
  ];
  for (const file of ordered) {
    const uri = joinUri(folderUri, file.path);
    if (!(await fs.replaceIfUnchanged(uri, undefined, encodeUtf8(file.text))))
      throw new Error(`${uri} appeared while the study was being imported; the import stopped there`);
  }
}
