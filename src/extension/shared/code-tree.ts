import type { Code, Codebook } from '../../core/index';

/** Codes in tree order (each code followed by its children, siblings by name), with their ancestor names. */
export function codesInTreeOrder(codebook: Codebook): { code: Code; path: string[] }[] {
  const byParent = new Map<string | undefined, Code[]>();
  const known = new Set(codebook.codes.map((c) => c.id));
  for (const code of codebook.codes) {
    // A parent missing from the codebook would hide the code: show it at the top instead.
    const parent = code.parent !== undefined && known.has(code.parent) ? code.parent : undefined;
    byParent.set(parent, [...(byParent.get(parent) ?? []), code]);
  }
  const result: { code: Code; path: string[] }[] = [];
  const visit = (parent: string | undefined, path: string[], seen: Set<string>) => {
    const children = [...(byParent.get(parent) ?? [])].sort(
      (a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1),
    );
    for (const code of children) {
      if (seen.has(code.id)) continue;
      result.push({ code, path });
      visit(code.id, [...path, code.name], new Set([...seen, code.id]));
    }
  };
  visit(undefined, [], new Set());
  return result;
}

/** "Category › Subcategory" for a code's ancestors ('' at the top level). */
export function categoryLabel(path: readonly string[]): string {
  return path.join(' › ');
}
