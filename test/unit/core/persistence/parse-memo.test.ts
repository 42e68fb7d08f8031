import assert from 'node:assert/strict';
import { ParseMemo } from '../../../../src/core/persistence/parse-memo';
import { updateFile } from '../../../../src/core/persistence/safe-file';
import type { FileCodec } from '../../../../src/core/persistence/codec';
import { addCodings, editCoding } from '../../../../src/core/study/coding-operations';
import { parseSidecar, serializeSidecar } from '../../../../src/core/sidecar/format';
import { loadStudy } from '../../../../src/core/study/load-study';
import { ADAPTERS, CODEBOOK, TRANSCRIPT, fromUtf8, rangeOf, utf8 } from '../helpers';

const SIDECAR = 'P07.amara.codes.yaml';
const MENTOR = rangeOf(TRANSCRIPT, 'My assigned mentor was a chief I had never met');
const BURNOUT = rangeOf(TRANSCRIPT, 'close to burning out');
const ROUNDS = rangeOf(TRANSCRIPT, 'An attending stayed after rounds');

describe('ParseMemo', () => {
  it('answers only for the same URI, context and exact text, and forgets the least recently stored first', () => {
    const memo = new ParseMemo<number>(2);
    memo.set('a', 'h1', 'text a', 1);
    assert.equal(memo.get('a', 'h1', 'text a'), 1);
    assert.equal(memo.get('a', 'h2', 'text a'), undefined, 'another context (transcript hash)');
    assert.equal(memo.get('a', 'h1', 'text a '), undefined, 'another text');
    assert.equal(memo.get('b', 'h1', 'text a'), undefined, 'another file');
    memo.set('b', 'h1', 'text b', 2);
    memo.set('a', 'h1', 'text a2', 3); // replaces a's entry and makes it the newest
    memo.set('c', 'h1', 'text c', 4); // evicts b, the least recently stored
    assert.equal(memo.get('b', 'h1', 'text b'), undefined);
    assert.equal(memo.get('a', 'h1', 'text a2'), 3);
    assert.equal(memo.get('a', 'h1', 'text a'), undefined);
    assert.equal(memo.get('c', 'h1', 'text c'), 4);
  });
});

describe('updateFile tells the codec what it wrote', () => {
  it('calls written(uri, text, value) with exactly the text now on disk, and not when nothing changed', async () => {
    const study = await ADAPTERS[0]!.make({});
    const calls: [string, string, string][] = [];
    const codec: FileCodec<string> = {
      parse: (_uri, text) => ({ ok: true, value: text.trim(), warnings: [] }),
      serialize: (value) => `${value}\n`,
      written: (uri, text, value) => calls.push([uri, text, value]),
    };
    await updateFile(study.fs, study.uri('f.txt'), codec, () => 'one');
    await updateFile(study.fs, study.uri('f.txt'), codec, (current) => current); // same text: no write
    await updateFile(study.fs, study.uri('f.txt'), codec, () => undefined);
    assert.deepEqual(calls, [[study.uri('f.txt'), 'one\n', 'one']]);
    assert.equal(fromUtf8((await study.read('f.txt'))!), 'one\n');
  });
});

describe('coding actions with remembered sidecars', () => {
  for (const adapter of ADAPTERS) {
    it(`never use a remembered sidecar for text changed behind their back (${adapter.name})`, async () => {
      const study = await adapter.make({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
      try {
        const transcript = await study.transcript('P07.txt');
        await addCodings(study.fs, transcript, 'amara', [{ id: 'first', code: 'assigned-mentor', ...MENTOR }]);
        // A hand edit (another coder's tool, a merge) adds a memo; the next action must keep it.
        const original = fromUtf8((await study.read(SIDECAR))!);
        const handEdited = original.replace(/(\n {4}suffix: [^\n]*)/, '$1\n    memo: "by hand"');
        assert.notEqual(handEdited, original);
        await study.write(SIDECAR, handEdited);
        await addCodings(study.fs, transcript, 'amara', [{ id: 'second', code: 'burnout', ...BURNOUT }]);
        await editCoding(study.fs, transcript, 'amara', 'second', { memo: 'ours' });
        await addCodings(study.fs, transcript, 'amara', [{ id: 'third', code: 'mentoring', ...ROUNDS }]);
        const text = fromUtf8((await study.read(SIDECAR))!);
        const parsed = parseSidecar(study.uri(SIDECAR), text);
        assert.ok(parsed.ok);
        const byId = new Map(parsed.value.sidecar.codings.map((c) => [c.id, c]));
        assert.equal(byId.get('first')?.memo, 'by hand', 'the hand edit survived three actions');
        assert.equal(byId.get('second')?.memo, 'ours');
        assert.ok(byId.has('third'));
        // What the actions wrote is what a fresh serializer writes for the parsed file (no stale cached lines).
        assert.equal(serializeSidecar(parsed.value.sidecar), text);
        const loaded = await loadStudy(study.fs, study.root);
        assert.deepEqual(
          loaded.problems.filter((p) => p.severity === 'error'),
          [],
        );
      } finally {
        await study.cleanup();
      }
    });
  }

  it('a sidecar edited to other bytes with the same codings written back is still read from disk', async () => {
    const study = await ADAPTERS[0]!.make({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
    const transcript = await study.transcript('P07.txt');
    await addCodings(study.fs, transcript, 'amara', [{ id: 'first', code: 'assigned-mentor', ...MENTOR }]);
    const written = fromUtf8((await study.read(SIDECAR))!);
    // Another text that parses the same but differs (a comment line): a second read must not trust the memo's text.
    await study.write(SIDECAR, utf8(`# note\n${written}`));
    await addCodings(study.fs, transcript, 'amara', [{ id: 'second', code: 'burnout', ...BURNOUT }]);
    const after = fromUtf8((await study.read(SIDECAR))!);
    assert.ok(after.includes('id: first') && after.includes('id: second'));
  });
});
