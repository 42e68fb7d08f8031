/**
 * Import Transcripts and Import REFI-QDA Project convert in a worker (the desktop's worker_threads here, the worker
 * script's TypeScript loaded by tsx): every format and a project give what this thread gives, a file that cannot
 * be imported is refused with the same message, and when the worker dies the import's files are converted here.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  buildQdpx,
  convertTranscript,
  importQdpx,
  loadStudy,
  RefiImportError,
  TranscriptConversionError,
} from '../../../../src/core/index';
import { NodeFileSystem, pathToUri } from '../../../../src/node/node-file-system';
import type {
  ConversionWorkerHandle,
  FromConversionWorker,
  ToConversionWorker,
} from '../../../../src/extension/conversion-worker/messages';
import { ImportConverter } from '../../../../src/extension/conversion-worker/import-converter';
import { commented, docx, paragraph, table } from '../../core/transcript-import/docx-fixture';

const EXAMPLE = join(__dirname, '../../../../examples/mentorship-study');
const WORKER = join(__dirname, '../../../../src/extension/conversion-worker/node-worker.ts');
const encode = (text: string) => new TextEncoder().encode(text);

function startWorker(posted: ToConversionWorker[] = []): ConversionWorkerHandle & { worker: Worker } {
  const worker = new Worker(WORKER, { execArgv: ['--require', 'tsx/cjs'] });
  return {
    worker,
    post: (message, transfer) => {
      posted.push(message);
      worker.postMessage(message, transfer ? [...transfer] : undefined);
    },
    onMessage: (listener) => worker.on('message', (message: FromConversionWorker) => listener(message)),
    onError: (listener) => {
      worker.on('error', listener);
      worker.on('exit', (code) => listener(new Error(`exited with code ${code}`)));
    },
    terminate: () => void worker.terminate(),
  };
}

const SOURCES: { name: string; bytes: Uint8Array }[] = [
  {
    name: 'P03.docx',
    bytes: docx(
      paragraph('Interviewer: How did you find your mentor?') +
        paragraph('P03: ', 'I found her myself — “by chance”.') +
        commented('A comment the transcript must not carry.') +
        table([
          ['0:01', 'Interviewer', 'And then?'],
          ['0:05', 'P03', 'Then nothing, 家族 first.'],
        ]),
    ),
  },
  {
    name: 'zoom.vtt',
    bytes: encode(
      'WEBVTT\n\nNOTE recorded by Zoom\n\n1\n00:00:02.340 --> 00:00:05.000\n<v Rebecca Okafor>How did it start?</v>\n\n2\n00:00:05.100 --> 00:00:09.000\n<v P04>With a bad evaluation &amp; a talk.</v>\n',
    ),
  },
  {
    name: 'teams.srt',
    bytes: encode(
      '1\r\n00:00:01,000 --> 00:00:03,000\r\nInterviewer: Hello.\r\n\r\n2\r\n00:00:03,500 --> 00:00:06,000\r\nP05: Hi.\r\n',
    ),
  },
  { name: 'notes.md', bytes: encode('# Interview\n\nP06: Plain text, kept.\n') },
];

describe('the conversion worker of Import Transcripts and Import REFI-QDA Project', function () {
  this.timeout(60_000);

  it('converts every format as this thread does, moving a copy of the bytes', async () => {
    const posted: ToConversionWorker[] = [];
    const converter = new ImportConverter(() => startWorker(posted));
    try {
      for (const source of SOURCES) {
        const before = source.bytes.slice();
        const inWorker = await converter.transcript(source.name, source.bytes);
        assert.deepEqual(inWorker, await convertTranscript(source.name, source.bytes), source.name);
        assert.deepEqual(source.bytes, before, 'the caller keeps its bytes');
      }
      assert.equal(converter.place, 'worker');
      assert.equal(posted.length, SOURCES.length);
      assert.ok(
        posted.every((message) => message.bytes.byteLength === 0),
        'the copies were moved, not cloned',
      );
    } finally {
      converter.dispose();
    }
  });

  it('refuses a file that cannot be converted with the message this thread gives', async () => {
    const broken = { name: 'broken.docx', bytes: encode('PK\u0003\u0004 not really a zip') };
    const expected = await convertTranscript(broken.name, broken.bytes).then(
      () => assert.fail('converted a broken .docx'),
      (error: unknown) => error,
    );
    assert.ok(expected instanceof TranscriptConversionError);
    const converter = new ImportConverter(() => startWorker());
    try {
      await assert.rejects(converter.transcript(broken.name, broken.bytes), (error: unknown) => {
        assert.ok(error instanceof TranscriptConversionError);
        assert.equal(error.message, expected.message);
        return true;
      });
      // The worker goes on with the next file.
      assert.deepEqual(
        await converter.transcript(SOURCES[1]!.name, SOURCES[1]!.bytes),
        await convertTranscript(SOURCES[1]!.name, SOURCES[1]!.bytes),
      );
    } finally {
      converter.dispose();
    }
  });

  it("reads a REFI-QDA project as this thread does, and refuses a broken one with the core's message and hint", async () => {
    const study = await loadStudy(new NodeFileSystem(), pathToUri(EXAMPLE));
    const qdpx = buildQdpx(study, study.codebook, undefined, { origin: 'conversion-worker test' }).bytes;
    const converter = new ImportConverter(() => startWorker());
    try {
      const inWorker = await converter.project('mentorship.qdpx', qdpx);
      assert.deepEqual(inWorker, { ok: true, plan: importQdpx(qdpx, 'mentorship.qdpx') });
      assert.ok(inWorker.ok && inWorker.plan.files.length > 40);
      const broken = await converter.project('broken.qdpx', encode('not a zip'));
      let expected: RefiImportError | undefined;
      try {
        importQdpx(encode('not a zip'), 'broken.qdpx');
      } catch (error) {
        expected = error as RefiImportError;
      }
      assert.ok(expected instanceof RefiImportError);
      assert.deepEqual(broken, { ok: false, message: expected.message, hint: expected.hint });
      assert.equal(converter.place, 'worker');
    } finally {
      converter.dispose();
    }
  });

  it('converts in this thread when the worker dies, or does not start, and says so', async () => {
    let started: (ConversionWorkerHandle & { worker: Worker }) | undefined;
    const converter = new ImportConverter(() => (started = startWorker()));
    const source = SOURCES[0]!;
    const pending = converter.transcript(source.name, source.bytes);
    await started!.worker.terminate();
    assert.deepEqual(await pending, await convertTranscript(source.name, source.bytes));
    assert.match(converter.place ?? '', /^in-process \(the worker failed/);
    converter.dispose();

    const none = new ImportConverter(() => {
      throw new Error('no Worker here');
    });
    assert.deepEqual(
      await none.transcript(source.name, source.bytes),
      await convertTranscript(source.name, source.bytes),
    );
    assert.equal(none.place, 'in-process (the worker did not start (no Worker here))');
    const platformWithout = new ImportConverter(undefined);
    await platformWithout.transcript(SOURCES[3]!.name, SOURCES[3]!.bytes);
    assert.equal(platformWithout.place, 'in-process (this platform starts no worker)');
  });
});
