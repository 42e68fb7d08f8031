import type { Memo } from '../model';
import type { Loaded } from '../problems';
import { parseYamlSafely } from '../yaml/safe-parse';
import { conflictMarkerProblems } from '../yaml/conflict-markers';

/**
 * A memo is a Markdown file with optional YAML front matter (`title:`, `codes: [...]`, `date:`): plain text
 * that reads well on GitHub and diffs well in git. Grounded only reads memos; people write them.
 */
export function parseMemo(uri: string, text: string, fallbackTitle: string): Loaded<Memo> {
  const markers = conflictMarkerProblems(uri, text, 'resolve the merge conflict');
  if (markers.length > 0) return { ok: false, problems: markers };
  const frontMatter = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!frontMatter)
    return {
      ok: true,
      value: { uri, title: firstHeading(text) ?? fallbackTitle, codes: [], body: text },
      warnings: [],
    };
  const parsed = parseYamlSafely(uri, frontMatter[1] as string);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ ...p, line: p.line + 1 })) };
  const data = (parsed.file.data ?? {}) as Record<string, unknown>;
  const body = text.slice(frontMatter[0].length);
  const codes = Array.isArray(data['codes']) ? data['codes'].filter((c): c is string => typeof c === 'string') : [];
  const title = typeof data['title'] === 'string' ? data['title'] : (firstHeading(body) ?? fallbackTitle);
  return { ok: true, value: { uri, title, codes, body }, warnings: [] };
}

function firstHeading(markdown: string): string | undefined {
  return /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim();
}
