import assert from 'node:assert/strict';
import type { Codebook } from '../../../../src/core/model';
import type { FileSystemPort } from '../../../../src/core/ports/file-system';
import {
  CodebookEditError,
  DEFAULT_COLORS,
  codebookEdits,
  deleteCode,
  editCodebook,
  mergeCodes,
} from '../../../../src/core/study/codebook-operations';
import { addCodings, sidecarUriFor } from '../../../../src/core/study/coding-operations';
import { loadStudy } from '../../../../src/core/study/load-study';
import { allCodings } from '../../../../src/core/study/study';
import { readChecked } from '../../../../src/core/persistence/safe-file';
import { codebookCodec } from '../../../../src/core/codebook/format';
import { ADAPTERS, CODEBOOK, TRANSCRIPT, bytesEqual, externalAdd, fromUtf8, rangeOf, type Fixture } from '../helpers';

const MENTOR = rangeOf(TRANSCRIPT, 'My assigned mentor was a chief I had never met');
const ROUNDS = rangeOf(TRANSCRIPT, 'An attending stayed after rounds');
const BURNOUT = rangeOf(TRANSCRIPT, 'close to burning out');
const OWN_PEOPLE = rangeOf(TRANSCRIPT, 'I found my own people');

async function codebookOf(study: Fixture): Promise<Codebook> {
  const read = await readChecked(study.fs, study.uri('codebook.yaml'), codebookCodec);
  assert.ok(read);
  return read.value;
}

function codeIn(codebook: Codebook, id: string) {
  const code = codebook.codes.find((c) => c.id === id);
  assert.ok(code, `code ${id}`);
  return code;
}

