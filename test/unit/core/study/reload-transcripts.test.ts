import assert from 'node:assert/strict';
import { MemoryStudyCache } from '../../../../src/core/study/cache/study-cache';
import { addCodings } from '../../../../src/core/study/coding-operations';
import { loadStudy } from '../../../../src/core/study/load-study';
import { reloadTranscripts } from '../../../../src/core/study/reload-transcripts';
import type { Study } from '../../../../src/core/study/study';
import { ADAPTERS, CODEBOOK, TRANSCRIPT, fromUtf8, rangeOf, type Fixture } from '../helpers';

const MENTOR = rangeOf(TRANSCRIPT, 'My assigned mentor was a chief I had never met');
const BURNOUT = rangeOf(TRANSCRIPT, 'close to burning out');
const ROUNDS = rangeOf(TRANSCRIPT, 'An attending stayed after rounds');

const FILES = {
  'codebook.yaml': CODEBOOK,
  'transcripts/P01.txt': TRANSCRIPT,
  'transcripts/P02.txt': TRANSCRIPT.replace(/P07/g, 'P02'),
  'transcripts/P03.txt': TRANSCRIPT.replace(/P07/g, 'P03'),
  'other/P01.txt': TRANSCRIPT, // same stem, another folder: its sidecars are not P01's
  'memos/theory.md': '# Theory\n\nMentoring is found, not assigned.\n',
};

async function fixtureWithCodings(make: (files: Record<string, string>) => Promise<Fixture>): Promise<Fixture> {
  const study = await make(FILES);
  for (const path of ['transcripts/P01.txt', 'transcripts/P02.txt', 'other/P01.txt']) {
    await addCodings(study.fs, await study.transcript(path), 'amara', [{ code: 'assigned-mentor', ...MENTOR }]);
  }
  return study;
}

function uriOf(study: Study, path: string): string {
  const transcript = study.transcripts.find((t) => t.path === path);
  assert.ok(transcript, path);
  return transcript.uri;
}

/** After `change`, reloading `paths` alone gives exactly what a full load gives. */
async function assertSameAsFullLoad(
  study: Fixture,
  paths: string[],
  change: () => Promise<void>,
  cache?: MemoryStudyCache,
): Promise<Study> {
  const before = await loadStudy(study.fs, study.root, cache ? { cache } : {});
  await change();
  const partial = await reloadTranscripts(
    study.fs,
    before,
    paths.map((path) => uriOf(before, path)),
    cache ? { cache } : {},
  );
  const full = await loadStudy(study.fs, study.root);
  assert.ok(partial, 'the partial reload applied');
  assert.deepStrictEqual(partial, full);
  assert.notDeepStrictEqual(partial, before, 'the change is visible (the test changed something)');
  return partial;
}

