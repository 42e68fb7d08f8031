/** What a picker row offers to be searched. */
export interface Searchable {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
}

/**
 * The row a query most plausibly means, ranked like a person reads a filtered list: a label that equals the
 * query, then one that starts with it, contains it, or contains its letters in order (fuzzy); then the
 * description, then the detail (a definition). Ties keep list order. Undefined when nothing matches.
 * A multi-select quick pick highlights no row while typing, so Enter would otherwise do nothing.
 */
export function bestMatch(items: readonly Searchable[], query: string): number | undefined {
  const q = query.trim().toLowerCase();
  if (q === '') return items.length > 0 ? 0 : undefined;
  let best: { index: number; score: number } | undefined;
  items.forEach((item, index) => {
    const score = Math.max(scoreOf(item.label, q, 40), scoreOf(item.description, q, 20), scoreOf(item.detail, q, 10));
    if (score > 0 && (!best || score > best.score)) best = { index, score };
  });
  return best?.index;
}

function scoreOf(text: string | undefined, query: string, weight: number): number {
  if (!text) return 0;
  const t = text.toLowerCase();
  if (t === query) return weight + 4;
  if (t.startsWith(query)) return weight + 3;
  if (t.includes(query)) return weight + 2;
  let at = 0;
  for (const char of query) {
    at = t.indexOf(char, at);
    if (at < 0) return 0;
    at++;
  }
  return weight + 1;
}
