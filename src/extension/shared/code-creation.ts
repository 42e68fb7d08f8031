import * as vscode from 'vscode';
import {
  codebookEdits,
  type CodeFields,
  editCodebook,
  type FileSystemPort,
  settingsLoadProblems,
  slugify,
  type Study,
  uniqueCodeId,
} from '../../core/index';
import { refusalFor } from './errors';

/**
 * Codebook edits are refused while the codebook does not load (it would be rewritten from nothing), leads
 * outside the study, or grounded.yaml does not load (the codebook it names is then unknown).
 */
export function requireCodebook(study: Study): void {
  const settingsProblems = settingsLoadProblems(study);
  if (settingsProblems.length > 0) throw refusalFor(study.settingsUri as string, settingsProblems);
  if (study.codebookLoaded) return;
  throw refusalFor(
    study.codebookUri,
    study.problems.filter((p) => p.uri === study.codebookUri || p.kind === 'link-outside-study'),
  );
}

/**
 * Adds a code named `name` (id from the name, made unique) through the safe-write path and returns its
 * id. A code with that exact name already present is reused, so in-vivo coding the same words twice does
 * not create "burnout-2".
 */
export async function addCode(
  fs: FileSystemPort,
  study: Study,
  name: string,
  fields: CodeFields = {},
): Promise<{ id: string; created: boolean }> {
  requireCodebook(study);
  const trimmed = name.trim();
  const existing = study.codebook.codes.find((code) => code.name === trimmed);
  if (existing) return { id: existing.id, created: false };
  let id = '';
  let created = false;
  await editCodebook(fs, study.codebookUri, (codebook) => {
    // Decided on the fresh codebook: another coder's new code may have taken the id meanwhile.
    const same = codebook.codes.find((code) => code.name === trimmed);
    if (same) {
      id = same.id;
      created = false;
      return codebook;
    }
    id = uniqueCodeId(slugify(trimmed), new Set(codebook.codes.map((code) => code.id)));
    created = true;
    return codebookEdits.add(codebook, id, { ...fields, name: trimmed });
  });
  return { id, created };
}

/** Open coding from the picker: asks for an optional definition, then adds the code. Undefined: cancelled. */
export async function addCodeInteractively(
  fs: FileSystemPort,
  study: Study,
  name: string,
  fields: CodeFields = {},
): Promise<string | undefined> {
  requireCodebook(study);
  const definition = await vscode.window.showInputBox({
    title: `New code "${name.trim()}"`,
    prompt: 'Definition (optional): when does a passage get this code? Enter to skip.',
    placeHolder: 'e.g. The participant describes a mentor they did not choose.',
    ignoreFocusOut: true,
  });
  if (definition === undefined) return undefined;
  const { id } = await addCode(
    fs,
    study,
    name,
    definition.trim() ? { ...fields, definition: definition.trim() } : fields,
  );
  return id;
}
