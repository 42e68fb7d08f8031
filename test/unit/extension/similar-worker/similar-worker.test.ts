/**
 * Find Similar Passages' worker finds byte for byte the passages the in-process path finds, and both find what
 * the core's index and search find on the host thread (what the extension did before the worker): on the example
 * study and on a generated bench study, for code and text queries, both units, exclusions, a participant filter,
 * dismissals and blind coding, in a real worker_threads worker; after a change it ships only what changed; when
 * the worker dies, the search is done in-process and the reason logged.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  ALL_CODERS_VISIBLE,
  codeQueryText,
  dismissalOf,
  findSimilarPassages,
  loadStudy,
  SimilarIndex,
  visibleCoders,
  visibleStudy,
  withDismissals,
  type SimilarPassage,
  type Study,
  type VisibleCoders,
} from '../../../../src/core/index';
import { NodeFileSystem, pathToUri } from '../../../../src/node/node-file-system';
import { generateStudy } from '../../../../scripts/bench/generate';
import type {
  ToSimilarWorker,
  FromSimilarWorker,
  SimilarQuery,
} from '../../../../src/extension/similar/worker/messages';
import { InProcessSimilarSearcher } from '../../../../src/extension/similar/worker/similar-searcher';
import { similarRequest } from '../../../../src/extension/similar/worker/similar-service';
import {
  WorkerSimilarSearcher,
  type SimilarWorkerHandle,
} from '../../../../src/extension/similar/worker/worker-similar-searcher';

const EXAMPLE = join(__dirname, '../../../../examples/mentorship-study');
const WORKER = join(__dirname, '../../../../src/extension/similar/worker/node-worker.ts');

/** The real worker script, its TypeScript loaded by tsx as mocha's is. */
function startWorker(): SimilarWorkerHandle & { posted: ToSimilarWorker[] } {
  const worker = new Worker(WORKER, { execArgv: ['--require', 'tsx/cjs'] });
  const posted: ToSimilarWorker[] = [];
  return {
    posted,
    post: (message, transfer) => {
      posted.push(message);
      worker.postMessage(message, transfer ? [...transfer] : undefined);
    },
    onMessage: (listener) => worker.on('message', (message: FromSimilarWorker) => listener(message)),
    onError: (listener) => worker.on('error', listener),
    terminate: () => void worker.terminate(),
  };
}

/** A passage with its transcript named by URI: the transcript object itself is checked apart. */
function shown(passages: readonly SimilarPassage[]): string {
  return JSON.stringify(passages.map(({ transcript, ...passage }) => ({ transcript: transcript.uri, ...passage })));
}

/** One index per study, kept between searches as the extension kept it. */
const hostIndexes = new WeakMap<Study, SimilarIndex>();

/**
 * What the extension did on the host thread before the worker: the core's index and search over the shown study.
 * `index`: one kept from earlier searches (an index updated in place scores in the last digits as it did then).
 */
function onTheHostThread(
  study: Study,
  visible: VisibleCoders,
  query: SimilarQuery,
  index = hostIndexes.get(study) ?? new SimilarIndex(query.locale),
): SimilarPassage[] {
  hostIndexes.set(study, index);
  index.update(study.transcripts);
  return findSimilarPassages(index, visibleStudy(study, visible), similarRequest(query));
}

/** Queries of every kind the list makes: a code's quotes, a coding (excluded), a text, turns, filters, dismissals. */
function queriesFor(study: Study): SimilarQuery[] {
  const codes = study.codebook.codes.map((code) => code.id).filter((id) => codeQueryText(study, id).trim() !== '');
  assert.ok(codes.length >= 2, 'the study has coded codes');
  const [a, b] = [codes[0] as string, codes[1] as string];
  const transcript = study.transcripts[0] as Study['transcripts'][number];
  const coding = transcript.sidecars[0]?.sidecar.codings[0];
  assert.ok(coding, 'the first transcript has a coding');
  const base = { unit: 'sentence', limit: 50, exclude: [], locale: 'en' } as const;
  const participants = new Set(
    study.transcripts
      .slice(0, Math.ceil(study.transcripts.length / 2))
      .map((t) => t.participant)
      .filter((p): p is string => p !== undefined),
  );
  const plain = [
    { ...base, text: codeQueryText(study, a), code: a },
    { ...base, text: codeQueryText(study, b), code: b, unit: 'turn' as const },
    {
      ...base,
      text: coding.quote,
      code: coding.code,
      exclude: [{ transcriptUri: transcript.uri, start: coding.start, end: coding.end }],
    },
    { ...base, text: 'my mentor never had time for feedback on the research paper', code: a, participants },
  ];
  return plain.flatMap((query) => [query, { ...query, dismissals: dismissTheFirstTwo(study, query) }]);
}

