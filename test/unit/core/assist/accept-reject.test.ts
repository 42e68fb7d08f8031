import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suggestCodes } from '../../../../src/core/assist/suggest-codes';
import { acceptedCoding, aiCoderId } from '../../../../src/core/assist/provenance';
import {
  readRejections,
  rejectionOf,
  rememberRejections,
  REJECTIONS_FILE,
  serializeRejections,
  parseRejections,
} from '../../../../src/core/assist/rejections';
import { addCodings } from '../../../../src/core/study/coding-operations';
import { loadStudy } from '../../../../src/core/study/load-study';
import type { Study, StudyTranscript } from '../../../../src/core/study/study';
import { NodeFileSystem, pathToUri } from '../../../../src/node/node-file-system';
import { loadErrorOf, places, rangeOf } from '../helpers';
import { answerOf, FakeModel } from './fake-model';

const EXAMPLE = join(__dirname, '..', '..', '..', '..', 'examples', 'mentorship-study');
const fs = new NodeFileSystem();

/** Every file of a folder with its bytes, to prove what changed and what did not. */
async function snapshot(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(folder.length + 1), (await readFile(path)).toString('hex'));
  }
  return files;
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

describe('core/assist: suggestions are written only when accepted, with their provenance', function () {
  this.timeout(60_000);
  let folder: string;
  let study: Study;
  let p07: StudyTranscript;
  const quote = 'I grew up about twenty minutes from here';
  const model = new FakeModel(
    answerOf([
      { code: 'identity-family', quote, rationale: 'Family ties to the hospital.' },
      { code: 'no-such-code', quote, rationale: 'x' },
      { code: 'career-direction', quote: 'I want to be a surgeon', rationale: 'invented' },
    ]),
    'copilot/gpt-4o',
  );

  beforeEach(async () => {
    folder = join(await mkdtemp(join(tmpdir(), 'grounded-assist-')), 'study');
    // The example study's codebook and settings with one of its transcripts and its sidecar: real files, small.
    for (const file of ['grounded.yaml', 'codebook.yaml', 'transcripts/P07.txt', 'transcripts/P07.amara.codes.yaml'])
      await cp(join(EXAMPLE, file), join(folder, file), { recursive: true });
    study = await loadStudy(fs, pathToUri(folder));
    p07 = study.transcripts.find((t) => t.path === 'transcripts/P07.txt')!;
    assert.ok(
      study.codebook.codes.some((c) => c.id === 'identity-family'),
      'the fixture has this code',
    );
  });
  afterEach(() => rm(join(folder, '..'), { recursive: true, force: true }));

  const passage = () => ({ transcript: p07.path, text: p07.text, start: 0, end: [...p07.text].length });
  const ref = () => ({ uri: p07.uri, text: p07.text, textHash: p07.textHash });

  it('asking for suggestions writes nothing, and counts what it discarded', async () => {
    const before = await snapshot(folder);
    const result = await suggestCodes({ model, passage: passage(), codebook: study.codebook });
    assert.deepEqual(
      result.suggestions.map((s) => [s.code, s.quote, s.model]),
      [['identity-family', quote, 'copilot/gpt-4o']],
    );
    assert.deepEqual(result.discarded, { 'unknown-code': 1, 'quote-not-found': 1 });
    assert.deepEqual(changed(before, await snapshot(folder)), []);
  });

  it('an accepted suggestion lands in the researcher’s sidecar marked assisted: <model>', async () => {
    const [suggestion] = (await suggestCodes({ model, passage: passage(), codebook: study.codebook })).suggestions;
    const before = await snapshot(folder);
    const { coder, coding } = acceptedCoding(suggestion!, suggestion!.code!, 'assisted', 'amara');
    assert.equal(coder, 'amara');
    await addCodings(fs, ref(), coder, [coding], undefined, { codebookUri: study.codebookUri });
    assert.deepEqual(changed(before, await snapshot(folder)), ['transcripts/P07.amara.codes.yaml']);
    const text = await readFile(join(folder, 'transcripts/P07.amara.codes.yaml'), 'utf8');
    assert.match(text, /\n {4}assisted: "copilot\/gpt-4o"\n/);
    const reloaded = await loadStudy(fs, pathToUri(folder));
    assert.deepEqual(reloaded.problems, study.problems, 'the sidecar still loads cleanly');
    const written = reloaded.transcripts
      .find((t) => t.path === 'transcripts/P07.txt')!
      .sidecars.find((s) => s.coder === 'amara')!
      .sidecar.codings.filter((c) => c.assisted !== undefined);
    assert.deepEqual(
      written.map((c) => [c.code, c.quote, c.assisted, c.start, c.end]),
      [['identity-family', quote, 'copilot/gpt-4o', ...Object.values(rangeOf(p07.text, quote))]],
    );
  });

  it('accepted under the model’s own coder, it goes to ai-<model>, a coder the agreement tools can compare', async () => {
    const [suggestion] = (await suggestCodes({ model, passage: passage(), codebook: study.codebook })).suggestions;
    const { coder, coding } = acceptedCoding(suggestion!, 'identity-family', 'ai-coder', 'amara');
    assert.equal(coder, 'ai-copilot-gpt-4o');
    assert.equal(aiCoderId('Vendor/Model 4.1 (preview)'), 'ai-vendor-model-4-1-preview');
    await addCodings(fs, ref(), coder, [coding]);
    const reloaded = await loadStudy(fs, pathToUri(folder));
    const sidecar = reloaded.transcripts
      .find((t) => t.path === 'transcripts/P07.txt')!
      .sidecars.find((s) => s.coder === 'ai-copilot-gpt-4o');
    assert.equal(sidecar?.uri.endsWith('/P07.ai-copilot-gpt-4o.codes.yaml'), true);
    assert.equal(sidecar?.sidecar.codings[0]?.assisted, 'copilot/gpt-4o');
  });

  it('a rejection writes only the rejections file, and the same suggestion is not offered again', async () => {
    const [suggestion] = (await suggestCodes({ model, passage: passage(), codebook: study.codebook })).suggestions;
    const before = await snapshot(folder);
    await rememberRejections(fs, study.root, [rejectionOf(p07.path, suggestion!)]);
    await rememberRejections(fs, study.root, [rejectionOf(p07.path, suggestion!)]);
    assert.deepEqual(changed(before, await snapshot(folder)), [REJECTIONS_FILE]);
    assert.equal(
      await readFile(join(folder, REJECTIONS_FILE), 'utf8'),
      [
        '# Grounded: code suggestions that were rejected, so they are not suggested again (per transcript, passage and code).',
        'grounded: 1',
        'rejected:',
        '  - transcript: "transcripts/P07.txt"',
        '    code: "identity-family"',
        `    quote: "${quote}"`,
        '',
      ].join('\n'),
      'remembered once, readable',
    );
    const again = await suggestCodes({
      model,
      passage: passage(),
      codebook: study.codebook,
      rejections: await readRejections(fs, study.root),
    });
    assert.deepEqual(again.suggestions, []);
    assert.equal(again.discarded['rejected-before'], 1);
  });

  it('drops a suggestion the sidecar already makes (same code over the same words)', async () => {
    const existing = p07.sidecars.find((s) => s.coder === 'amara')!.sidecar.codings;
    const coded = existing[0]!;
    const echo = new FakeModel(answerOf([{ code: coded.code, quote: coded.quote, rationale: 'r' }]));
    const result = await suggestCodes({ model: echo, passage: passage(), codebook: study.codebook, existing });
    assert.deepEqual(result.suggestions, []);
    assert.deepEqual(result.discarded, { 'already-coded': 1 });
  });

  it('a broken rejections file is refused with file, line and column, and left as it is', async () => {
    const broken =
      'grounded: 1\nrejected:\n  - transcript: "P07.txt"\n    code: "burnout"\n    quote: "x"\n    colour: red\n';
    const path = join(folder, REJECTIONS_FILE);
    await rm(path, { force: true });
    await (await import('node:fs/promises')).writeFile(path, broken);
    const readProblems = await loadErrorOf(readRejections(fs, study.root));
    assert.deepEqual(places(readProblems), [{ kind: 'unknown-key', line: 6, column: 5, file: REJECTIONS_FILE }]);
    const writeProblems = await loadErrorOf(
      rememberRejections(fs, study.root, [{ transcript: 'P07.txt', code: 'burnout', quote: 'y' }]),
    );
    assert.equal(writeProblems[0]?.line, 6);
    assert.equal(await readFile(path, 'utf8'), broken);
    const both = parseRejections('memory:/r.yaml', 'grounded: 1\nrejected:\n  - transcript: t\n    quote: q\n');
    assert.equal(both.ok, false);
    assert.deepEqual(places(both.ok ? [] : both.problems), [{ kind: 'schema', line: 3, column: 5, file: 'r.yaml' }]);
  });

  it('the rejections file round-trips byte for byte, new codes and tricky text included', () => {
    const entries = [
      { transcript: 'b/P02.txt', newCode: 'Peer "support"', quote: 'line\nbreak' },
      { transcript: 'a/P01.txt', code: 'yes', quote: 'ünïcode 😀' },
    ];
    const text = serializeRejections(entries);
    const parsed = parseRejections('memory:/r.yaml', text);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value, [entries[1], entries[0]]);
    assert.equal(serializeRejections(parsed.value), text);
  });
});
