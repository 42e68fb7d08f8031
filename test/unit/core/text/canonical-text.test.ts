import assert from 'node:assert/strict';
import {
  decodeCanonical,
  OffsetMap,
  TextDecodingError,
  codePointLength,
  lineColumnAt,
} from '../../../../src/core/text/canonical';
import { hashText } from '../../../../src/core/text/hash';
import { addCodings, findMatches } from '../../../../src/core/study/coding-operations';
import { loadStudy } from '../../../../src/core/study/load-study';
import { readChecked, updateFile } from '../../../../src/core/persistence/safe-file';
import { sidecarCodec, serializeSidecar } from '../../../../src/core/sidecar/format';
import {
  ADAPTERS,
  CODEBOOK,
  TRANSCRIPT,
  bytesEqual,
  cpSlice,
  loadErrorOf,
  memoryFixture,
  fromUtf8,
  rangeOf,
  utf8,
} from '../helpers';

const BOM = [0xef, 0xbb, 0xbf];

/** The same transcript as git or an editor might leave it on disk. */
const VARIANTS: Record<string, Uint8Array> = {
  LF: utf8(TRANSCRIPT),
  CRLF: utf8(TRANSCRIPT.replace(/\n/g, '\r\n')),
  CR: utf8(TRANSCRIPT.replace(/\n/g, '\r')),
  'BOM + LF': new Uint8Array([...BOM, ...utf8(TRANSCRIPT)]),
  'BOM + CRLF': new Uint8Array([...BOM, ...utf8(TRANSCRIPT.replace(/\n/g, '\r\n'))]),
  // An empty line after a lone CR ends with CRLF: "\r" + "\n" would be one CRLF line end, not two.
  'mixed CRLF/CR/LF': utf8(
    TRANSCRIPT.split('\n')
      .slice(0, -1)
      .map((line, i) => line + (line === '' ? '\r\n' : ['\r\n', '\r', '\n'][i % 3]))
      .join(''),
  ),
};

const QUOTES = [
  'My assigned mentor was a chief I had never met',
  'An attending stayed after rounds',
  'close to burning out, sleeping four hours',
  'met.\n\nInterviewer: What',
];