/** The same query with its first two results dismissed for its code (as Ctrl+Delete writes them). */
function dismissTheFirstTwo(study: Study, query: SimilarQuery) {
  const found = onTheHostThread(study, ALL_CODERS_VISIBLE, query).slice(0, 2);
  assert.equal(found.length, 2, 'the query finds passages to dismiss');
  return withDismissals(
    undefined,
    found.map((p) => dismissalOf(query.code as string, p.transcript.path, p.text)),
  );
}

async function assertSamePassages(study: Study, views: readonly VisibleCoders[]): Promise<void> {
  const inProcess = new InProcessSimilarSearcher();
  const worker = new WorkerSimilarSearcher(startWorker(), (message) => assert.fail(message));
  const queries = queriesFor(study);
  try {
    for (const visible of views)
      for (const query of queries) {
        const expected = onTheHostThread(study, visible, query);
        assert.ok(expected.length > 0, `a real search: ${query.text.slice(0, 40)}`);
        const local = await inProcess.search(study, visible, query);
        const remote = await worker.search(study, visible, query);
        assert.equal(shown(local), shown(expected), 'in-process differs from the host-thread search');
        assert.equal(shown(remote), shown(expected), `the worker differs for ${JSON.stringify(query).slice(0, 80)}`);
        const own = new Set(study.transcripts);
        assert.ok(
          remote.every((p) => own.has(p.transcript)),
          "results carry the host's own transcripts",
        );
      }
    assert.equal(worker.where, 'worker');
  } finally {
    worker.dispose();
  }
}

describe('similar-passage worker', function () {
  this.timeout(180_000);

  it('finds on the example study byte for byte what the host thread finds (every query kind, blind coding too)', async () => {
    const study = await loadStudy(new NodeFileSystem(), pathToUri(EXAMPLE));
    const coder = study.transcripts[0]?.sidecars[0]?.coder as string;
    await assertSamePassages(study, [ALL_CODERS_VISIBLE, visibleCoders(true, coder)]);
  });

  it('finds on a generated bench study byte for byte what the host thread finds', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'grounded-similar-worker-'));
    try {
      generateStudy(folder, {
        name: 'S',
        transcripts: 12,
        codingsPerTranscript: 60,
        surveyRows: 12,
        words: [2000, 4000],
      });
      await assertSamePassages(await loadStudy(new NodeFileSystem(), pathToUri(folder)), [ALL_CODERS_VISIBLE]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('after a transcript changed, ships only that transcript and finds what the host thread finds', async () => {
    const study = await loadStudy(new NodeFileSystem(), pathToUri(EXAMPLE));
    const handle = startWorker();
    const worker = new WorkerSimilarSearcher(handle, (message) => assert.fail(message));
    try {
      const [query] = queriesFor(study) as [SimilarQuery];
      const kept = new SimilarIndex(query.locale);
      assert.equal(
        shown(await worker.search(study, ALL_CODERS_VISIBLE, query)),
        shown(onTheHostThread(study, ALL_CODERS_VISIBLE, query, kept)),
      );
      const [first, ...rest] = study.transcripts;
      assert.ok(first);
      const extra = 'My mentor never had time for feedback on my research paper.';
      const changed: Study = {
        ...study,
        transcripts: [{ ...first, text: `${first.text}\nP: ${extra}\n`, textHash: `${first.textHash}*` }, ...rest],
      };
      const text = { ...query, text: extra };
      const found = await worker.search(changed, ALL_CODERS_VISIBLE, text);
      assert.equal(shown(found), shown(onTheHostThread(changed, ALL_CODERS_VISIBLE, text, kept)));
      assert.equal(found[0]?.text, extra, 'the changed transcript was indexed again');
      const sent = handle.posted.flatMap((m) => (m.type === 'transcripts' ? m.items : []));
      assert.equal(sent.length, study.transcripts.length + 1);
    } finally {
      worker.dispose();
    }
  });

  it('searches in-process, with the reason logged, when the worker dies', async () => {
    const study = await loadStudy(new NodeFileSystem(), pathToUri(EXAMPLE));
    const logged: string[] = [];
    let fail: (error: Error) => void = () => undefined;
    const dying: SimilarWorkerHandle = { ...startWorker(), onError: (listener) => (fail = listener) };
    const worker = new WorkerSimilarSearcher(dying, (message) => logged.push(message));
    try {
      fail(new Error('out of memory'));
      const [query] = queriesFor(study) as [SimilarQuery];
      assert.equal(
        shown(await worker.search(study, ALL_CODERS_VISIBLE, query)),
        shown(onTheHostThread(study, ALL_CODERS_VISIBLE, query)),
      );
      assert.equal(worker.where, 'in-process (the similar-passage worker stopped: out of memory)');
      assert.deepEqual(logged, [
        'Similar passages are searched in-process from now on: the similar-passage worker stopped: out of memory',
      ]);
    } finally {
      worker.dispose();
    }
  });
});
