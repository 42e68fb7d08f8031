import assert from 'node:assert/strict';
import type { Sidecar } from '../../../../src/core/model';
import { parseCanonicalSidecar } from '../../../../src/core/sidecar/canonical-parse';
import { lineOfAsWritten, parseSidecar, serializeSidecar } from '../../../../src/core/sidecar/format';
import { compareCodings } from '../../../../src/core/sidecar/order';
import { addCodings, editCoding } from '../../../../src/core/study/coding-operations';
import { loadStudy } from '../../../../src/core/study/load-study';
import { reloadTranscripts } from '../../../../src/core/study/reload-transcripts';
import { ADAPTERS, CODEBOOK, fromUtf8, memoryFixture, rangeOf, TRANSCRIPT } from '../helpers';
import { Random } from '../../support/random';
import { randomSidecar } from '../sidecar/random-sidecar';

// A study reload right after a coding action reads the sidecar the action just wrote. When the bytes are exactly
// those, the loader takes the sidecar written instead of decoding, parsing and re-anchoring it: what it gets must
// be what the parse would have given, and anything else on disk must still be read.

const SIDECAR = 'P07.amara.codes.yaml';
const MENTOR = rangeOf(TRANSCRIPT, 'My assigned mentor was a chief I had never met');
const BURNOUT = rangeOf(TRANSCRIPT, 'close to burning out');

describe('lineOfAsWritten (whether a parse of the written text gives back the very sidecar)', () => {
  it('answers only for sidecars that parse back deep-equal, keys in the same order, with those lines', () => {
    const random = new Random(41);
    let answered = 0;
    for (let i = 0; i < 1500; i++) {
      const raw = randomSidecar(random, 8);
      // Half of them in the one order, as every writer keeps them; the rest as generated.
      const sidecar: Sidecar = i % 2 === 0 ? { ...raw, codings: [...raw.codings].sort(compareCodings) } : raw;
      const lineOf = lineOfAsWritten(sidecar);
      if (lineOf === undefined) continue;
      answered++;
      const text = serializeSidecar(sidecar);
      const parsed = parseSidecar('memory:/P01.amara.codes.yaml', text);
      assert.ok(parsed.ok, `sidecar ${i} does not parse: ${JSON.stringify(text)}`);
      assert.deepStrictEqual(parsed.value.sidecar, sidecar, `sidecar ${i}`);
      assert.equal(JSON.stringify(parsed.value.sidecar), JSON.stringify(sidecar), `sidecar ${i}: key order`);
      assert.deepStrictEqual(lineOf, parsed.value.lineOf, `sidecar ${i}: lines`);
      assert.deepStrictEqual(parseCanonicalSidecar(text)?.lineOf ?? lineOf, lineOf, `sidecar ${i}: fast reader`);
    }
    assert.ok(answered > 300, `only ${answered} of 1500 random sidecars were answered for`);
  });

  it('does not answer for what a parse would give back otherwise', () => {
    const coding = {
      id: 'a',
      code: 'c',
      start: 1,
      end: 2,
      quote: 'x',
      prefix: '',
      suffix: '',
      by: 'amara',
    };
    const base = { transcript: 'P01.txt', coder: 'amara', textHash: 'sha256:abc' };
    assert.ok(lineOfAsWritten({ ...base, codings: [coding] }));
    assert.equal(lineOfAsWritten({ ...base, codings: [{ ...coding, memo: '' }] }), undefined, 'empty memo');
    assert.equal(lineOfAsWritten({ ...base, codings: [{ ...coding, by: 'jonas' }] }), undefined, 'another coder');
    assert.equal(lineOfAsWritten({ ...base, codings: [coding, { ...coding }] }), undefined, 'an id twice');
    assert.equal(
      lineOfAsWritten({ ...base, codings: [{ ...coding, start: 5, id: 'b' }, coding] }),
      undefined,
      'out of order',
    );
    const { by, ...withoutBy } = coding;
    assert.equal(lineOfAsWritten({ ...base, codings: [{ by, ...withoutBy }] }), undefined, 'keys in another order');
  });
});

describe('loading the sidecar a coding action just wrote', () => {
  for (const adapter of ADAPTERS) {
    it(`takes the sidecar written, exactly as a parse gives it, without parsing (${adapter.name})`, async () => {
      const study = await adapter.make({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
      try {
        const transcript = await study.transcript('P07.txt');
        let written: Sidecar | undefined;
        const remember = (sidecar: Sidecar) => (written = sidecar);
        await addCodings(study.fs, transcript, 'amara', [{ code: 'assigned-mentor', ...MENTOR }], remember);
        await addCodings(study.fs, transcript, 'amara', [{ code: 'burnout', ...BURNOUT, memo: 'two\nlines "q" é' }]);
        const [second] = (await loadStudy(study.fs, study.root)).transcripts[0]!.sidecars;
        await editCoding(study.fs, transcript, 'amara', second!.sidecar.codings[0]!.id, { memo: 'ours' }, remember);
        const loaded = await loadStudy(study.fs, study.root);
        const sidecar = loaded.transcripts[0]?.sidecars[0]?.sidecar;
        assert.equal(sidecar, written, 'the very sidecar written: nothing was parsed');
        const parsed = parseSidecar(study.uri(SIDECAR), fromUtf8((await study.read(SIDECAR))!));
        assert.ok(parsed.ok);
        assert.deepStrictEqual(sidecar, parsed.value.sidecar);
        assert.deepEqual(loaded.problems, []);
      } finally {
        await study.cleanup();
      }
    });
  }

  it('gives what the loader reads when another program changed the file, even to bytes of the same length', async () => {
    const study = await memoryFixture({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
    const transcript = await study.transcript('P07.txt');
    await addCodings(study.fs, transcript, 'amara', [{ code: 'assigned-mentor', ...MENTOR }]);
    const before = await loadStudy(study.fs, study.root);
    const ours = fromUtf8((await study.read(SIDECAR))!);
    const theirs = ours.replace('code: assigned-mentor', 'code: assigned-mentoR');
    assert.equal(theirs.length, ours.length);
    await study.write(SIDECAR, theirs);
    const after = await reloadTranscripts(study.fs, before, [study.uri('P07.txt')]);
    assert.equal(after?.transcripts[0]?.sidecars[0]?.sidecar.codings[0]?.code, 'assigned-mentoR');
  });

  it('parses the file when it was written for another text than the one on disk (an editor with unsaved changes)', async () => {
    const study = await memoryFixture({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
    const onDisk = await study.transcript('P07.txt');
    // The editor holds the text with a line typed at the top: the coding's offsets are for that text.
    const edited = `Typed at the top.\n${TRANSCRIPT}`;
    const editor = { uri: onDisk.uri, text: edited, textHash: `sha256:edited-${onDisk.textHash}` };
    let written: Sidecar | undefined;
    const shift = 'Typed at the top.\n'.length;
    await addCodings(
      study.fs,
      editor,
      'amara',
      [{ code: 'assigned-mentor', start: MENTOR.start + shift, end: MENTOR.end + shift }],
      (sidecar) => (written = sidecar),
    );
    const loaded = await loadStudy(study.fs, study.root);
    const sidecar = loaded.transcripts[0]?.sidecars[0]?.sidecar;
    assert.notEqual(sidecar, written);
    // Re-anchored to the text on disk, as any sidecar written for another text is.
    assert.deepEqual(
      sidecar?.codings.map((c) => [c.start, c.end]),
      [[MENTOR.start, MENTOR.end]],
    );
  });
});