describe('reloadTranscripts (incremental reload of changed transcripts)', () => {
  for (const adapter of ADAPTERS) {
    describe(adapter.name, () => {
      let study: Fixture;
      beforeEach(async () => {
        study = await fixtureWithCodings(adapter.make);
      });
      afterEach(() => study.cleanup());

      it('a coding added to one sidecar', async () => {
        await assertSameAsFullLoad(study, ['transcripts/P01.txt'], async () => {
          await addCodings(study.fs, await study.transcript('transcripts/P01.txt'), 'amara', [
            { code: 'burnout', ...BURNOUT },
          ]);
        });
      });

      it("a second coder's first sidecar, and a code missing from the codebook (its warning comes and goes)", async () => {
        const reloaded = await assertSameAsFullLoad(study, ['transcripts/P02.txt'], async () => {
          await addCodings(study.fs, await study.transcript('transcripts/P02.txt'), 'ben', [
            { code: 'not-in-codebook', ...ROUNDS },
          ]);
        });
        assert.ok(reloaded.problems.some((p) => p.kind === 'unknown-code' && p.uri.endsWith('P02.ben.codes.yaml')));
        const ben = 'transcripts/P02.ben.codes.yaml';
        const fixed = await assertSameAsFullLoad(study, ['transcripts/P02.txt'], async () =>
          study.write(ben, fromUtf8((await study.read(ben))!).replace('code: not-in-codebook', 'code: burnout')),
        );
        assert.ok(!fixed.problems.some((p) => p.kind === 'unknown-code'));
      });

      it('a transcript edited, broken by a conflict, then put back: each reload reads the text it has now', async () => {
        const path = 'transcripts/P01.txt';
        const textOf = (loaded: Study) => loaded.transcripts.find((t) => t.path === path)?.text;
        const edited = `Interviewer: Before we start, thank you.\n${TRANSCRIPT}`;
        assert.equal(textOf(await assertSameAsFullLoad(study, [path], () => study.write(path, edited))), edited);
        // A conflicted transcript is no longer loaded: the caller's whole-study load says why.
        await study.write(path, `<<<<<<< HEAD\n${edited}=======\n${TRANSCRIPT}>>>>>>> theirs\n`);
        const conflicted = await loadStudy(study.fs, study.root);
        assert.equal(textOf(conflicted), undefined, 'a transcript with conflict markers is not loaded');
        assert.ok(
          conflicted.problems.some((p) => p.uri.endsWith('transcripts/P01.txt') && p.kind === 'conflict-marker'),
        );
        await study.write(path, edited);
        const restored = await assertSameAsFullLoad(study, [path], () => study.write(path, TRANSCRIPT));
        assert.equal(textOf(restored), TRANSCRIPT);
        assert.ok(!restored.problems.some((p) => p.uri.endsWith('transcripts/P01.txt')));
      });

      it('a sidecar broken by a conflict, then repaired, then deleted', async () => {
        const sidecar = 'transcripts/P01.amara.codes.yaml';
        const good = fromUtf8((await study.read(sidecar))!);
        const broken = await assertSameAsFullLoad(study, ['transcripts/P01.txt'], () =>
          study.write(sidecar, `<<<<<<< HEAD\n${good}=======\n${good}>>>>>>> theirs\n`),
        );
        assert.ok(broken.problems.some((p) => p.uri.endsWith('P01.amara.codes.yaml') && p.severity === 'error'));
        const repaired = await assertSameAsFullLoad(study, ['transcripts/P01.txt'], () => study.write(sidecar, good));
        assert.ok(!repaired.problems.some((p) => p.uri.endsWith('P01.amara.codes.yaml')));
        await assertSameAsFullLoad(study, ['transcripts/P01.txt'], () => study.fs.delete(study.uri(sidecar)));
      });

      it("a coding id copied from another transcript's sidecar: reported at both places, and gone once changed", async () => {
        const p01 = fromUtf8((await study.read('transcripts/P01.amara.codes.yaml'))!);
        const p01Id = /id: (\S+)/.exec(p01)?.[1] as string;
        const p02 = 'transcripts/P02.amara.codes.yaml';
        const original = fromUtf8((await study.read(p02))!);
        const p02Id = /id: (\S+)/.exec(original)?.[1] as string;
        const shared = await assertSameAsFullLoad(study, ['transcripts/P02.txt'], () =>
          study.write(p02, original.replace(`id: ${p02Id}`, `id: ${p01Id}`)),
        );
        assert.deepEqual(
          shared.problems.map((p) => [p.kind, p.uri.slice(p.uri.lastIndexOf('/transcripts/') + 1), p.line]),
          [
            ['duplicate-coding-id', 'transcripts/P01.amara.codes.yaml', 7],
            ['duplicate-coding-id', 'transcripts/P02.amara.codes.yaml', 7],
          ],
        );
        const fixed = await assertSameAsFullLoad(study, ['transcripts/P02.txt'], () => study.write(p02, original));
        assert.deepEqual(fixed.problems, []);
      });

      it('a chain of reloads, each from the one before, finds shared ids as a full load does', async () => {
        // Each reload counts only the changed sidecars' ids against the count the study before carries.
        const p01Id = /id: (\S+)/.exec(
          fromUtf8((await study.read('transcripts/P01.amara.codes.yaml'))!),
        )?.[1] as string;
        const p02 = 'transcripts/P02.amara.codes.yaml';
        const original = fromUtf8((await study.read(p02))!);
        const p02Id = /id: (\S+)/.exec(original)?.[1] as string;
        const steps: [string, string][] = [
          ['shared', original.replace(`id: ${p02Id}`, `id: ${p01Id}`)],
          ['fixed', original],
          ['shared again', original.replace(`id: ${p02Id}`, `id: ${p01Id}`)],
          ['emptied', 'grounded: 1\ncodings: []\n'],
          ['restored', original],
        ];
        let current = await loadStudy(study.fs, study.root);
        for (const [step, text] of steps) {
          await study.write(p02, text);
          const next = await reloadTranscripts(study.fs, current, [uriOf(current, 'transcripts/P02.txt')]);
          assert.ok(next, step);
          assert.deepStrictEqual(next.problems, (await loadStudy(study.fs, study.root)).problems, step);
          assert.equal(
            next.problems.filter((p) => p.kind === 'duplicate-coding-id').length,
            step.startsWith('shared') ? 2 : 0,
            step,
          );
          current = next;
        }
      });

      it('a broken sidecar deleted (its problems go with it)', async () => {
        const sidecar = 'transcripts/P02.ben.codes.yaml';
        await assertSameAsFullLoad(study, ['transcripts/P02.txt'], () =>
          study.write(sidecar, '<<<<<<< HEAD\ngrounded: 1\n=======\ngrounded: 1\n>>>>>>> theirs\n'),
        );
        const after = await assertSameAsFullLoad(study, ['transcripts/P02.txt'], () =>
          study.fs.delete(study.uri(sidecar)),
        );
        assert.ok(!after.problems.some((p) => p.uri.endsWith('P02.ben.codes.yaml')));
      });

      it('a transcript edited on disk (codings re-anchored), together with another', async () => {
        await assertSameAsFullLoad(study, ['transcripts/P01.txt', 'transcripts/P02.txt'], async () => {
          await study.write('transcripts/P01.txt', `Study: mentoring, second pass.\n\n${TRANSCRIPT}`);
          await addCodings(study.fs, await study.transcript('transcripts/P02.txt'), 'amara', [
            { code: 'burnout', ...BURNOUT },
          ]);
        });
      });

      it('keeps the cache entries of the other transcripts and uses the cache without changing the result', async () => {
        const cache = new MemoryStudyCache();
        await loadStudy(study.fs, study.root, { cache });
        const entries = new Set(cache.entries.keys());
        await assertSameAsFullLoad(
          study,
          ['transcripts/P01.txt'],
          async () => {
            await addCodings(study.fs, await study.transcript('transcripts/P01.txt'), 'amara', [
              { code: 'burnout', ...BURNOUT },
            ]);
          },
          cache,
        );
        for (const key of entries) assert.ok(cache.entries.has(key), `entry ${key} kept`);
      });

      it('declines when the change reaches beyond the transcripts: codebook, settings, a deleted or unknown transcript', async () => {
        const before = await loadStudy(study.fs, study.root);
        const p01 = uriOf(before, 'transcripts/P01.txt');
        await study.write('codebook.yaml', CODEBOOK.replace('name: Burnout', 'name: Exhaustion'));
        assert.equal(await reloadTranscripts(study.fs, before, [p01]), undefined, 'codebook changed');
        await study.write('codebook.yaml', CODEBOOK);
        await study.write('grounded.yaml', 'grounded: 1\ntranscripts: ["transcripts/**/*.txt"]\n');
        assert.equal(await reloadTranscripts(study.fs, before, [p01]), undefined, 'settings appeared');
        await study.fs.delete(study.uri('grounded.yaml'));
        assert.equal(
          await reloadTranscripts(study.fs, before, [study.uri('transcripts/P09.txt')]),
          undefined,
          'not a transcript of the study',
        );
        await study.fs.delete(study.uri('transcripts/P03.txt'));
        assert.equal(
          await reloadTranscripts(study.fs, before, [uriOf(before, 'transcripts/P03.txt')]),
          undefined,
          'transcript deleted',
        );
        assert.equal(await reloadTranscripts(study.fs, before, []), before, 'nothing to reload');
      });
    });
  }

  it('declines for a transcript sharing its folder and stem with another (which claims the sidecars is a study-wide question)', async () => {
    const study = await ADAPTERS[0]!.make({
      ...FILES,
      'grounded.yaml': 'grounded: 1\ntranscripts: ["**/*.txt", "**/*.md"]\nexclude: ["memos/**"]\n',
      'transcripts/P01.md': TRANSCRIPT,
    });
    const before = await loadStudy(study.fs, study.root);
    assert.equal(await reloadTranscripts(study.fs, before, [uriOf(before, 'transcripts/P01.txt')]), undefined);
    assert.ok(await reloadTranscripts(study.fs, before, [uriOf(before, 'transcripts/P02.txt')]));
  });
});

describe('reloadTranscripts when nothing changed', () => {
  it('returns the very same study object (a watcher echo of our own write publishes nothing)', async () => {
    const study = await fixtureWithCodings(ADAPTERS[0]!.make);
    const before = await loadStudy(study.fs, study.root);
    assert.equal(
      await reloadTranscripts(study.fs, before, [
        uriOf(before, 'transcripts/P01.txt'),
        uriOf(before, 'transcripts/P03.txt'),
      ]),
      before,
    );
  });
});
