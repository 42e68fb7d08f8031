/**
 * The analysis panel's report worker gives byte for byte the report the in-process path gives, on the
 * example study and on a generated bench study (S), in a real worker_threads worker (the study crosses by
 * structured clone, the survey is read through the host's port), and ships only what changed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  ALL_CODERS_VISIBLE,
  buildQdpx,
  buildRPackage,
  loadStudy,
  visibleCoders,
  type Study,
} from '../../../../src/core/index';
import { NodeFileSystem, pathToUri } from '../../../../src/node/node-file-system';
import { generateStudy } from '../../../../scripts/bench/generate';
import { InProcessReportComputer } from '../../../../src/extension/analysis-panel/report-worker/report-computer';
import type { EncodedOutcome } from '../../../../src/extension/analysis-panel/report-worker/encoded-report';
import {
  ReportSuperseded,
  WorkerReportComputer,
  type WorkerHandle,
} from '../../../../src/extension/analysis-panel/report-worker/worker-report-computer';
import type { FromWorker, ToWorker } from '../../../../src/extension/analysis-panel/report-worker/messages';
import type { ReportRequestState } from '../../../../webview/protocol';
import { loadSurvey, SurveyCache } from '../../../../src/core/analysis/index';
import { parseSurveyInWorker } from '../../../../src/extension/analysis-panel/report-worker/survey-parser';

const EXAMPLE = join(__dirname, '../../../../examples/mentorship-study');
const WORKER = join(__dirname, '../../../../src/extension/analysis-panel/report-worker/node-worker.ts');

/** The real worker script, its TypeScript loaded by tsx as mocha's is. */
function startWorker(): WorkerHandle & { posted: ToWorker[] } {
  const worker = new Worker(WORKER, { execArgv: ['--require', 'tsx/cjs'] });
  const posted: ToWorker[] = [];
  return {
    posted,
    post: (message, transfer) => {
      posted.push(message);
      worker.postMessage(message, transfer ? [...transfer] : undefined);
    },
    onMessage: (listener) => worker.on('message', (message: FromWorker) => listener(message)),
    onError: (listener) => worker.on('error', listener),
    terminate: () => void worker.terminate(),
  };
}

/** An outcome as text: the report's bytes decoded, so byte-identical reports compare equal and only those. */
function shown(outcome: EncodedOutcome): string {
  return JSON.stringify(outcome.ok ? { ...outcome, encoded: new TextDecoder().decode(outcome.encoded) } : outcome);
}

const REQUESTS: ReportRequestState[] = [
  { by: 'gender', coders: null, filters: [] },
  { by: null, coders: null, filters: [] },
];

async function assertSameReports(study: Study, fs: NodeFileSystem, requests: readonly ReportRequestState[]) {
  const inProcess = new InProcessReportComputer(fs);
  const worker = new WorkerReportComputer(startWorker(), fs, (message) => assert.fail(message));
  try {
    for (const request of requests) {
      const outcome = await inProcess.report(study, ALL_CODERS_VISIBLE, request);
      const expected = shown(outcome);
      const actual = shown(await worker.report(study, ALL_CODERS_VISIBLE, request));
      assert.ok(!outcome.ok || expected.length > 1000, 'a real report');
      assert.equal(actual, expected, `worker and in-process reports differ for ${JSON.stringify(request)}`);
    }
    assert.equal(worker.where, 'worker');
  } finally {
    worker.dispose();
  }
}

