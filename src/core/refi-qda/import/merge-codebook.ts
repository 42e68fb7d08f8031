import type { Code, Codebook } from '../../model';
import { CodeIds, keepGuid } from './map-codes';
import type { RefiCode } from './project-model';

export interface CodebookMerge {
  readonly codebook: Codebook;
  readonly added: readonly Code[];
  /** Codes of the file that the codebook already has, with the code they matched. */
  readonly skipped: readonly { readonly name: string; readonly existing: string; readonly how: 'guid' | 'name' }[];
}

/**
 * Adds a REFI-QDA codebook's codes to a codebook, by name: a code the codebook already has (the same GUID,
 * or the same name under the same parent, or the same name once anywhere) is left exactly as it is, and the
 * file's codes under it go under it; every other code is added under its parent, with its GUID, colour and
 * description. Pure: the caller applies it through the safe write path, on the codebook as it is then.
 */
export function mergeRefiCodebook(current: Codebook, codes: readonly RefiCode[]): CodebookMerge {
  const all: Code[] = [...current.codes];
  const ids = new CodeIds(all.map((code) => code.id));
  const guids = new Set(all.flatMap((code) => (code.guid === undefined ? [] : [code.guid.toLowerCase()])));
  const added: Code[] = [];
  const skipped: { name: string; existing: string; how: 'guid' | 'name' }[] = [];
  const visit = (code: RefiCode, parent: string | undefined) => {
    const match = existingCode(all, code, parent);
    if (match !== undefined) {
      skipped.push({ name: code.name, existing: match.code.id, how: match.how });
      for (const child of code.children) visit(child, match.code.id);
      return;
    }
    const next: Code = {
      id: ids.claim(code.name),
      name: code.name,
      ...(parent !== undefined ? { parent } : {}),
      ...(code.color !== undefined ? { color: code.color } : {}),
      ...(code.description !== undefined ? { definition: code.description } : {}),
      guid: keepGuid(code.guid, guids),
    };
    all.push(next);
    added.push(next);
    for (const child of code.children) visit(child, next.id);
  };
  for (const code of codes) visit(code, undefined);
  return { codebook: { codes: all }, added, skipped };
}

function existingCode(
  codes: readonly Code[],
  code: RefiCode,
  parent: string | undefined,
): { code: Code; how: 'guid' | 'name' } | undefined {
  if (code.guid !== undefined) {
    const byGuid = codes.find((c) => c.guid?.toLowerCase() === code.guid);
    if (byGuid) return { code: byGuid, how: 'guid' };
  }
  const key = nameKey(code.name);
  const sameName = codes.filter((c) => nameKey(c.name) === key);
  const underParent = sameName.find((c) => c.parent === parent);
  if (underParent) return { code: underParent, how: 'name' };
  return sameName.length === 1 ? { code: sameName[0] as Code, how: 'name' } : undefined;
}

/** Names compared as people read them: case, spacing and Unicode normal form do not make another code. */
function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
