import { MemoryFileSystem } from '../../../../src/core/ports/memory-file-system';
import { hashText } from '../../../../src/core/text/hash';
import { loadStudy } from '../../../../src/core/study/load-study';
import type { Study } from '../../../../src/core/study/study';
import { serializeSidecar } from '../../../../src/core/sidecar/format';
import { codingOf } from '../../support/disk-study';

export const ROOT = 'memory:/study';

/**
 * Three interviews where the answer is known: P01 talks about sleep and exhaustion in one sentence, P02 has
 * a sentence saying nearly the same in other order, P03 a weaker match (two of the words) and the rest about
 * mentoring. Stop words ("I", "the", "and") are everywhere, so they cannot decide the ranking.
 */
export const TEXTS: Record<string, string> = {
  'P01.txt': [
    'Interviewer: How was the second year?',
    '',
    'P01: I was exhausted and sleeping four hours a night on call. The mentor I had was kind.',
    '',
  ].join('\n'),
  'P02.txt': [
    'Interviewer: And the nights?',
    '',
    'P02: The program was fine. On call I was sleeping four hours, always exhausted by the night.',
    '',
    'P02: My mentor and I met every week and I liked the program.',
    '',
  ].join('\n'),
  'P03.txt': [
    'Interviewer: Tell me about the hours.',
    '',
    'P03: The hours were long but I was never exhausted. 🙂 I found a mentor on my own.',
    '',
    'P03: Sleeping was fine and the attending was a mentor to me.',
    '',
  ].join('\n'),
};

export const CODEBOOK =
  'grounded: 1\ncodes:\n  - id: burnout\n    name: Burnout\n  - id: exhaustion\n    name: Exhaustion\n    parent: burnout\n  - id: mentoring\n    name: Mentoring\n';

/** The study in memory; `codings` are (transcript, quote, code) coded by "amara". */
export async function fixtureStudy(
  codings: readonly [transcript: string, quote: string, code: string][] = [],
  extra: Record<string, string> = {},
): Promise<{ fs: MemoryFileSystem; study: Study }> {
  const fs = new MemoryFileSystem();
  fs.put(`${ROOT}/grounded.yaml`, 'grounded: 1\ntranscripts:\n  - "*.txt"\n');
  fs.put(`${ROOT}/codebook.yaml`, CODEBOOK);
  for (const [name, text] of Object.entries(TEXTS)) fs.put(`${ROOT}/${name}`, text);
  for (const name of Object.keys(TEXTS)) {
    const text = TEXTS[name] as string;
    const mine = codings.filter(([t]) => t === name);
    if (mine.length === 0) continue;
    const sidecar = serializeSidecar({
      transcript: name,
      coder: 'amara',
      textHash: hashText(text),
      codings: mine.map(([, quote, code], i) => codingOf(text, quote, code, `${name}-${i}`, 'amara')),
    });
    fs.put(`${ROOT}/${name.replace('.txt', '')}.amara.codes.yaml`, sidecar);
  }
  for (const [path, text] of Object.entries(extra)) fs.put(`${ROOT}/${path}`, text);
  return { fs, study: await loadStudy(fs, ROOT) };
}
