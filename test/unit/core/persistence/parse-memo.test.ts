import assert from 'node:assert/strict';
import { ParseMemo, WrittenMemo } from '../../../../src/core/persistence/parse-memo';
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

describe('WrittenMemo', () => {
  it('answers only for the same URI, context and exact bytes, and forgets a file it is told to', () => {
    const memo = new WrittenMemo<number>(2);
    memo.set('a', 'h1', utf8('bytes a'), 1);
    assert.equal(memo.get('a', 'h1', utf8('bytes a')), 1, 'equal bytes, another array');
    assert.equal(memo.get('a', 'h2', utf8('bytes a')), undefined, 'another context (transcript hash)');
    assert.equal(memo.get('a', 'h1', utf8('bytes b')), undefined, 'other bytes of the same length');
    assert.equal(memo.get('a', 'h1', utf8('bytes a ')), undefined, 'longer');
    assert.equal(memo.get('b', 'h1', utf8('bytes a')), undefined, 'another file');
    memo.set('b', 'h1', utf8('b'), 2);
    memo.set('c', 'h1', utf8('c'), 3); // evicts a, the least recently stored
    assert.equal(memo.get('a', 'h1', utf8('bytes a')), undefined);
    memo.delete('b');
    assert.equal(memo.get('b', 'h1', utf8('b')), undefined);
    assert.equal(memo.get('c', 'h1', utf8('c')), 3);
  });
});

describe('updateFile with a codec that encodes and recalls its own bytes', () => {
  /** A codec whose every call is counted: the text is "<value>\n"; it remembers the last write, by bytes. */
  function countingCodec() {
    const calls = { parse: 0, serialize: 0, encode: 0 };
    let last: { uri: string; bytes: Uint8Array; value: string } | undefined;
    const codec: FileCodec<string> = {
      parse: (_uri, text) => (calls.parse++, { ok: true, value: text.trim(), warnings: [] }),
      serialize: (value) => (calls.serialize++, `${value}\n`),
      encode: (value) => (calls.encode++, utf8(`${value}\n`)),
      written: (uri, bytes, value) => (last = { uri, bytes, value }),
      recall: (uri, bytes) =>
        last && last.uri === uri && Buffer.from(last.bytes).equals(bytes) ? last.value : undefined,
    };
    return { codec, calls };
  }

  it('writes the encoded bytes without building the text, and takes its own write back without parsing', async () => {
    const study = await ADAPTERS[0]!.make({ 'f.txt': 'zero\n' });
    const { codec, calls } = countingCodec();
    const uri = study.uri('f.txt');
    await updateFile(study.fs, uri, codec, (current) => `${current} one`);
    assert.deepEqual(calls, { parse: 1, serialize: 0, encode: 1 }, 'the file as found is parsed once');
    let seen: string | undefined;
    await updateFile(study.fs, uri, codec, (current) => ((seen = current), `${current} two`));
    assert.equal(seen, 'zero one');
    assert.deepEqual(calls, { parse: 1, serialize: 0, encode: 2 }, 'its own write is recalled, not parsed');
    assert.equal(fromUtf8((await study.read('f.txt'))!), 'zero one two\n');
  });

  it('parses bytes another writer put there, even of the same length, and writes nothing when the bytes are the same', async () => {
    const study = await ADAPTERS[0]!.make({});
    const { codec, calls } = countingCodec();
    const uri = study.uri('f.txt');
    await updateFile(study.fs, uri, codec, () => 'ours');
    await study.write('f.txt', 'them\n');
    let seen: string | undefined;
    const result = await updateFile(study.fs, uri, codec, (current) => ((seen = current), current));
    assert.equal(seen, 'them');
    assert.equal(calls.parse, 1);
    assert.deepEqual(result, { value: 'them', written: false }, 'the same bytes: nothing written');
  });

  it('rewrites a file that holds the same text with a BOM and CRLF, as the text path does', async () => {
    const study = await ADAPTERS[0]!.make({ 'f.txt': '\ufeffone\r\n' });
    const { codec } = countingCodec();
    const result = await updateFile(study.fs, study.uri('f.txt'), codec, (current) => current);
    assert.deepEqual(result, { value: 'one', written: true });
    assert.equal(fromUtf8((await study.read('f.txt'))!), 'one\n');
  });
});

describe('updateFile tells the codec what it wrote', () => {
  it('calls written(uri, bytes, value) with exactly the bytes now on disk, and not when nothing changed', async () => {
    const study = await ADAPTERS[0]!.make({});
    const calls: [string, string, string][] = [];
    const codec: FileCodec<string> = {
      parse: (_uri, text) => ({ ok: true, value: text.trim(), warnings: [] }),
      serialize: (value) => `${value}\n`,
      written: (uri, bytes, value) => calls.push([uri, fromUtf8(bytes), value]),
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