describe('codebook operations', () => {
  describe('pure edits', () => {
    const base: Codebook = { codes: [{ id: 'a', name: 'A' }] };

    it('add validates the id and refuses duplicates', () => {
      for (const bad of ['', 'a b', '-lead', '.dot', 'a/b', 'a:b', 'a#b', ' a']) {
        assert.throws(() => codebookEdits.add(base, bad, {}), CodebookEditError, JSON.stringify(bad));
      }
      assert.throws(() => codebookEdits.add(base, 'a', {}), /already exists/);
      for (const good of ['b', 'über', '123', 'a.b-c_d', '日本'])
        assert.ok(codebookEdits.add(base, good, {}).codes.some((c) => c.id === good));
    });

    it('add gives a default colour round-robin, a name, and a GUID', () => {
      let codebook: Codebook = { codes: [] };
      for (let i = 0; i < DEFAULT_COLORS.length + 2; i++) codebook = codebookEdits.add(codebook, `c${i}`, {});
      assert.deepEqual(
        codebook.codes.map((c) => c.color),
        [...DEFAULT_COLORS, DEFAULT_COLORS[0], DEFAULT_COLORS[1]],
      );
      assert.deepEqual(codebook.codes.map((c) => c.name).slice(0, 2), ['c0', 'c1']);
      assert.ok(
        codebook.codes.every((c) =>
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(c.guid ?? ''),
        ),
      );
      assert.equal(new Set(codebook.codes.map((c) => c.guid)).size, codebook.codes.length);
      const explicit = codebookEdits.add(base, 'b', { name: 'Bee', color: '#123abc', parent: 'a', definition: 'def' });
      assert.deepEqual(
        { ...codeIn(explicit, 'b'), guid: undefined },
        { id: 'b', name: 'Bee', color: '#123abc', parent: 'a', definition: 'def', guid: undefined },
      );
    });

    it('add and update refuse a bad colour, an empty name and an unknown parent', () => {
      assert.throws(() => codebookEdits.add(base, 'b', { color: 'red' }), /#rrggbb/);
      assert.throws(() => codebookEdits.add(base, 'b', { name: '  ' }), /non-empty name/);
      assert.throws(() => codebookEdits.add(base, 'b', { parent: 'zz' }), /no code "zz"/);
      assert.throws(() => codebookEdits.update(base, 'zz', { name: 'x' }), /no code "zz"/);
    });
  });

  for (const adapter of ADAPTERS) {
    describe(`on files (${adapter.name})`, () => {
      let study: Fixture;
      const codebookUri = () => study.uri('codebook.yaml');
      const sidecars = () => ['P07.amara.codes.yaml', 'P07.jonas.codes.yaml'].map((p) => study.uri(p));

      beforeEach(async () => {
        study = await adapter.make({ 'codebook.yaml': CODEBOOK, 'P07.txt': TRANSCRIPT });
        const transcript = await study.transcript('P07.txt');
        await addCodings(study.fs, transcript, 'amara', [
          { id: 'a-assigned', code: 'assigned-mentor', ...MENTOR },
          { id: 'a-informal', code: 'informal-mentor', ...ROUNDS },
          { id: 'a-burnout', code: 'burnout', ...BURNOUT },
        ]);
        await addCodings(study.fs, transcript, 'jonas', [
          { id: 'j-informal-dup', code: 'informal-mentor', ...MENTOR }, // same range as his assigned-mentor coding: collapses on merge
          { id: 'j-assigned', code: 'assigned-mentor', ...MENTOR },
          { id: 'j-informal', code: 'informal-mentor', ...OWN_PEOPLE },
        ]);
      });
      afterEach(() => study.cleanup());

      it('adds a code: sorted into place, one new block of lines in the file', async () => {
        const before = fromUtf8((await study.read('codebook.yaml')) ?? new Uint8Array());
        await editCodebook(study.fs, codebookUri(), (c) =>
          codebookEdits.add(c, 'coffee', { name: 'Coffee with mentors', parent: 'mentoring' }),
        );
        const after = fromUtf8((await study.read('codebook.yaml')) ?? new Uint8Array());
        // The new code is one block of lines inserted between burnout and informal-mentor; nothing else changes.
        const beforeLines = before.split('\n');
        const afterLines = after.split('\n');
        const at = beforeLines.indexOf('  - id: informal-mentor');
        assert.deepEqual([...afterLines.slice(0, at), ...afterLines.slice(at + 5)], beforeLines);
        assert.deepEqual(
          afterLines.slice(at, at + 5).map((l) => l.replace(/guid: .*/, 'guid: …')),
          [
            '  - id: coffee',
            '    name: Coffee with mentors',
            '    parent: mentoring',
            '    color: "#59a14f"',
            '    guid: …',
          ],
        );
        assert.deepEqual(
          (await codebookOf(study)).codes.map((c) => c.id),
          ['assigned-mentor', 'burnout', 'coffee', 'informal-mentor', 'mentoring'],
        );
      });

      it('renames a code (update) without touching any sidecar; only the name line changes', async () => {
        const sidecarBytes = await Promise.all(sidecars().map((u) => study.fs.readFile(u)));
        const before = fromUtf8((await study.read('codebook.yaml')) ?? new Uint8Array()).split('\n');
        await editCodebook(study.fs, codebookUri(), (c) =>
          codebookEdits.update(c, 'burnout', { name: 'Exhaustion: "burnout"', definition: 'Feeling used up' }),
        );
        const after = fromUtf8((await study.read('codebook.yaml')) ?? new Uint8Array()).split('\n');
        assert.deepEqual(
          after.filter((l) => !before.includes(l)),
          ['    name: "Exhaustion: \\"burnout\\""', '    definition: "Feeling used up"'],
        );
        assert.deepEqual(
          before.filter((l) => !after.includes(l)),
          ['    name: Burnout'],
        );
        for (const [i, uri] of sidecars().entries()) bytesEqual(await study.fs.readFile(uri), sidecarBytes[i], uri);
        const loaded = await loadStudy(study.fs, study.root);
        assert.deepEqual(loaded.problems, []);
        assert.equal(codeIn(loaded.codebook, 'burnout').name, 'Exhaustion: "burnout"');
      });

      it('moves a code under another parent and back to the top; refuses a cycle', async () => {
        await editCodebook(study.fs, codebookUri(), (c) => codebookEdits.update(c, 'burnout', { parent: 'mentoring' }));
        assert.equal(codeIn(await codebookOf(study), 'burnout').parent, 'mentoring');
        await editCodebook(study.fs, codebookUri(), (c) => codebookEdits.update(c, 'burnout', { parent: null }));
        assert.equal(codeIn(await codebookOf(study), 'burnout').parent, undefined);
        assert.doesNotMatch(
          fromUtf8((await study.read('codebook.yaml')) ?? new Uint8Array()),
          /id: burnout\n {4}name: Burnout\n {4}parent/,
        );
        const before = await study.read('codebook.yaml');
        for (const [id, parent] of [
          ['mentoring', 'assigned-mentor'], // under its own child
          ['mentoring', 'mentoring'], // under itself
        ] as const) {
          await assert.rejects(
            editCodebook(study.fs, codebookUri(), (c) => codebookEdits.update(c, id, { parent })),
            (error: unknown) =>
              error instanceof CodebookEditError && /cannot be placed under itself/.test(error.message),
          );
        }
        bytesEqual(await study.read('codebook.yaml'), before, 'a refused move writes nothing');
        assert.deepEqual(
          (await study.files()).filter((f) => f.endsWith('.tmp')),
          [],
        );
      });

      it('merges a code: sidecars rewritten, duplicate ranges collapsed, children re-parented', async () => {
        await editCodebook(study.fs, codebookUri(), (c) =>
          codebookEdits.add(c, 'stay-after', { name: 'Stays after rounds', parent: 'informal-mentor' }),
        );
        const moved = await mergeCodes(
          study.fs,
          codebookUri(),
          sidecars(),
          'informal-mentor',
          'assigned-mentor',
          await codebookOf(study),
        );
        assert.equal(moved, 3, 'a-informal, j-informal and j-informal-dup');
        const codebook = await codebookOf(study);
        assert.equal(
          codebook.codes.some((c) => c.id === 'informal-mentor'),
          false,
        );
        assert.equal(codeIn(codebook, 'stay-after').parent, 'assigned-mentor');
        const loaded = await loadStudy(study.fs, study.root);
        assert.deepEqual(loaded.problems, []);
        const codings = allCodings(loaded).map(({ coding }) => [coding.by, coding.id, coding.code, coding.start]);
        assert.deepEqual(codings, [
          ['amara', 'a-assigned', 'assigned-mentor', MENTOR.start],
          ['amara', 'a-informal', 'assigned-mentor', ROUNDS.start],
          ['amara', 'a-burnout', 'burnout', BURNOUT.start],
          // j-informal-dup had the same range as j-assigned: collapsed into it.
          ['jonas', 'j-assigned', 'assigned-mentor', MENTOR.start],
          ['jonas', 'j-informal', 'assigned-mentor', OWN_PEOPLE.start],
        ]);
      });

      it('refuses to merge a code into itself or into its own child, touching nothing', async () => {
        const snapshot = await Promise.all(
          ['codebook.yaml', 'P07.amara.codes.yaml', 'P07.jonas.codes.yaml'].map((p) => study.read(p)),
        );
        const codebook = await codebookOf(study);
        await assert.rejects(
          mergeCodes(study.fs, codebookUri(), sidecars(), 'burnout', 'burnout', codebook),
          CodebookEditError,
        );
        await assert.rejects(
          mergeCodes(study.fs, codebookUri(), sidecars(), 'mentoring', 'assigned-mentor', codebook),
          /child of "mentoring"/,
        );
        await assert.rejects(
          mergeCodes(study.fs, codebookUri(), sidecars(), 'nope', 'burnout', codebook),
          /no code "nope"/,
        );
        for (const [i, path] of ['codebook.yaml', 'P07.amara.codes.yaml', 'P07.jonas.codes.yaml'].entries())
          bytesEqual(await study.read(path), snapshot[i], path);
      });

      it('refuses to delete a code while codings use it; deletes it with its codings when asked', async () => {
        const snapshot = await Promise.all(
          ['codebook.yaml', 'P07.amara.codes.yaml', 'P07.jonas.codes.yaml'].map((p) => study.read(p)),
        );
        const codebook = await codebookOf(study);
        const usage = (await loadStudy(study.fs, study.root)).transcripts
          .flatMap((t) => t.sidecars.flatMap((s) => s.sidecar.codings))
          .filter((c) => c.code === 'informal-mentor').length;
        assert.equal(usage, 3);
        await assert.rejects(
          deleteCode(study.fs, codebookUri(), sidecars(), 'informal-mentor', usage, false, codebook),
          (error: unknown) => error instanceof CodebookEditError && /used by 3 coding/.test(error.message),
        );
        for (const [i, path] of ['codebook.yaml', 'P07.amara.codes.yaml', 'P07.jonas.codes.yaml'].entries())
          bytesEqual(await study.read(path), snapshot[i], path);

        await editCodebook(study.fs, codebookUri(), (c) =>
          codebookEdits.add(c, 'stay-after', { name: 'Stays after rounds', parent: 'informal-mentor' }),
        );
        const removed = await deleteCode(
          study.fs,
          codebookUri(),
          sidecars(),
          'informal-mentor',
          usage,
          true,
          await codebookOf(study),
        );
        assert.deepEqual(removed, { codings: 3, relations: [] });
        const loaded = await loadStudy(study.fs, study.root);
        assert.deepEqual(loaded.problems, []);
        assert.deepEqual(
          allCodings(loaded).map(({ coding }) => coding.id),
          ['a-assigned', 'a-burnout', 'j-assigned'],
        );
        assert.equal(
          codeIn(loaded.codebook, 'stay-after').parent,
          'mentoring',
          'children move up to the deleted code’s parent',
        );
        assert.equal(
          loaded.codebook.codes.some((c) => c.id === 'informal-mentor'),
          false,
        );
      });

      it('counts moved and removed codings once even when a sidecar changes mid-write and the edit is redone', async () => {
        // Another window (its own process) adds to amara's sidecar while the merge writes it: the merge is redone on that version.
        let raced = false;
        let external = { id: 'a-late', code: 'informal-mentor' };
        const racing: FileSystemPort = {
          readFile: (uri) => study.fs.readFile(uri),
          stat: (uri) => study.fs.stat(uri),
          list: (uri) => study.fs.list(uri),
          delete: (uri) => study.fs.delete(uri),
          writeFile: (uri, data) => study.fs.writeFile(uri, data),
          lock: (uri) => study.fs.lock(uri),
          isWriteArtifact: (uri) => study.fs.isWriteArtifact(uri),
          replaceIfUnchanged: async (uri, expected, data) => {
            if (!raced && uri.endsWith('/P07.amara.codes.yaml')) {
              raced = true;
              await externalAdd(
                study.fs,
                study.uri('P07.amara.codes.yaml'),
                await study.transcript('P07.txt'),
                external.id,
                rangeOf(TRANSCRIPT, 'walked through cases'),
                external.code,
              );
            }
            return study.fs.replaceIfUnchanged(uri, expected, data);
          },
        };
        const moved = await mergeCodes(
          racing,
          codebookUri(),
          sidecars(),
          'informal-mentor',
          'assigned-mentor',
          await codebookOf(study),
        );
        assert.equal(raced, true);
        assert.equal(moved, 4, 'a-informal, a-late, j-informal and j-informal-dup, each counted once');
        const loaded = await loadStudy(study.fs, study.root);
        assert.deepEqual(
          allCodings(loaded)
            .filter(({ coding }) => coding.code === 'assigned-mentor')
            .map(({ coding }) => coding.id)
            .sort(),
          ['a-assigned', 'a-informal', 'a-late', 'j-assigned', 'j-informal'],
        );

        raced = false;
        external = { id: 'a-late-burnout', code: 'burnout' };
        const removed = await deleteCode(
          racing,
          codebookUri(),
          sidecars(),
          'burnout',
          1,
          true,
          await codebookOf(study),
        );
        assert.equal(raced, true);
        assert.equal(removed.codings, 2, 'a-burnout and a-late-burnout, each counted once');
        assert.ok(allCodings(await loadStudy(study.fs, study.root)).every(({ coding }) => coding.code !== 'burnout'));
      });

      it('deletes an unused code without touching any sidecar', async () => {
        const sidecarBytes = await Promise.all(sidecars().map((u) => study.fs.readFile(u)));
        await editCodebook(study.fs, codebookUri(), (c) => codebookEdits.add(c, 'unused', {}));
        assert.equal(
          (await deleteCode(study.fs, codebookUri(), sidecars(), 'unused', 0, false, await codebookOf(study))).codings,
          0,
        );
        bytesEqual(await study.read('codebook.yaml'), new TextEncoder().encode(CODEBOOK), 'back to the original bytes');
        for (const [i, uri] of sidecars().entries()) bytesEqual(await study.fs.readFile(uri), sidecarBytes[i], uri);
      });

      it('sidecarUriFor puts the sidecar next to its transcript', () => {
        assert.equal(sidecarUriFor(study.uri('P07.txt'), 'amara'), study.uri('P07.amara.codes.yaml'));
      });
    });
  }
});
