import type { Code } from '../../model';
import { newId, slugify } from '../../study/ids';
import type { RefiCode } from './project-model';

/** Code ids in use, compared ignoring case so that two ids never differ in case only. */
export class CodeIds {
  private readonly taken = new Set<string>();

  constructor(existing: Iterable<string> = []) {
    for (const id of existing) this.taken.add(id.toLowerCase());
  }

  /** A new id from a name: its slug, with -2, -3… when taken. */
  claim(name: string): string {
    const base = slugify(name);
    let id = base;
    for (let i = 2; this.taken.has(id.toLowerCase()); i++) id = `${base}-${i}`;
    this.taken.add(id.toLowerCase());
    return id;
  }
}

/** A GUID usable as a code's `guid`: the project's, unless another code has it already. */
export function keepGuid(guid: string | undefined, used: Set<string>): string {
  const kept = guid !== undefined && !used.has(guid) ? guid : newId();
  used.add(kept);
  return kept;
}

/**
 * The project's code tree as Grounded codes: ids from the names (unique), hierarchy through `parent`, the
 * GUIDs kept (so a later export gives the codes the GUIDs the other program knows), colour, the description
 * as the definition and the notes on the code as its memo. Codes that cannot be coded (isCodable=false) are
 * categories: Grounded has no separate flag, a category is a code other codes sit under.
 */
export function mapCodes(
  codes: readonly RefiCode[],
  memoOf: (noteRefs: readonly string[]) => string | undefined,
): { codes: Code[]; idOfGuid: Map<string, string> } {
  const ids = new CodeIds();
  const guids = new Set<string>();
  const result: Code[] = [];
  const idOfGuid = new Map<string, string>();
  const visit = (code: RefiCode, parent: string | undefined) => {
    const id = ids.claim(code.name);
    const guid = keepGuid(code.guid, guids);
    if (code.guid !== undefined && !idOfGuid.has(code.guid)) idOfGuid.set(code.guid, id);
    const memo = memoOf(code.noteRefs);
    result.push({
      id,
      name: code.name,
      ...(parent !== undefined ? { parent } : {}),
      ...(code.color !== undefined ? { color: code.color } : {}),
      ...(code.description !== undefined ? { definition: code.description } : {}),
      ...(memo !== undefined ? { memo } : {}),
      guid,
    });
    for (const child of code.children) visit(child, id);
  };
  for (const code of codes) visit(code, undefined);
  return { codes: result, idOfGuid };
}