describe('report worker', function () {
  this.timeout(120_000);

  it('builds the example study report byte for byte as in-process (every request, blind coding too)', async () => {
    const fs = new NodeFileSystem();
    const study = await loadStudy(fs, pathToUri(EXAMPLE));
    await assertSameReports(study, fs, [
      ...REQUESTS,
      { by: 'gender', coders: ['amara'], filters: [] },
      { by: 'no-such-column', coders: null, filters: [] },
    ]);
    const inProcess = new InProcessReportComputer(fs);
    const worker = new WorkerReportComputer(startWorker(), fs, (message) => assert.fail(message));
    try {
      const blind = visibleCoders(true, 'amara');
      const request = REQUESTS[0] as ReportRequestState;
      assert.equal(
        shown(await worker.report(study, blind, request)),
        shown(await inProcess.report(study, blind, request)),
      );
      const codes = study.codebook.codes.map((code) => code.id);
      const [a, b] = [codes[0] as string, codes[1] as string];
      assert.deepEqual(
        await worker.overlaps(study, ALL_CODERS_VISIBLE, request, a, b),
        await inProcess.overlaps(study, ALL_CODERS_VISIBLE, request, a, b),
      );
    } finally {
      worker.dispose();
    }
  });

  it('builds a generated bench study (S) byte for byte as in-process', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'grounded-worker-'));
    try {
      generateStudy(folder, {
        name: 'S',
        transcripts: 44,
        codingsPerTranscript: 150,
        surveyRows: 44,
        words: [5000, 15000],
      });
      const fs = new NodeFileSystem();
      await assertSameReports(await loadStudy(fs, pathToUri(folder)), fs, REQUESTS);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('sends a transcript once: the next version of the study sends only the transcript that changed', async () => {
    const fs = new NodeFileSystem();
    const study = await loadStudy(fs, pathToUri(EXAMPLE));
    const handle = startWorker();
    const worker = new WorkerReportComputer(handle, fs, (message) => assert.fail(message));
    try {
      const request = REQUESTS[0] as ReportRequestState;
      await worker.report(study, ALL_CODERS_VISIBLE, request);
      assert.equal(worker.transcriptsSent, study.transcripts.length);
      const [first, ...rest] = study.transcripts;
      assert.ok(first);
      const changed: Study = { ...study, transcripts: [{ ...first }, ...rest] };
      const expected = shown(await new InProcessReportComputer(fs).report(changed, ALL_CODERS_VISIBLE, request));
      assert.equal(shown(await worker.report(changed, ALL_CODERS_VISIBLE, request)), expected);
      assert.equal(worker.transcriptsSent, study.transcripts.length + 1);
    } finally {
      worker.dispose();
    }
  });

  it('drops the report requests a newer one overtook before they started', async () => {
    const fs = new NodeFileSystem();
    const study = await loadStudy(fs, pathToUri(EXAMPLE));
    const worker = new WorkerReportComputer(startWorker(), fs, (message) => assert.fail(message));
    try {
      const request = REQUESTS[0] as ReportRequestState;
      const running = worker.report(study, ALL_CODERS_VISIBLE, request);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const overtaken = worker.report(study, ALL_CODERS_VISIBLE, { ...request, by: null });
      const latest = worker.report(study, ALL_CODERS_VISIBLE, request);
      assert.ok((await running).ok, 'a job already started is answered');
      await assert.rejects(overtaken, ReportSuperseded);
      assert.ok((await latest).ok);
    } finally {
      worker.dispose();
    }
  });

  it('falls back to in-process, with the reason logged, when the worker dies', async () => {
    const fs = new NodeFileSystem();
    const study = await loadStudy(fs, pathToUri(EXAMPLE));
    const logged: string[] = [];
    const handle = startWorker();
    let fail: (error: Error) => void = () => undefined;
    const dying: WorkerHandle = { ...handle, onError: (listener) => (fail = listener) };
    const worker = new WorkerReportComputer(dying, fs, (message) => logged.push(message));
    try {
      fail(new Error('out of memory'));
      const request = REQUESTS[0] as ReportRequestState;
      const outcome = await worker.report(study, ALL_CODERS_VISIBLE, request);
      assert.equal(
        shown(outcome),
        shown(await new InProcessReportComputer(fs).report(study, ALL_CODERS_VISIBLE, request)),
      );
      assert.match(worker.where, /^in-process \(the report worker stopped: out of memory\)/);
      assert.deepEqual(logged, [
        'Reports are computed in-process from now on: the report worker stopped: out of memory',
      ]);
    } finally {
      worker.dispose();
    }
  });

  it('parses the example survey in a worker of its own to what loadSurvey gives in-process', async () => {
    const fs = new NodeFileSystem();
    const study = await loadStudy(fs, pathToUri(EXAMPLE));
    const started: ReturnType<typeof startWorker>[] = [];
    const cache = new SurveyCache(
      parseSurveyInWorker(() => {
        const handle = startWorker();
        started.push(handle);
        return handle;
      }),
      0,
    );
    const inWorker = await loadSurvey(fs, study, cache);
    assert.equal(cache.lastParsed, 'elsewhere');
    assert.equal(started.length, 1);
    assert.deepEqual(
      started[0]?.posted.map((m) => m.type),
      ['survey'],
    );
    assert.ok(inWorker?.ok);
    assert.deepEqual(inWorker, await loadSurvey(fs, study));
    // The same files again: no worker.
    assert.equal(await loadSurvey(fs, study, cache), inWorker);
    assert.equal(started.length, 1);
  });

  it("builds Export for R's package in the worker file for file as buildRPackage does in-process", async () => {
    const fs = new NodeFileSystem();
    const study = await loadStudy(fs, pathToUri(EXAMPLE));
    const worker = new WorkerReportComputer(startWorker(), fs, (message) => assert.fail(message));
    try {
      const request: ReportRequestState = { by: 'gender', coders: ['amara'], filters: [] };
      const outcome = await worker.rPackage(study, ALL_CODERS_VISIBLE, request);
      assert.equal(outcome.kind, 'files');
      const survey = await loadSurvey(fs, study);
      assert.ok(survey?.ok);
      const expected = buildRPackage(study, survey.value, { by: 'gender', coders: ['amara'], filters: [] });
      const decoder = new TextDecoder();
      assert.deepEqual(
        outcome.kind === 'files'
          ? outcome.files.map((file) => ({ path: file.path, text: decoder.decode(file.bytes) }))
          : [],
        expected.files,
      );
      // A column the survey does not have is refused in words, as the CLI refuses it.
      const refused = await worker.rPackage(study, ALL_CODERS_VISIBLE, {
        by: 'no_such_column',
        coders: null,
        filters: [],
      });
      assert.equal(refused.kind, 'request-error');
      assert.match(refused.kind === 'request-error' ? refused.messages.join() : '', /no_such_column/);
    } finally {
      worker.dispose();
    }
  });

  it('builds the REFI-QDA project archive in the worker byte for byte as buildQdpx does in-process', async () => {
    const fs = new NodeFileSystem();
    const study = await loadStudy(fs, pathToUri(EXAMPLE));
    const worker = new WorkerReportComputer(startWorker(), fs, (message) => assert.fail(message));
    try {
      const options = { origin: 'Grounded test', modified: new Date('2026-12-05T00:00:00Z') };
      const outcome = await worker.refiProject(study, study.codebook, options);
      assert.equal(outcome.kind, 'archive');
      const survey = await loadSurvey(fs, study);
      assert.ok(survey?.ok);
      const expected = buildQdpx(study, study.codebook, survey.value, options);
      const archive = outcome.kind === 'archive' ? outcome.archive : undefined;
      assert.ok(archive && archive.bytes.length > 1000);
      assert.deepEqual({ ...archive, bytes: [...archive.bytes] }, { ...expected, bytes: [...expected.bytes] });
    } finally {
      worker.dispose();
    }
  });
});
