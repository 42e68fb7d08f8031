import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

// Every document the repository refers to must be in it: a contributor who follows a reference has to find the
// text it points at. So no file may cite the documents the project was first written from (they are not part of
// the repository) or number sections with a section sign; every relative Markdown link must reach an existing
// file inside the repository (and heading, when it names one), and so must every repository path to a Markdown
// file written in code or configuration (e.g. "docs/ARCHITECTURE.md#the-write-contract" in a comment).

const repo = path.resolve(__dirname, '../../..');

/** Generated, installed or scratch folders: not the repository's text. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', 'dist', 'out', '.vscode-test', '.grounded-cache', 'tmp']);

/**
 * Names of the documents the project was first written from, none of which is in the repository; spelled in
 * pieces so that this file does not match itself.
 */
const OUTSIDE_DOCUMENTS = [
  new RegExp(`\\b${'ENGINEER'}ING\\b`),
  new RegExp(`${'VSCODE'}-TESTS`),
  new RegExp(`\\bdesign ${'card'}\\b`, 'i'),
];
const SECTION_SIGN = '\u00a7';

/** Top-level folders of the repository: a path to a Markdown file starting with one is repository-relative. */
const TOP_FOLDERS = ['docs', 'src', 'test', 'scripts', 'webview', 'schemas', 'media', 'syntaxes', 'examples'];

/** Paths of Markdown files as code and configuration write them: relative (./, ../) or from a top-level folder. */
const MARKDOWN_PATH = new RegExp(
  `(?:\\.{1,2}/|(?<![\\w./-])(?:${TOP_FOLDERS.join('|')})/)[\\w./-]*\\.md(?:#[\\w-]+)?`,
  'g',
);

interface TextFile {
  readonly path: string;
  readonly text: string;
}

function textFiles(root: string, folder = ''): TextFile[] {
  const files: TextFile[] = [];
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) files.push(...textFiles(root, relative));
    } else if (entry.isFile()) {
      const bytes = readFileSync(path.join(root, relative));
      if (!bytes.includes(0)) files.push({ path: relative, text: bytes.toString('utf8') }); // NUL: an image
    }
  }
  return files;
}

/** A Markdown file's text without fenced code blocks and code spans, which are not links or headings. */
function proseOf(markdown: string): string {
  return markdown.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[^\n]*$|(?![\s\S]))/gm, '');
}

