import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { ALL_CODERS_VISIBLE, codeQueryText, loadStudy } from '../../src/core/index';
import { NodeFileSystem, pathToUri } from '../../src/node/node-file-system';
import { StudyShipper } from '../../src/extension/shared/study-shipper';
import type { StudyMessage } from '../../src/extension/shared/worker-messages';
import { SimilarService } from '../../src/extension/similar/worker/similar-service';
import type { FoundPassage, SimilarQuery } from '../../src/extension/similar/worker/messages';

// Find Similar Passages' Web Worker (dist/extension/similar-worker.web.js, as vscode.dev starts it) in headless
// Chromium: fed the example study the way the host ships it, it finds byte for byte what the same search finds on
// the page's own thread (the web entry's in-process path), and what it finds in Node: the same passages in the
// same order, the scores equal but for the last digits (the two engines' logarithms may differ in the last bit).

const CHROMIUM = process.env.GROUNDED_CHROMIUM ?? '/usr/bin/chromium';
const repoRoot = path.resolve(__dirname, '../..');

/** Structured-clone values through page.evaluate's JSON: Maps and Sets are tagged and rebuilt in the page. */
const tagged = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Map ? { __map: [...v] } : v instanceof Set ? { __set: [...v] } : v,
  );

describe('similar-passage Web Worker in a browser', function () {
  this.timeout(120_000);
  let browser: Browser;

  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });

  after(async () => {
    await browser?.close();
  });

  it('finds on the example study byte for byte what the page thread finds, and the passages Node finds', async () => {
    const study = await loadStudy(new NodeFileSystem(), pathToUri(path.join(repoRoot, 'examples/mentorship-study')));
    const messages: StudyMessage[] = [];
    await new StudyShipper((message) => messages.push(message)).ship(study);
    const code = study.codebook.codes.find((c) => codeQueryText(study, c.id).trim() !== '')?.id as string;
    const participants = new Set(study.transcripts.slice(0, 20).flatMap((t) => (t.participant ? [t.participant] : [])));
    const queries: SimilarQuery[] = [
      { text: codeQueryText(study, code), code, unit: 'sentence', limit: 50, exclude: [], locale: 'en' },
      { text: 'my mentor never had time for me', code, unit: 'turn', limit: 20, exclude: [], participants },
    ];
    const expected = queries.map((query) => new SimilarService().search(study, ALL_CODERS_VISIBLE, query));
    assert.ok(expected.every((found) => found.length > 0));

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('about:blank');
    const script = readFileSync(path.join(repoRoot, 'dist/extension/similar-worker.web.js'), 'utf8');
    // The in-process path of the web entry: the same service, bundled for the browser, on the page's thread.
    const inPage = await esbuild.build({
      stdin: {
        contents: [
          "import { SimilarService } from './src/extension/similar/worker/similar-service';",
          "import { StudyMirror } from './src/extension/shared/study-mirror';",
          '(window as any).searchInPage = (messages: any[], queries: any[], visible: any) => {',
          '  const mirror = new StudyMirror();',
          '  for (const message of messages) mirror.receive(message);',
          '  const service = new SimilarService();',
          '  return queries.map((query) => service.search(mirror.study as any, visible, query));',
          '};',
        ].join('\n'),
        resolveDir: repoRoot,
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    await page.addScriptTag({ content: inPage.outputFiles[0]?.text ?? '' });
    const found = await page.evaluate(
      `(async () => {
        const revive = (text) => JSON.parse(text, (key, v) =>
          v && typeof v === 'object' && '__map' in v ? new Map(v.__map) : v && typeof v === 'object' && '__set' in v ? new Set(v.__set) : v);
        const worker = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(script)}], { type: 'text/javascript' })));
        for (const message of revive(${JSON.stringify(tagged(messages))})) worker.postMessage(message);
        const results = [];
        for (const [job, query] of revive(${JSON.stringify(tagged(queries))}).entries()) {
          const answer = new Promise((resolve) => worker.addEventListener('message', (event) => event.data.job === job && resolve(event.data)));
          worker.postMessage({ type: 'search', job, visible: ${JSON.stringify(ALL_CODERS_VISIBLE)}, query });
          results.push(await answer);
        }
        worker.terminate();
        const messages = revive(${JSON.stringify(tagged(messages))});
        const queries = revive(${JSON.stringify(tagged(queries))});
        return JSON.stringify({ results, inPage: window.searchInPage(messages, queries, ${JSON.stringify(ALL_CODERS_VISIBLE)}) });
      })()`,
    );
    assert.deepEqual(errors, []);
    const { results, inPage: onThePage } = JSON.parse(found as string) as {
      results: { type: string; passages: FoundPassage[] }[];
      inPage: FoundPassage[][];
    };
    assert.deepEqual(
      results.map((a) => a.type),
      ['found', 'found'],
    );
    const fromWorker = results.map((a) => a.passages);
    assert.equal(JSON.stringify(fromWorker), JSON.stringify(onThePage), 'the Web Worker and the page thread differ');
    const withoutScores = (all: FoundPassage[][]) => all.map((found) => found.map(({ score: _, ...rest }) => rest));
    assert.deepEqual(withoutScores(fromWorker), withoutScores(expected), 'the browser finds other passages than Node');
    fromWorker.flat().forEach((passage, i) => {
      const score = expected.flat()[i]?.score as number;
      assert.ok(Math.abs(passage.score - score) <= 1e-12 * score, `score ${passage.score} vs ${score} in Node`);
    });
    await page.close();
  });
});