describe('canonical text and code-point offsets', () => {
  it('counts code points as string iteration does: pairs once, lone surrogates once, in any mix', () => {
    const pieces = ['a', 'é', '—', '\u{1F642}', '\uD83D', '\uDE42', '\uDBFF\uDFFF', '\n', '\uDC00\uD800'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let run = 0; run < 500; run++) {
      let text = '';
      const length = next() % 40;
      for (let i = 0; i < length; i++) text += pieces[next() % pieces.length];
      assert.equal(codePointLength(text), [...text].length, JSON.stringify(text));
    }
    assert.equal(codePointLength('x'.repeat(100_000) + '\u{1F642}'), 100_001);
  });

  it('decodes LF, CRLF, lone CR, mixed line ends and a UTF-8 BOM to the same canonical text', () => {
    for (const [name, bytes] of Object.entries(VARIANTS)) {
      const text = decodeCanonical(bytes);
      assert.equal(text, TRANSCRIPT, name);
      assert.doesNotMatch(text, /[\r\ufeff]/, name);
    }
    assert.equal(decodeCanonical(utf8('a\r\r\nb')), 'a\n\nb', 'CR CRLF is two line ends');
    assert.equal(
      decodeCanonical(new Uint8Array([...BOM, ...BOM, ...utf8('x')])),
      '\ufeffx',
      'only the first BOM is a BOM',
    );
  });

  for (const adapter of ADAPTERS) {
    it(`gives identical offsets, quotes and sidecar bytes for every line-end/BOM variant (${adapter.name})`, async () => {
      let reference: { text: string; sidecar: Uint8Array; codings: unknown } | undefined;
      for (const [name, bytes] of Object.entries(VARIANTS)) {
        const study = await adapter.make({ 'codebook.yaml': CODEBOOK, 'P07.txt': bytes });
        try {
          const transcript = await study.transcript('P07.txt');
          await addCodings(
            study.fs,
            transcript,
            'amara',
            QUOTES.map((quote, index) => ({
              id: `c${index}`,
              code: index % 2 === 0 ? 'assigned-mentor' : 'burnout',
              ...rangeOf(TRANSCRIPT, quote),
            })),
          );
          bytesEqual(await study.read('P07.txt'), bytes, `${name}: the transcript itself is never rewritten`);
          const loaded = await loadStudy(study.fs, study.root);
          assert.deepEqual(loaded.problems, [], name);
          const [loadedTranscript] = loaded.transcripts;
          assert.ok(loadedTranscript);
          assert.equal(loadedTranscript.text, TRANSCRIPT, name);
          const codings = loadedTranscript.sidecars[0]?.sidecar.codings ?? [];
          assert.equal(codings.length, QUOTES.length, name);
          for (const coding of codings) {
            assert.equal(coding.quote, cpSlice(TRANSCRIPT, coding.start, coding.end), `${name}: ${coding.id}`);
            assert.equal(coding.quote, QUOTES[Number(coding.id.slice(1))], `${name}: ${coding.id}`);
          }
          assert.equal(loadedTranscript.sidecars[0]?.reanchored, false, `${name}: nothing to re-anchor`);
          const sidecar = await study.read('P07.amara.codes.yaml');
          assert.ok(sidecar);
          if (reference === undefined) reference = { text: loadedTranscript.text, sidecar, codings };
          else {
            bytesEqual(sidecar, reference.sidecar, `${name}: sidecar bytes`);
            assert.deepEqual(codings, reference.codings, name);
          }
        } finally {
          await study.cleanup();
        }
      }
    });
  }

  it('counts offsets in code points when astral characters come before the quote', async () => {
    const text = 'P01: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and emoji 👩🏽‍⚕️🎉 first.\nThen the 𝔮uote we code, and more 😀 after.\n';
    const quote = 'the 𝔮uote we code';
    const study = await memoryFixture({ 'codebook.yaml': CODEBOOK, 'P01.txt': text });
    const transcript = await study.transcript('P01.txt');
    const { start, end } = rangeOf(text, quote);
    const utf16Start = text.indexOf(quote);
    assert.ok(start < utf16Start, 'code-point and UTF-16 offsets differ here');
    assert.equal(end - start, [...quote].length);
    const [added] = await addCodings(study.fs, transcript, 'amara', [{ code: 'burnout', start, end }]);
    assert.ok(added);
    assert.equal(added.quote, quote);
    assert.equal(Array.from(text).slice(added.start, added.end).join(''), quote);
    assert.equal(
      added.prefix,
      Array.from(text)
        .slice(Math.max(0, start - 32), start)
        .join(''),
    );
    assert.equal(
      added.suffix,
      Array.from(text)
        .slice(end, end + 32)
        .join(''),
    );
    const loaded = await loadStudy(study.fs, study.root);
    assert.deepEqual(loaded.problems, []);
    const coding = loaded.transcripts[0]?.sidecars[0]?.sidecar.codings[0];
    assert.ok(coding);
    assert.deepEqual([coding.start, coding.end, coding.quote], [start, end, quote]);
    assert.match(
      fromUtf8((await study.read('P01.amara.codes.yaml')) ?? new Uint8Array()),
      new RegExp(`start: ${start}\\n {4}end: ${end}\\n`),
    );
  });

  it('OffsetMap converts between code points and UTF-16 both ways on astral text', () => {
    const text = 'a𝔘b😀😀c👩🏽‍⚕️d\n𝔢';
    const map = new OffsetMap(text);
    const points = Array.from(text);
    assert.equal(map.codePointLength, points.length);
    assert.equal(codePointLength(text), points.length);
    for (let cp = 0; cp <= points.length; cp++) {
      assert.equal(map.toUtf16(cp), points.slice(0, cp).join('').length, `toUtf16(${cp})`);
      assert.equal(map.toCodePoint(map.toUtf16(cp)), cp, `round trip ${cp}`);
      for (let end = cp; end <= points.length; end++) assert.equal(map.slice(cp, end), points.slice(cp, end).join(''));
    }
    // A UTF-16 offset inside a surrogate pair rounds down to the character's start.
    assert.equal(map.toCodePoint(2), 1);
    assert.deepEqual(lineColumnAt(text, points.length - 1), { line: 2, column: 1 });
    assert.deepEqual(findMatches(text, /😀c/u), [{ start: 4, end: 6 }]);
    assert.equal(cpSlice(text, 4, 6), '😀c');
  });

  describe('files that are not UTF-8', () => {
    const BAD: Record<string, Uint8Array> = {
      'Latin-1': new Uint8Array([...utf8('Caf'), 0xe9, ...utf8(' au lait\n')]),
      'UTF-16LE with BOM': new Uint8Array([0xff, 0xfe, ...[...'Hi\n'].flatMap((c) => [c.charCodeAt(0), 0])]),
      'UTF-16BE with BOM': new Uint8Array([0xfe, 0xff, ...[...'Hi\n'].flatMap((c) => [0, c.charCodeAt(0)])]),
      'UTF-16LE without BOM': new Uint8Array([...'Hé\n'].flatMap((c) => [c.charCodeAt(0), 0])),
      'UTF-16LE without BOM, ASCII only': new Uint8Array([...'Hello there\n'].flatMap((c) => [c.charCodeAt(0), 0])),
      'truncated multi-byte sequence': new Uint8Array([...utf8('ok '), 0xf0, 0x9f, 0x98]),
      'overlong encoding': new Uint8Array([0xc0, 0xaf]),
      'lone surrogate encoded (CESU)': new Uint8Array([0xed, 0xa0, 0x80]),
    };

    it('decodeCanonical refuses them with the byte offset of the first bad byte', () => {
      for (const [name, bytes] of Object.entries(BAD)) {
        assert.throws(() => decodeCanonical(bytes), TextDecodingError, name);
      }
      try {
        decodeCanonical(BAD['Latin-1'] as Uint8Array);
      } catch (error) {
        assert.ok(error instanceof TextDecodingError);
        assert.equal(error.byteOffset, 3);
      }
      assert.throws(() => decodeCanonical(BAD['UTF-16LE with BOM'] as Uint8Array), /UTF-16/);
      assert.throws(() => decodeCanonical(BAD['UTF-16LE without BOM, ASCII only'] as Uint8Array), /UTF-16/);
      // After a UTF-8 BOM the offset still counts the BOM's three bytes.
      assert.throws(
        () => decodeCanonical(new Uint8Array([...BOM, ...(BAD['Latin-1'] as Uint8Array)])),
        (error: unknown) => error instanceof TextDecodingError && error.byteOffset === 6,
      );
    });

    it('TextDecodingError places the first bad byte at its line and column in the text before it', () => {
      const placeOf = (bytes: Uint8Array) => {
        try {
          decodeCanonical(bytes);
        } catch (error) {
          assert.ok(error instanceof TextDecodingError);
          return { line: error.line, column: error.column, byte: error.byteOffset };
        }
        assert.fail('decoded');
      };
      // CRLF, a lone CR and LF each end a line; an emoji is one column; the BOM is no column.
      const mixed = new Uint8Array([...BOM, ...utf8('one\r\ntwo\rthree\n🙂 Caf'), 0xe9, ...utf8('\n')]);
      assert.deepEqual(placeOf(mixed), { line: 4, column: 6, byte: 3 + 23 });
      assert.deepEqual(placeOf(BAD['Latin-1'] as Uint8Array), { line: 1, column: 4, byte: 3 });
      assert.deepEqual(placeOf(new Uint8Array([...BOM, ...utf8('Caf'), 0xe9])), { line: 1, column: 4, byte: 6 });
      assert.deepEqual(placeOf(BAD['UTF-16LE without BOM, ASCII only'] as Uint8Array), { line: 1, column: 2, byte: 1 });
      assert.deepEqual(placeOf(BAD['truncated multi-byte sequence'] as Uint8Array), { line: 1, column: 4, byte: 3 });
    });

    it('loadStudy reports an encoding problem for each bad file and loads the rest', async () => {
      for (const [name, bytes] of Object.entries(BAD)) {
        const study = await memoryFixture({
          'codebook.yaml': CODEBOOK,
          'bad.txt': bytes,
          'good.txt': TRANSCRIPT,
          'good.amara.codes.yaml': bytes,
        });
        const loaded = await loadStudy(study.fs, study.root);
        const encoding = loaded.problems.filter((p) => p.kind === 'encoding');
        assert.deepEqual(
          encoding.map((p) => p.uri).sort(),
          [study.uri('bad.txt'), study.uri('good.amara.codes.yaml')].sort(),
          name,
        );
        assert.ok(
          encoding.every((p) => p.severity === 'error'),
          name,
        );
        assert.deepEqual(
          loaded.transcripts.map((t) => t.path),
          ['good.txt'],
          name,
        );
        assert.equal(loaded.transcripts[0]?.text, TRANSCRIPT);
      }
      const badSettings = await memoryFixture({
        'grounded.yaml': BAD['Latin-1'] as Uint8Array,
        'codebook.yaml': BAD['UTF-16LE with BOM'] as Uint8Array,
        'P07.txt': TRANSCRIPT,
      });
      const loaded = await loadStudy(badSettings.fs, badSettings.root);
      assert.deepEqual(
        loaded.problems.filter((p) => p.kind === 'encoding').map((p) => p.uri),
        [badSettings.uri('codebook.yaml'), badSettings.uri('grounded.yaml')],
      );
      assert.equal(loaded.transcripts.length, 1);
    });

    for (const adapter of ADAPTERS) {
      it(`readChecked and updateFile refuse a non-UTF-8 sidecar and leave it byte-identical (${adapter.name})`, async () => {
        for (const [name, bytes] of Object.entries(BAD)) {
          const study = await adapter.make({
            'codebook.yaml': CODEBOOK,
            'P07.txt': TRANSCRIPT,
            'P07.amara.codes.yaml': bytes,
          });
          try {
            const read = await loadErrorOf(readChecked(study.fs, study.uri('P07.amara.codes.yaml'), sidecarCodec));
            assert.deepEqual(
              read.map((p) => [p.kind, p.uri]),
              [['encoding', study.uri('P07.amara.codes.yaml')]],
              name,
            );
            const transcript = await study.transcript('P07.txt');
            await loadErrorOf(
              addCodings(study.fs, transcript, 'amara', [{ code: 'burnout', ...rangeOf(TRANSCRIPT, 'burning out') }]),
            );
            await loadErrorOf(
              updateFile(study.fs, study.uri('P07.amara.codes.yaml'), sidecarCodec, (s) => s && { ...s, codings: [] }),
            );
            bytesEqual(await study.read('P07.amara.codes.yaml'), bytes, name);
            assert.deepEqual(
              (await study.files()).filter((f) => study.fs.isWriteArtifact(study.uri(f))),
              [],
              name,
            );
          } finally {
            await study.cleanup();
          }
        }
      });
    }
  });

  it('hashes the canonical text, so line-end variants share one textHash', () => {
    const hashes = new Set(Object.values(VARIANTS).map((bytes) => hashText(decodeCanonical(bytes))));
    assert.equal(hashes.size, 1);
    assert.match([...hashes][0] as string, /^sha256:[0-9a-f]{64}$/);
    assert.equal(
      serializeSidecar({ transcript: 'P.txt', coder: 'a', textHash: [...hashes][0] as string, codings: [] }).includes(
        `textHash: "${[...hashes][0]}"`,
      ),
      true,
    );
  });
});
