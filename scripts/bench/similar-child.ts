/**
 * One measured process of the similar-passage benchmark (bundled by run.ts like the CLI). It loads the study
 * through the CLI's openStudy, then times what `grounded similar` and Find Similar Passages do: building the
 * sentence and the turn index, a search from a code's quotes and from a short text, the update after one
 * transcript changed, and the same search again on the kept index. Each is printed beside a baseline measured
 * in the same process on the same text: one regular-expression scan of every transcript for the query's words
 * (what a search without an index has to do, at the least, every time).
 */
import { openStudy } from '../../src/cli/study-root';
import { cliFileSystem } from '../../src/cli/file-system';
import type { CommandContext } from '../../src/cli/command';
import { codeQueryText, findSimilarPassages, queryTerms, SimilarIndex, type Study } from '../../src/core/index';

export interface SimilarRequest {
  readonly study: string;
}

export interface SimilarFigures {
  readonly transcripts: number;
  readonly megabytes: number;
  readonly sentences: number;
  readonly turns: number;
  readonly sentenceIndexMs: number;
  readonly turnIndexMs: number;
  readonly codeQueryMs: number;
  readonly textQueryMs: number;
  readonly updateOneMs: number;
  readonly scanMs: number;
  readonly maxRssMb: number;
}

const TEXT_QUERY = 'my mentor never had time for feedback on the research paper';

/** Best of three: the machine is shared, the minimum is the least disturbed. */
function bestOf(runs: number, work: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

function scanFor(study: Study, words: readonly string[]): number {
  const pattern = new RegExp(`\\b(?:${words.join('|')})\\b`, 'giu');
  let hits = 0;
  for (const t of study.transcripts) for (const _ of t.text.matchAll(pattern)) hits++;
  return hits;
}

async function measure(request: SimilarRequest): Promise<SimilarFigures> {
  const fs = cliFileSystem();
  const context = { io: { cwd: request.study, env: process.env }, fs } as unknown as CommandContext;
  const study = await openStudy(context, request.study);
  const index = new SimilarIndex();
  index.update(study.transcripts);
  let t = performance.now();
  const sentences = index.unit('sentence');
  const sentenceIndexMs = performance.now() - t;
  t = performance.now();
  const turns = index.unit('turn');
  const turnIndexMs = performance.now() - t;

  const code = study.codebook.codes[0]?.id as string;
  const codeText = codeQueryText(study, code);
  const codeQueryMs = bestOf(3, () => findSimilarPassages(index, study, { text: codeText, code }));
  const textQueryMs = bestOf(3, () => findSimilarPassages(index, study, { text: TEXT_QUERY }));
  const words = [...queryTerms(TEXT_QUERY, sentences).keys()];
  const scanMs = bestOf(3, () => scanFor(study, words));

  // One transcript edited: only its passages are indexed again.
  const edited = study.transcripts.map((tr, i) =>
    i === 0 ? { ...tr, text: tr.text + '\nP: one more sentence.\n', textHash: tr.textHash + '*' } : tr,
  );
  t = performance.now();
  index.update(edited);
  const updateOneMs = performance.now() - t;

  return {
    transcripts: study.transcripts.length,
    megabytes: study.transcripts.reduce((sum, tr) => sum + tr.text.length, 0) / 1e6,
    sentences: sentences.passageCount,
    turns: turns.passageCount,
    sentenceIndexMs,
    turnIndexMs,
    codeQueryMs,
    textQueryMs,
    updateOneMs,
    scanMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const request = JSON.parse(process.argv[2] ?? '{}') as SimilarRequest;
measure(request).then(
  (figures) => process.stdout.write(JSON.stringify(figures) + '\n'),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
