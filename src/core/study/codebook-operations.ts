import type { Code, Codebook, CodeRelation, Coding, RelationType } from '../model';
import type { FileSystemPort } from '../ports/file-system';
import { codebookCodec, CODE_ID, COLOR } from '../codebook/format';
import { sidecarCodec } from '../sidecar/format';
import { readChecked, updateFile } from '../persistence/safe-file';
import { lockOrder, withFileLocks, type HeldLocks } from '../persistence/file-locks';
import { newId } from './ids';
import { CodebookEditError } from './codebook-errors';
import { descendantsOf } from './study';
import { relationsOf, relationsOfCode } from '../codebook/relations';
import { DEFAULT_RELATION_TYPES } from '../settings/relation-types';
import { relationEdits, type RelationEnds } from './relation-edits';

export { CodebookEditError } from './codebook-errors';

export interface CodeFields {
  readonly name?: string;
  readonly parent?: string | null;
  readonly color?: string;
  readonly definition?: string;
  readonly memo?: string;
}

/** A palette readable on light and dark backgrounds (Tableau 10), used round-robin for new codes. */
export const DEFAULT_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
] as const;

function requireCode(codebook: Codebook, id: string): Code {
  const code = codebook.codes.find((c) => c.id === id);
  if (!code) throw new CodebookEditError(`there is no code "${id}" in the codebook`);
  return code;
}

function checkFields(codebook: Codebook, id: string, fields: CodeFields): void {
  if (fields.color !== undefined && !COLOR.test(fields.color))
    throw new CodebookEditError(`colour "${fields.color}" is not #rrggbb`);
  if (fields.name !== undefined && fields.name.trim() === '')
    throw new CodebookEditError('a code needs a non-empty name');
  if (fields.parent) {
    requireCode(codebook, fields.parent);
    if (descendantsOf(codebook, id).has(fields.parent))
      throw new CodebookEditError(
        `"${fields.parent}" is "${id}" or one of its children: a code cannot be placed under itself`,
      );
  }
}

function applyFields(code: Code, fields: CodeFields): Code {
  const next: Record<string, unknown> = { ...code };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (value === null || value === '') delete next[key];
    else next[key] = value;
  }
  return next as unknown as Code;
}

/** Pure codebook edits, shared by the file operations below and by previews. */
export const codebookEdits = {
  add(codebook: Codebook, id: string, fields: CodeFields): Codebook {
    if (!CODE_ID.test(id))
      throw new CodebookEditError(`"${id}" is not a valid code id: use letters, digits, "-", "_" and "." (no spaces)`);
    if (codebook.codes.some((c) => c.id === id)) throw new CodebookEditError(`code "${id}" already exists`);
    checkFields(codebook, id, fields);
    const color = fields.color ?? DEFAULT_COLORS[codebook.codes.length % DEFAULT_COLORS.length];
    const code = applyFields({ id, name: fields.name ?? id, guid: newId() }, { ...fields, color });
    return { ...codebook, codes: [...codebook.codes, code] };
  },
  update(codebook: Codebook, id: string, fields: CodeFields): Codebook {
    requireCode(codebook, id);
    checkFields(codebook, id, fields);
    return { ...codebook, codes: codebook.codes.map((code) => (code.id === id ? applyFields(code, fields) : code)) };
  },
  /**
   * Removes `from`; its children move under `into`, and so do its relations: a relation between the two
   * codes is dropped (a code is not related to itself) and one that `into` already has is kept once, with
   * both memos.
   */
  merge(
    codebook: Codebook,
    from: string,
    into: string,
    relationTypes: readonly RelationType[] = DEFAULT_RELATION_TYPES,
  ): Codebook {
    requireCode(codebook, from);
    requireCode(codebook, into);
    if (from === into) throw new CodebookEditError('cannot merge a code into itself');
    if (descendantsOf(codebook, from).has(into))
      throw new CodebookEditError(`"${into}" is a child of "${from}": move it out first, or merge the other way round`);
    const merged: Codebook = {
      ...codebook,
      codes: codebook.codes
        .filter((code) => code.id !== from)
        .map((code) => (code.parent === from ? { ...code, parent: into } : code)),
    };
    return relationEdits.repoint(merged, from, into, relationTypes);
  },
  /**
   * Removes a code; its children move up to its parent. Refused while relations name the code unless
   * `removeRelations` is set (the caller has asked the person), in which case they go with it.
   */
  remove(codebook: Codebook, id: string, removeRelations = false): Codebook {
    const code = requireCode(codebook, id);
    const relations = relationsOfCode(codebook, id);
    if (relations.length > 0 && !removeRelations)
      throw new CodebookEditError(
        `code "${id}" is in ${relations.length} relation(s) (${relations.map(describeRelation).join('; ')}): remove them first, or confirm removing them with the code`,
      );
    const remaining = relationsOf(codebook).filter((r) => r.from !== id && r.to !== id);
    const { relations: _dropped, ...rest } = codebook;
    return {
      ...rest,
      codes: codebook.codes
        .filter((c) => c.id !== id)
        .map((c) => (c.parent === id ? applyFields(c, { parent: code.parent ?? null }) : c)),
      ...(remaining.length > 0 ? { relations: remaining } : {}),
    };
  },
  ...relationEdits,
};

