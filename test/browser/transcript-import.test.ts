import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { convertTranscript, type TranscriptConversion } from '../../src/core/index';
import { docx, IMAGE_RUN, paragraph, table } from '../unit/core/transcript-import/docx-fixture';

// The transcript converters in headless Chromium, bundled for the browser as the web extension bundles
// them (mammoth's browser build, no Node built-ins): each source must give exactly what it gives in Node.

const CHROMIUM = process.env.GROUNDED_CHROMIUM ?? '/usr/bin/chromium';
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const SOURCES: Record<string, Uint8Array> = {
  'P01.docx': docx(
    paragraph('Interviewer: “Where’s ', 'the café?”') +
      `<w:p><w:r><w:t>Map:</w:t></w:r>${IMAGE_RUN}</w:p>` +
      table([
        ['Timespan', 'Speaker', 'Content'],
        ['0:01.0 - 0:04.0', 'P01', 'Über there.'],
      ]),
  ),
  'teams.vtt': utf8(
    'WEBVTT\n\nNOTE x\n\n00:00:01.000 --> 00:00:02.000\n<v Ann Lee><c.red>Q&amp;A</c> &eacute;t&eacute;</v>\n',
  ),
  'movie.srt': utf8('1\r\n00:00:01,000 --> 00:00:02,000\r\n<i>Hello</i>\r\n'),
  'otter.txt': utf8('Speaker 1  0:03\nHi.\n\nTranscribed by https://otter.ai\n'),
  'utf16.txt': new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0xe9, 0x00, 0x0a, 0x00]),
};

describe('transcript converters in a browser', function () {
  this.timeout(120_000);
  let browser: Browser;
  let bundle: string;

  before(async () => {
    const built = await esbuild.build({
      stdin: {
        contents:
          "import { convertTranscript } from './src/core/index'; (window as any).convertTranscript = convertTranscript;",
        resolveDir: path.resolve(__dirname, '../..'),
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    bundle = built.outputFiles[0]?.text ?? '';
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });

  after(async () => {
    await browser?.close();
  });

  it('converts .docx, .vtt, .srt, Otter and UTF-16 text exactly as in Node', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addScriptTag({ content: bundle });
    for (const [name, bytes] of Object.entries(SOURCES)) {
      const inBrowser = await page.evaluate(
        async ([file, data]) =>
          (
            window as unknown as { convertTranscript: (n: string, b: Uint8Array) => Promise<TranscriptConversion> }
          ).convertTranscript(file, Uint8Array.from(data)),
        [name, [...bytes]] as const,
      );
      assert.deepEqual(inBrowser, await convertTranscript(name, bytes), name);
    }
    const refused = await page.evaluate(async () =>
      (window as unknown as { convertTranscript: (n: string, b: Uint8Array) => Promise<unknown> })
        .convertTranscript('broken.docx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))
        .then(
          () => 'converted',
          (error: Error) => `${error.name}: ${error.message}`,
        ),
    );
    assert.equal(
      refused,
      'TranscriptConversionError: not a readable Word document (.docx): the file is damaged or not a zip',
    );
    assert.deepEqual(errors, []);
  });

  it("Import Transcripts' Web Worker (dist/extension/conversion-worker.web.js) answers as Node converts", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('about:blank');
    const script = readFileSync(path.join(__dirname, '../../dist/extension/conversion-worker.web.js'), 'utf8');
    const sources = [
      ...Object.entries(SOURCES),
      ['broken.docx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1])],
    ] as const;
    const answers = (await page.evaluate(
      `(async () => {
        const worker = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(script)}], { type: 'text/javascript' })));
        const answers = [];
        for (const [job, [name, data]] of ${JSON.stringify(sources.map(([name, bytes]) => [name, [...bytes]]))}.entries()) {
          const answer = new Promise((resolve) => worker.addEventListener('message', (event) => event.data.job === job && resolve(event.data)));
          const bytes = Uint8Array.from(data);
          worker.postMessage({ type: 'transcript', job, name, bytes }, [bytes.buffer]);
          answers.push(await answer);
        }
        worker.terminate();
        return answers;
      })()`,
    )) as { type: string; job: number; conversion?: TranscriptConversion; message?: string }[];
    for (const [job, [name, bytes]] of sources.entries()) {
      const inNode = await convertTranscript(name, bytes).then(
        (conversion) => ({ type: 'transcript', job, conversion }),
        (error: Error) => ({ type: 'refused', job, message: error.message }),
      );
      assert.deepEqual(answers[job], inNode, name);
    }
    assert.equal(answers.at(-1)?.type, 'refused');
    assert.deepEqual(errors, []);
  });
});
