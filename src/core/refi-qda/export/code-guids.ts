import type { Code, Codebook } from '../../model';
import type { FileSystemPort } from '../../ports/file-system';
import { CodebookEditError, editCodebook } from '../../study/codebook-operations';
import { newId } from '../../study/ids';
import { isGuid } from '../guids';

/**
 * Gives every code without a `guid` a new one and stores it in the codebook (through the safe-write path,
 * under the codebook's lock), so the next export, and the one after a rename, names each code by the same
 * GUID. Returns the codebook as written (or as it is, when every code already had one: nothing is written).
 * A stored GUID that is malformed or shared by two codes is refused rather than replaced: it may be what
 * another tool knows the code by, so a person decides which one keeps it.
 */
export async function ensureCodeGuids(fs: FileSystemPort, codebookUri: string, codebook: Codebook): Promise<Codebook> {
  checkStoredGuids(codebookUri, codebook.codes);
  if (codebook.codes.every((code) => code.guid !== undefined)) return codebook;
  return editCodebook(fs, codebookUri, (current) => {
    checkStoredGuids(codebookUri, current.codes);
    return {
      codes: current.codes.map((code): Code => (code.guid === undefined ? { ...code, guid: newId() } : code)),
    };
  });
}

function checkStoredGuids(codebookUri: string, codes: readonly Code[]): void {
  const owner = new Map<string, string>();
  for (const code of codes) {
    if (code.guid === undefined) continue;
    if (!isGuid(code.guid))
      throw new CodebookEditError(
        `${codebookUri}: code "${code.id}" has guid "${code.guid}", which is not a GUID (8-4-4-4-12 hex digits); remove the guid line and export again to get a new one`,
      );
    const key = code.guid.replace(/[{}]/g, '').toLowerCase();
    const other = owner.get(key);
    if (other !== undefined)
      throw new CodebookEditError(
        `${codebookUri}: codes "${other}" and "${code.id}" share the guid ${code.guid}; remove the guid line of the copy (a new one is made on the next export)`,
      );
    owner.set(key, code.id);
  }
}