/** "a causes b", for messages. */
export function describeRelation(relation: CodeRelation): string {
  return `${relation.from} ${relation.type} ${relation.to}`;
}

/** Applies a pure codebook edit to the codebook file through the safe-write path (holding its lock). */
export async function editCodebook(
  fs: FileSystemPort,
  codebookUri: string,
  edit: (codebook: Codebook) => Codebook,
  held?: HeldLocks,
): Promise<Codebook> {
  const result = await updateFile(fs, codebookUri, codebookCodec, (current) => edit(current ?? { codes: [] }), held);
  return result.value ?? { codes: [] };
}

/** Relates two codes in the codebook file (under its lock); refused with no write when the relation is not valid. */
export async function relateCodes(
  fs: FileSystemPort,
  codebookUri: string,
  relation: CodeRelation,
  relationTypes: readonly RelationType[],
): Promise<Codebook> {
  return editCodebook(fs, codebookUri, (codebook) => relationEdits.relate(codebook, relation, relationTypes));
}

/**
 * Removes the relations between two codes (of one type, or of every type) from the codebook file and returns
 * them; refused with no write when there is none.
 */
export async function unrelateCodes(
  fs: FileSystemPort,
  codebookUri: string,
  ends: RelationEnds,
  relationTypes: readonly RelationType[],
): Promise<CodeRelation[]> {
  let removed: CodeRelation[] = [];
  await editCodebook(fs, codebookUri, (codebook) => {
    removed = relationEdits.matching(codebook, ends, relationTypes);
    return relationEdits.unrelate(codebook, ends, relationTypes);
  });
  return removed;
}

/** Sets (or, with an empty memo, removes) the memo of one relation in the codebook file. */
export async function setRelationMemo(
  fs: FileSystemPort,
  codebookUri: string,
  relation: Pick<CodeRelation, 'from' | 'type' | 'to'>,
  memo: string,
  relationTypes: readonly RelationType[],
): Promise<Codebook> {
  return editCodebook(fs, codebookUri, (codebook) => relationEdits.setMemo(codebook, relation, memo, relationTypes));
}

/** Marks one code as the core category (no other code stays marked), or with null unmarks it. */
export async function setCoreCategory(fs: FileSystemPort, codebookUri: string, id: string | null): Promise<Codebook> {
  return editCodebook(fs, codebookUri, (codebook) => relationEdits.setCore(codebook, id));
}

/** The sidecars a study-wide rewrite covers: a list, or a way to list them once the codebook is locked. */
export type SidecarList = readonly string[] | (() => Promise<readonly string[]>);

/**
 * Runs a study-wide rewrite holding the codebook's lock, then every sidecar's (the one lock order), so no
 * coding action of another process or window interleaves with it: one that waits for the codebook lock
 * checks its code against the codebook as the rewrite left it.
 */
async function withStudyWideLocks<R>(
  fs: FileSystemPort,
  codebookUri: string,
  sidecars: SidecarList,
  task: (sidecarUris: readonly string[], held: HeldLocks) => Promise<R>,
): Promise<R> {
  return withFileLocks(fs, [codebookUri], async (codebookHeld) => {
    const uris = typeof sidecars === 'function' ? await sidecars() : sidecars;
    return withFileLocks(fs, lockOrder(undefined, uris), (held) => task(uris, held), codebookHeld);
  });
}

/** Every sidecar must load before a study-wide rewrite starts, so it never stops halfway. Throws FileLoadError. */
async function requireAllLoadable(fs: FileSystemPort, sidecarUris: readonly string[]): Promise<void> {
  for (const uri of sidecarUris) await readChecked(fs, uri, sidecarCodec);
}

/**
 * Rewrites the codings of every sidecar that has codings of `code` (under the locks the caller holds) and
 * returns how many codings of `code` there were: the rewrite may run again on a retry, so the count is that
 * of the attempt that was written.
 */
