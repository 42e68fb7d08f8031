import {
  allCodings,
  type Code,
  codebookEdits,
  type CodeFields,
  editCodebook,
  type FileSystemPort,
  isSidecarUri,
  knownSidecarUris,
  readChecked,
  relativeUri,
  sidecarCodec,
  type Study,
} from '../../core/index';
import type { GroundedServices } from '../services';
import { requireCodebook } from '../shared/code-creation';
import { pickOneCode } from '../shared/code-picker';
import { displayPath, refusalFor, UserError } from '../shared/errors';
import { commandArgs } from '../shared/register-command';
import { whichStudy } from '../shared/which-study';
import { reloadFresh } from '../shared/fresh-reload';
import type { UndoStack } from '../shared/undo-stack';

/** What every codebook command shares. */
export interface CodebookContext {
  readonly services: GroundedServices;
  /** Routes open Grounded files (the codebook, sidecars) through their editors. */
  readonly fs: FileSystemPort;
  /** Field edits (rename, redefine, recolour, move) can be undone with grounded.undoLastCodingAction. */
  readonly undo: UndoStack;
}

/**
 * The study a codebook command edits, with a codebook that loaded: `{ study }` from a script or a view item,
 * else the usual rule (see whichStudy). Undefined: the person cancelled the choice.
 */
export async function codebookStudy(context: CodebookContext, arg: unknown): Promise<Study | undefined> {
  const study = await whichStudy(context.services.studies, commandArgs(arg).study());
  if (study) requireCodebook(study);
  return study;
}

/** The code an argument names (checked), or one the person picks. Undefined: cancelled. */
export async function chooseCode(
  context: CodebookContext,
  study: Study,
  id: string | undefined,
  title: string,
  exclude?: ReadonlySet<string>,
): Promise<Code | undefined> {
  const chosen = id ?? (await pickOneCode(study, { title, ...(exclude ? { exclude } : {}) }));
  if (chosen === undefined) return undefined;
  const code = study.codebook.codes.find((c) => c.id === chosen);
  if (!code) throw new UserError(`There is no code "${chosen}" in ${displayPath(study.codebookUri)}.`);
  return code;
}

/**
 * Updates one code's fields (validated against the loaded codebook first), then reloads the study. The
 * old values of the changed fields go on the undo stack.
 */
export async function updateCode(
  context: CodebookContext,
  study: Study,
  id: string,
  fields: CodeFields,
): Promise<Code> {
  codebookEdits.update(study.codebook, id, fields);
  let before: Code | undefined;
  const codebook = await editCodebook(context.fs, study.codebookUri, (current) => {
    before = current.codes.find((c) => c.id === id);
    return codebookEdits.update(current, id, fields);
  });
  const written = codebook.codes.find((c) => c.id === id) as Code;
  await reloadFresh(
    context.services.studies,
    study.root,
    (loaded) => JSON.stringify(loaded.codebook.codes.find((c) => c.id === id)) === JSON.stringify(written),
  );
  if (before) {
    const old = before;
    context.undo.push({
      label: `editing code "${old.name}"`,
      undo: async () => {
        const now = await context.services.studies.study(study.root);
        requireCodebook(now);
        await restoreFields(context, now, old, Object.keys(fields) as (keyof CodeFields)[]);
      },
    });
  }
  return written;
}

/**
 * Codebook-wide edits (merge, delete, split) touch every sidecar. One that does not load would keep codings
 * of a code that no longer exists, so refuse before changing anything, naming the file and place.
 */
export function requireAllSidecarsLoad(study: Study): void {
  const loaded = new Set(study.transcripts.flatMap((t) => t.sidecars.map((s) => s.uri)));
  const broken = study.problems.filter((p) => p.severity === 'error' && isSidecarUri(p.uri) && !loaded.has(p.uri));
  const first = broken[0];
  if (first)
    throw refusalFor(
      first.uri,
      broken.filter((p) => p.uri === first.uri),
    );
}

/** How many codings use a code, and in how many files (stray sidecars read from disk). */
export async function usageOf(
  context: CodebookContext,
  study: Study,
  id: string,
): Promise<{ codings: number; files: number }> {
  const counts = new Map<string, number>();
  for (const { sidecar, coding } of allCodings(study))
    if (coding.code === id) counts.set(sidecar.uri, (counts.get(sidecar.uri) ?? 0) + 1);
  const loaded = new Set(study.transcripts.flatMap((t) => t.sidecars.map((s) => s.uri)));
  for (const uri of knownSidecarUris(study)) {
    if (loaded.has(uri)) continue;
    const stray = await readChecked(context.fs, uri, sidecarCodec);
    const count = stray?.value.codings.filter((c) => c.code === id).length ?? 0;
    if (count > 0) counts.set(uri, count);
  }
  return { codings: [...counts.values()].reduce((a, b) => a + b, 0), files: counts.size };
}

/** A study-relative path for messages. */
export function studyPath(study: Study, uri: string): string {
  return relativeUri(study.root, uri) ?? displayPath(uri);
}

/** Puts back the given fields of a code as they were in `old` (a field it did not have is removed again). */
async function restoreFields(
  context: CodebookContext,
  study: Study,
  old: Code,
  keys: readonly (keyof CodeFields)[],
): Promise<void> {
  const fields = Object.fromEntries(keys.map((key) => [key, old[key]]));
  if (old.parent !== undefined && keys.includes('parent') && !study.codebook.codes.some((c) => c.id === old.parent)) {
    throw new UserError(`Cannot put "${old.name}" back under "${old.parent}": that code no longer exists.`);
  }
  const restored = await editCodebook(context.fs, study.codebookUri, (current) => {
    codebookEdits.update(current, old.id, {}); // the code must still exist
    return {
      codes: current.codes.map((code) => {
        if (code.id !== old.id) return code;
        const next: Record<string, unknown> = { ...code, ...fields };
        for (const key of keys) if (next[key] === undefined) delete next[key];
        return next as unknown as Code;
      }),
    };
  });
  const written = restored.codes.find((c) => c.id === old.id);
  await reloadFresh(
    context.services.studies,
    study.root,
    (loaded) => JSON.stringify(loaded.codebook.codes.find((c) => c.id === old.id)) === JSON.stringify(written),
  );
}