/** The anchors of a Markdown file's ATX headings, as GitHub makes them (duplicates get -1, -2, …). */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const match of proseOf(markdown).matchAll(/^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/gm)) {
    const text = (match[1] as string)
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    let anchor = text;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${text}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

/** Inline link and image targets and reference definitions of a Markdown file (code left out). */
function markdownLinks(markdown: string): string[] {
  const prose = proseOf(markdown).replace(/(`+)[\s\S]*?\1/g, '');
  const inline = [...prose.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] as string);
  const definitions = [...prose.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1] as string);
  return [...inline, ...definitions];
}

/** What is wrong with a reference from `from` to `target` (a path, maybe with #anchor), or undefined. */
function checkTarget(root: string, from: string, target: string, base: 'file' | 'root'): string | undefined {
  const [pathPart = '', anchor] = target.split('#');
  const resolved =
    pathPart === ''
      ? path.join(root, from)
      : pathPart.startsWith('/') || base === 'root'
        ? path.join(root, pathPart)
        : path.join(root, path.dirname(from), pathPart);
  const inside = path.relative(root, resolved);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return `${target} points outside the repository`;
  if (!existsSync(resolved)) return `${target}: no such file in the repository`;
  if (anchor === undefined || anchor === '' || !resolved.endsWith('.md') || statSync(resolved).isDirectory())
    return undefined;
  return headingAnchors(readFileSync(resolved, 'utf8')).has(anchor)
    ? undefined
    : `${target}: ${inside} has no heading with the anchor #${anchor}`;
}

/** Every reference problem of the repository at `root`, as "path:line: what". */
function referenceProblems(root: string): string[] {
  const problems: string[] = [];
  for (const file of textFiles(root)) {
    const lineOf = (index: number) => file.text.slice(0, index).split('\n').length;
    for (const pattern of OUTSIDE_DOCUMENTS)
      for (const match of file.text.matchAll(new RegExp(pattern.source, pattern.flags + 'g')))
        problems.push(`${file.path}:${lineOf(match.index)}: cites "${match[0]}", a document outside the repository`);
    for (let at = file.text.indexOf(SECTION_SIGN); at >= 0; at = file.text.indexOf(SECTION_SIGN, at + 1))
      problems.push(
        `${file.path}:${lineOf(at)}: a ${SECTION_SIGN} section reference (name a heading's anchor instead)`,
      );
    if (file.path.endsWith('.md')) {
      for (const target of markdownLinks(file.text)) {
        if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) continue; // https:, mailto:, …: not a file of ours
        const problem = checkTarget(root, file.path, target, 'file');
        if (problem) problems.push(`${file.path}: link ${problem}`);
      }
    }
    for (const match of file.text.matchAll(MARKDOWN_PATH)) {
      const target = match[0];
      // In Markdown, a link's target was checked above; a path in prose or code is repository-relative.
      const base = target.startsWith('.') ? 'file' : 'root';
      const problem = checkTarget(root, file.path, target, base);
      if (problem) problems.push(`${file.path}:${lineOf(match.index)}: ${problem}`);
    }
  }
  return [...new Set(problems)];
}

describe('references to documents', function () {
  this.timeout(20_000);

  it('the repository cites no outside document or section number, and every link and path resolves', () => {
    assert.deepEqual(referenceProblems(repo), []);
  });

  describe('the checker', () => {
    // Fixture paths stay out of this file's own scan: "notes/" is not a folder the checker reads paths from,
    // and parent paths are built from `up`.
    const up = '..' + '/';
    let root: string;
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    };

    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), 'grounded-references-'));
      write('notes/GUIDE.md', '# Guide\n\n## The write contract\n\n## Tests\n\n## Tests\n');
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('accepts links and paths that resolve, and ignores code blocks, code spans and web links', () => {
      write(
        'README.md',
        [
          '# Readme',
          'See [the guide](notes/GUIDE.md#the-write-contract), [tests](notes/GUIDE.md#tests-1),',
          '[the top](#readme), [a folder](notes) and [the web](https://example.org/missing.md).',
          '`[not a link](missing.md)`',
          '```ts',
          '[not a link either](missing.md)',
          '# not a heading',
          '```',
        ].join('\n'),
      );
      write('notes/more.md', `[back](${up}README.md#readme)\n`);
      write('src/a.ts', `// why: ${up}notes/GUIDE.md#tests\n`);
      write('notes/image.png', `\u0000binary with ${SECTION_SIGN} inside`);
      assert.deepEqual(referenceProblems(root), []);
    });

    it('reports outside documents, section signs, missing files and anchors, and paths leaving the repository', () => {
      write('src/a.ts', `// see ${'ENGINEER'}ING ${SECTION_SIGN}4 and ${up}notes/GUIDE.md#persistence\n`);
      write('src/b.ts', `// as the Design ${'card'} says\n`);
      write('scripts/b.mjs', `// see ${up}${up}${up}shared/${'VSCODE'}-TESTS.md\n`);
      write('notes/more.md', `[gone](${up}README.md) [wrong heading](GUIDE.md#nothing) [same file](#nowhere)\n`);
      assert.deepEqual(
        referenceProblems(root).sort(),
        [
          'notes/more.md: link #nowhere: notes/more.md has no heading with the anchor #nowhere',
          'notes/more.md: link GUIDE.md#nothing: notes/GUIDE.md has no heading with the anchor #nothing',
          `notes/more.md: link ${up}README.md: no such file in the repository`,
          `notes/more.md:1: ${up}README.md: no such file in the repository`,
          `scripts/b.mjs:1: ${up}${up}${up}shared/${'VSCODE'}-TESTS.md points outside the repository`,
          `scripts/b.mjs:1: cites "${'VSCODE'}-TESTS", a document outside the repository`,
          `src/a.ts:1: ${up}notes/GUIDE.md#persistence: notes/GUIDE.md has no heading with the anchor #persistence`,
          `src/a.ts:1: a ${SECTION_SIGN} section reference (name a heading's anchor instead)`,
          `src/a.ts:1: cites "${'ENGINEER'}ING", a document outside the repository`,
          `src/b.ts:1: cites "Design ${'card'}", a document outside the repository`,
        ].sort(),
      );
    });
  });
});
