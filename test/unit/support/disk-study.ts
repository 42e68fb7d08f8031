import { mkdtemp, rm, stat, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Coding } from '../../../src/core/model';
import { quoteSelector } from '../../../src/core/anchoring/selector';
import { serializeSidecar } from '../../../src/core/sidecar/format';
import { hashText } from '../../../src/core/text/hash';
import { codePointLength } from '../../../src/core/text/canonical';
import { pathToUri } from '../../../src/node/node-file-system';

export const P01 =
  'Interviewer: How did it start?\n\nP01: My assigned mentor was a chief I had never met. 🙂 Later an attending stayed after rounds.\n';
const P02 = 'Interviewer: And then?\r\n\r\nP02: I was close to burning out — sleeping four hours.\r\n';
const P02_CANONICAL = P02.replace(/\r\n/g, '\n');
const CODEBOOK = '# c\ngrounded: 1\ncodes:\n  - id: mentor\n    name: Mentor\n  - id: burnout\n    name: Burnout\n';

export function codingOf(
  text: string,
  quote: string,
  code: string,
  id: string,
  by: string,
  extra: Partial<Coding> = {},
): Coding {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`no "${quote}"`);
  const start = codePointLength(text.slice(0, at));
  const end = start + codePointLength(quote);
  return { id, code, start, end, ...quoteSelector(text, start, end), by, ...extra };
}

/**
 * A study on disk with every path loadStudy can take: canonical sidecars (fast path), a hand-written one
 * (real parser), a CRLF+BOM transcript, astral characters, an unknown code, a memo and a status, a coder
 * whose name disagrees with the file, a broken sidecar, a stray sidecar and a quote that disagrees with
 * the text under a matching hash.
 */
export const FILES: Record<string, string | Uint8Array> = {
  'grounded.yaml': 'grounded: 1\ntranscripts:\n  - transcripts/*.txt\n',
  'codebook.yaml': CODEBOOK,
  'transcripts/P01.txt': P01,
  'transcripts/P01.amara.codes.yaml': serializeSidecar({
    transcript: 'P01.txt',
    coder: 'amara',
    textHash: hashText(P01),
    codings: [
      codingOf(P01, 'My assigned mentor', 'mentor', 'a1', 'amara', { memo: 'first "memo"\nline two' }),
      codingOf(P01, 'an attending', 'informal', 'a2', 'amara'),
      codingOf(P01, '🙂 Later', 'mentor', 'a3', 'amara', { status: 'needs-review' }),
    ],
  }),
  // Hand-formatted: single quotes and a comment, so only the real parser reads it.
  'transcripts/P01.jonas.codes.yaml': `grounded: 1 # by hand\ntranscript: 'P01.txt'\ncoder: jonas\ntextHash: '${hashText(P01)}'\ncodings:\n  - {id: j1, code: mentor, start: 0, end: 11, quote: 'Interviewer', prefix: '', suffix: ': How did it sta'}\n`,
  // Says another coder than its name: refused on every load, cached or not.
  'transcripts/P01.bob.codes.yaml': serializeSidecar({
    transcript: 'P01.txt',
    coder: 'amara',
    textHash: hashText(P01),
    codings: [],
  }),
  'transcripts/P02.txt': new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(P02)]),
  'transcripts/P02.amara.codes.yaml': serializeSidecar({
    transcript: 'P02.txt',
    coder: 'amara',
    textHash: hashText(P02_CANONICAL),
    codings: [
      { ...codingOf(P02_CANONICAL, 'close to burning out', 'burnout', 'b1', 'amara'), quote: 'not what the text says' },
    ],
  }),
  'transcripts/P02.jonas.codes.yaml': 'grounded: 1\ntranscript: P02.txt\ncoder: jonas\ncodings: [\n',
  'transcripts/P09.amara.codes.yaml': serializeSidecar({
    transcript: 'P09.txt',
    coder: 'amara',
    textHash: 'sha256:00',
    codings: [],
  }),
};

export interface DiskStudy {
  readonly folder: string;
  readonly root: string;
  write(path: string, content: string | Uint8Array): Promise<void>;
  /** Rewrites a file with new content of the same size and gives it back its old mtime: a stat-keyed cache would be fooled. */
  replaceKeepingStat(path: string, from: string, to: string, content: string): Promise<void>;
  cleanup(): Promise<void>;
}

export async function diskStudy(files: Record<string, string | Uint8Array> = FILES): Promise<DiskStudy> {
  const parent = await mkdtemp(join(tmpdir(), 'grounded-cache-'));
  const folder = join(parent, 'study');
  const write = async (path: string, content: string | Uint8Array) => {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), content);
  };
  for (const [path, content] of Object.entries(files)) await write(path, content);
  return {
    folder,
    root: pathToUri(folder),
    write,
    replaceKeepingStat: async (path, from, to, content) => {
      if (from.length !== to.length) throw new Error('same size, or the size alone would give it away');
      const before = await stat(join(folder, path));
      await writeFile(join(folder, path), content.replace(from, to));
      await utimes(join(folder, path), before.atime, before.mtime);
    },
    cleanup: () => rm(parent, { recursive: true, force: true }),
  };
}
