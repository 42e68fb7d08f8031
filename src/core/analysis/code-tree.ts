import type { Codebook } from '../model';
import { descendantsOf } from '../study/study';

/** A code as the analyses see it: its place in the tree and the ids whose codings it counts. */
export interface CodeInfo {
  readonly id: string;
  readonly name: string;
  readonly parent: string | null;
  readonly depth: number;
  readonly inCodebook: boolean;
  /** True when the code has children. */
  readonly category: boolean;
  /** The code and all its descendants: a category aggregates its children. */
  readonly members: readonly string[];
}

/**
 * Codebook codes in tree order (each code followed by its children, siblings by name then id, the order
 * `grounded codes` shows), then codes that codings use but the codebook lacks, by id. A code whose parent
 * is missing from the codebook is shown at the top level rather than dropped.
 */
export function codeTree(codebook: Codebook, usedIds: Iterable<string>): CodeInfo[] {
  const known = new Set(codebook.codes.map((code) => code.id));
  const isRoot = (parent: string | undefined) => parent === undefined || !known.has(parent);
  const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
    compare(a.name.toLowerCase(), b.name.toLowerCase()) || compare(a.id, b.id);
  const result: CodeInfo[] = [];
  const seen = new Set<string>();
  const visit = (children: readonly Codebook['codes'][number][], depth: number) => {
    for (const code of [...children].sort(byName)) {
      if (seen.has(code.id)) continue; // a parent cycle must not loop forever
      seen.add(code.id);
      const kids = codebook.codes.filter((c) => c.parent === code.id);
      result.push({
        id: code.id,
        name: code.name,
        parent: code.parent ?? null,
        depth,
        inCodebook: true,
        category: kids.length > 0,
        members: [...descendantsOf(codebook, code.id)].sort(compare),
      });
      visit(kids, depth + 1);
    }
  };
  visit(
    codebook.codes.filter((code) => isRoot(code.parent)),
    0,
  );
  for (const id of [...new Set(usedIds)].filter((id) => !known.has(id)).sort(compare)) {
    result.push({ id, name: id, parent: null, depth: 0, inCodebook: false, category: false, members: [id] });
  }
  return result;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