async function rewriteCodings(
  fs: FileSystemPort,
  sidecarUris: readonly string[],
  held: HeldLocks,
  code: string,
  rewrite: (codings: readonly Coding[]) => Coding[],
): Promise<number> {
  let total = 0;
  for (const uri of sidecarUris) {
    let here = 0;
    await updateFile(
      fs,
      uri,
      sidecarCodec,
      (sidecar) => {
        here = sidecar?.codings.filter((c) => c.code === code).length ?? 0;
        return sidecar && here > 0 ? { ...sidecar, codings: rewrite(sidecar.codings) } : undefined;
      },
      held,
    );
    total += here;
  }
  return total;
}

async function usesOf(fs: FileSystemPort, sidecarUris: readonly string[], id: string): Promise<number> {
  let uses = 0;
  for (const uri of sidecarUris) {
    const sidecar = await readChecked(fs, uri, sidecarCodec);
    uses += sidecar?.value.codings.filter((c) => c.code === id).length ?? 0;
  }
  return uses;
}

/**
 * Merges code `from` into `into` everywhere: first every sidecar (so an interruption leaves both codes in
 * the codebook and no coding with an unknown code), then the codebook. Returns the number of codings moved.
 * A coding that would duplicate an existing one of `into` on the same range is removed instead.
 */
export async function mergeCodes(
  fs: FileSystemPort,
  codebookUri: string,
  sidecars: SidecarList,
  from: string,
  into: string,
  currentCodebook: Codebook,
  relationTypes: readonly RelationType[] = DEFAULT_RELATION_TYPES,
): Promise<number> {
  codebookEdits.merge(currentCodebook, from, into, relationTypes); // validate before touching any file
  return withStudyWideLocks(fs, codebookUri, sidecars, async (sidecarUris, held) => {
    await requireAllLoadable(fs, sidecarUris);
    await readChecked(fs, codebookUri, codebookCodec); // a codebook that cannot be written stops us before any sidecar changes
    const moved = await rewriteCodings(fs, sidecarUris, held, from, (codings) => {
      const taken = new Set(codings.filter((c) => c.code === into).map((c) => `${c.start}:${c.end}`));
      return codings.flatMap((coding) => {
        if (coding.code !== from) return [coding];
        const key = `${coding.start}:${coding.end}`;
        if (taken.has(key)) return []; // the same passage already has `into`: one coding, not two
        taken.add(key);
        return [{ ...coding, code: into }];
      });
    });
    await editCodebook(fs, codebookUri, (codebook) => codebookEdits.merge(codebook, from, into, relationTypes), held);
    return moved;
  });
}

/** What deleting a code took with it. */
export interface DeletedCode {
  /** Codings of the code that were removed. */
  readonly codings: number;
  /** Relations that named the code, removed with it. */
  readonly relations: readonly CodeRelation[];
}

/**
 * Deletes a code. Refuses while codings use it unless `deleteCodings` is set (the caller has asked the
 * person), in which case those codings are removed first; likewise relations that name it and
 * `removeRelations`.
 */
export async function deleteCode(
  fs: FileSystemPort,
  codebookUri: string,
  sidecars: SidecarList,
  id: string,
  usage: number,
  deleteCodings: boolean,
  currentCodebook: Codebook,
  removeRelations = false,
): Promise<DeletedCode> {
  codebookEdits.remove(currentCodebook, id, removeRelations);
  if (usage > 0 && !deleteCodings) {
    throw new CodebookEditError(
      `code "${id}" is used by ${usage} coding(s): merge it into another code, or confirm deleting its codings too`,
    );
  }
  return withStudyWideLocks(fs, codebookUri, sidecars, async (sidecarUris, held) => {
    // A codebook that cannot be written stops us before any sidecar changes, and so does a relation on the
    // code added since the caller checked.
    const current = await readChecked(fs, codebookUri, codebookCodec);
    if (current) codebookEdits.remove(current.value, id, removeRelations);
    let removed = 0;
    if (!deleteCodings) {
      // Counted again under the locks: a coding on it may have been added since the caller counted.
      const uses = await usesOf(fs, sidecarUris, id);
      if (uses > 0)
        throw new CodebookEditError(
          `code "${id}" is used by ${uses} coding(s): merge it into another code, or confirm deleting its codings too`,
        );
    } else {
      await requireAllLoadable(fs, sidecarUris);
      removed = await rewriteCodings(fs, sidecarUris, held, id, (codings) => codings.filter((c) => c.code !== id));
    }
    let relations: CodeRelation[] = [];
    await editCodebook(
      fs,
      codebookUri,
      (codebook) => {
        relations = relationsOfCode(codebook, id);
        return codebookEdits.remove(codebook, id, removeRelations);
      },
      held,
    );
    return { codings: removed, relations };
  });
}
