import assert from 'node:assert/strict';
import { CachedStudyLoader } from '../../../../src/core/study/cached-study-loader';
import { loadStudy } from '../../../../src/core/study/load-study';
import { RELOAD_DELAY_MS, ReloadScheduler } from '../../../../src/core/study/reload-scheduler';
import type { Study } from '../../../../src/core/study/study';
import { basenameUri } from '../../../../src/core/uri';
import { CODEBOOK, TRANSCRIPT, memoryFixture, nodeFixture, type Fixture } from '../helpers';
import { HeldLoader, ManualClock, settle, writeCodings } from './scheduler-harness';

// The study reload scheduler on real study files, with a clock the test moves and loads the test may hold
// after they have read the folder. The tests under "coalescing", "overlapping loads" and "study roots" are
// races the extension once lost; each fails when the rule of the scheduler it names is taken out.

const P01 = 'transcripts/P01.txt';
const P02 = 'transcripts/P02.txt';

const FILES = {
  'grounded.yaml': 'grounded: 1\ntranscripts:\n  - transcripts/*.txt\n',
  'codebook.yaml': CODEBOOK,
  [P01]: TRANSCRIPT.replace(/P07/g, 'P01'),
  [P02]: TRANSCRIPT.replace(/P07/g, 'P02'),
  'memos/theory.md': '# Theory\n\nMentoring is found, not assigned.\n',
};

describe('ReloadScheduler', () => {
  let fixture: Fixture;
  let loader: HeldLoader;
  let clock: ManualClock;
  let published: Study[];
  let scheduler: ReloadScheduler;

  const code = (path: string, ids: readonly string[], coder?: string) => writeCodings(fixture, path, ids, coder);

  /** Every coding id of a transcript in a study. */
  function idsOf(study: Study | undefined, path: string): string[] {
    const transcript = study?.transcripts.find((t) => t.path === path);
    return (transcript?.sidecars ?? []).flatMap((s) => s.sidecar.codings.map((c) => c.id)).sort();
  }

  function start(findRoots: () => Promise<readonly string[]> = async () => [fixture.root]): void {
    loader = new HeldLoader(new CachedStudyLoader(fixture.fs));
    clock = new ManualClock();
    published = [];
    scheduler = new ReloadScheduler({
      loader,
      findRoots,
      startTimer: clock.startTimer,
      publish: (study) => published.push(study),
      isIgnored: (uri) => uri.endsWith('.tmp'),
    });
  }

  /** The loader calls so far, readable: "full", "partial P01.txt P02.txt". */
  const calls = () =>
    loader.calls.map((call) => [call.kind, ...call.transcripts.map((uri) => basenameUri(uri))].join(' '));
  /** The study the views were last given. */
  const shown = () => published.at(-1);
  const changed = (...paths: string[]) => paths.forEach((path) => scheduler.fileChanged(fixture.uri(path)));
  const quietPeriod = async () => {
    clock.advance(RELOAD_DELAY_MS);
    await settle();
  };
  const renameCode = () => fixture.write('codebook.yaml', CODEBOOK.replace('name: Burnout', 'name: Burning out'));
  const codeNames = (study: Study | undefined) => study?.codebook.codes.map((c) => c.name) ?? [];

  beforeEach(async () => {
    fixture = await memoryFixture(FILES);
    await code(P01, ['a1']);
    await code(P02, ['b1']);
    start();
    await scheduler.study(fixture.root);
    loader.calls.splice(0);
    published.splice(0);
  });

  afterEach(() => {
    scheduler.dispose();
    return fixture.cleanup();
  });

  describe('which change reloads what', () => {
    it('a changed sidecar reloads its transcript only, to what a full load gives', async () => {
      await code(P01, ['a1', 'a2']);
      changed('transcripts/P01.amara.codes.yaml');
      await quietPeriod();
      assert.deepEqual(calls(), ['partial P01.txt']);
      assert.deepEqual(idsOf(shown(), P01), ['a1', 'a2']);
      assert.deepStrictEqual(shown(), await loadStudy(fixture.fs, fixture.root));
    });

    it("a new coder's first sidecar and the transcript's own text reload that transcript only", async () => {
      await code(P02, ['c1'], 'ben');
      changed('transcripts/P02.ben.codes.yaml', P02);
      await quietPeriod();
      assert.deepEqual(calls(), ['partial P02.txt']);
      assert.deepEqual(idsOf(shown(), P02), ['b1', 'c1']);
    });

    const wholeStudyChanges: Record<string, string> = {
      'codebook.yaml': CODEBOOK.replace('name: Burnout', 'name: Burning out'),
      'memos/theory.md': '# Theory\n\nMentoring is found.\n',
      'transcripts/P03.txt': TRANSCRIPT,
      'grounded.yaml': FILES['grounded.yaml'] + '# touched\n',
    };
    for (const [path, content] of Object.entries(wholeStudyChanges)) {
      it(`a change to ${path} reloads the whole study`, async () => {
        await fixture.write(path, content);
        changed(path);
        await quietPeriod();
        assert.deepEqual(calls(), ['full']);
        assert.deepStrictEqual(shown(), await loadStudy(fixture.fs, fixture.root));
      });
    }

    it('a sidecar two transcripts of one folder could own reloads the whole study', async () => {
      // "P01.txt" and "P01.text" share the stem "P01": which one claims P01's sidecars is a whole-study question.
      await fixture.write('transcripts/P01.text', TRANSCRIPT);
      await fixture.write('grounded.yaml', FILES['grounded.yaml'] + '  - transcripts/*.text\n');
      assert.equal((await scheduler.reload(fixture.root)).transcripts.length, 3);
      loader.calls.splice(0);
      changed('transcripts/P01.amara.codes.yaml');
      await quietPeriod();
      assert.deepEqual(calls(), ['full']);
    });

    it('changes in .git, node_modules or to ignored files (a writer’s temp files) reload nothing', async () => {
      changed('.git/index', 'node_modules/left-pad/index.js', 'transcripts/.P01.amara.codes.yaml.1f3a.tmp');
      assert.equal(clock.pendingTimers, 0, 'no reload is even scheduled');
      await quietPeriod();
      assert.deepEqual(calls(), []);
    });
  });

  describe('coalescing', () => {
    it('a burst of events reloads once, a quiet period after the last one', async () => {
      // A git checkout: events keep coming every 100 ms for a second.
      for (let event = 0; event < 10; event++) {
        changed('codebook.yaml');
        clock.advance(100);
        await settle();
        assert.deepEqual(calls(), [], `nothing loads while events keep coming (${event * 100} ms)`);
      }
      clock.advance(RELOAD_DELAY_MS - 100 - 1);
      await settle();
      assert.deepEqual(calls(), []);
      await quietPeriod();
      assert.deepEqual(calls(), ['full']);
    });

    it('changes to several transcripts in one quiet period reload them together, partially', async () => {
      await code(P01, ['a1', 'a2']);
      await code(P02, ['b1', 'b2']);
      changed('transcripts/P01.amara.codes.yaml', 'transcripts/P02.amara.codes.yaml');
      await quietPeriod();
      assert.deepEqual(calls(), ['partial P01.txt P02.txt']);
      assert.deepEqual(
        [idsOf(shown(), P01), idsOf(shown(), P02)],
        [
          ['a1', 'a2'],
          ['b1', 'b2'],
        ],
      );
    });

    it('study() asked during the quiet period reloads the transcripts waiting for it at once', async () => {
      await code(P01, ['a1', 'a2']);
      changed('transcripts/P01.amara.codes.yaml');
      assert.deepEqual(idsOf(await scheduler.study(fixture.root), P01), ['a1', 'a2']);
      await quietPeriod();
      assert.deepEqual(calls(), ['partial P01.txt'], 'the timer finds nothing left to do');
    });
  });

  describe('overlapping loads', () => {
    it('first uses at the same time share one load', async () => {
      start();
      const studies = await Promise.all([
        scheduler.study(fixture.root),
        scheduler.studyFor(fixture.uri(P01)),
        scheduler.allStudies().then(([study]) => study),
      ]);
      assert.deepEqual(calls(), ['full']);
      assert.ok(studies.every((study) => study === studies[0]));
    });

    it('a change that arrives during a full load loads the study once more after it', async () => {
      loader.holding = true;
      const running = scheduler.reload(fixture.root);
      await settle(); // the load has read the folder
      await renameCode();
      changed('codebook.yaml');
      await quietPeriod();
      loader.holding = false;
      loader.calls[0]?.release();
      await running;
      await settle();
      assert.deepEqual(calls(), ['full', 'full']);
      // What the views got, without anyone asking for the study again.
      assert.ok(codeNames(shown()).includes('Burning out'), codeNames(shown()).join(', '));
    });

    it('reload() after a write waits for a load that read the folder before the write', async () => {
      loader.holding = true;
      changed('memos/theory.md');
      await quietPeriod(); // a full load for the memo has read the folder
      await code(P01, ['a1', 'a2']); // our write
      loader.holding = false;
      const reloaded = scheduler.reload(fixture.root);
      loader.calls[0]?.release();
      assert.deepEqual(idsOf(await reloaded, P01), ['a1', 'a2']);
    });

    it('a partial reload waits for a full load already running, and builds on its result', async () => {
      loader.holding = true;
      const full = scheduler.reload(fixture.root);
      await settle(); // the full load has read the folder
      await code(P01, ['a1', 'a2']);
      loader.holding = false;
      const partial = scheduler.reloadTranscripts(fixture.root, [fixture.uri(P01)]);
      await settle();
      loader.calls[0]?.release();
      await Promise.all([full, partial]);
      await settle();
      assert.deepEqual(idsOf(await partial, P01), ['a1', 'a2']);
      assert.deepEqual(idsOf(shown(), P01), ['a1', 'a2'], 'the older full load did not publish after it');
    });

    it('a partial reload whose study was replaced meanwhile is done again on the newer one', async () => {
      loader.holding = true;
      await code(P01, ['a1', 'a2']);
      const partial = scheduler.reloadTranscripts(fixture.root, [fixture.uri(P01)]);
      await settle(); // the partial reload has read P01's files
      await code(P02, ['b1', 'b2']);
      loader.holding = false;
      await scheduler.reload(fixture.root); // a full load publishes both changes
      loader.calls[0]?.release();
      await partial;
      await settle();
      assert.deepEqual(
        [idsOf(shown(), P01), idsOf(shown(), P02)],
        [
          ['a1', 'a2'],
          ['b1', 'b2'],
        ],
      );
    });

    it('partial reloads of one study run one at a time, each on the study the previous one published', async () => {
      loader.holding = true;
      await code(P01, ['a1', 'a2']);
      const first = scheduler.reloadTranscripts(fixture.root, [fixture.uri(P01)]);
      await settle();
      await code(P02, ['b1', 'b2']);
      const second = scheduler.reloadTranscripts(fixture.root, [fixture.uri(P02)]);
      await settle();
      assert.deepEqual(calls(), ['partial P01.txt'], 'the second waits for the first');
      loader.holding = false;
      loader.calls[0]?.release();
      await Promise.all([first, second]);
      assert.deepEqual(calls(), ['partial P01.txt', 'partial P02.txt']);
      assert.deepEqual(idsOf(loader.calls[1]?.base, P01), ['a1', 'a2'], 'the second started from the first');
      assert.deepEqual(
        [idsOf(shown(), P01), idsOf(shown(), P02)],
        [
          ['a1', 'a2'],
          ['b1', 'b2'],
        ],
      );
    });

    it('study() asked during a partial reload returns its result', async () => {
      loader.holding = true;
      await code(P01, ['a1', 'a2']);
      const partial = scheduler.reloadTranscripts(fixture.root, [fixture.uri(P01)]);
      await settle();
      const asked = scheduler.study(fixture.root);
      loader.calls[0]?.release();
      await partial;
      assert.deepEqual(idsOf(await asked, P01), ['a1', 'a2']);
    });

    it('the watcher’s echo of our own write publishes nothing', async () => {
      const sidecar = await code(P01, ['a1', 'a2']);
      await scheduler.reloadTranscripts(fixture.root, [fixture.uri(P01)]);
      assert.equal(published.length, 1);
      scheduler.fileChanged(sidecar);
      await quietPeriod();
      assert.deepEqual(calls(), ['partial P01.txt', 'partial P01.txt'], 'the echo was checked');
      assert.equal(published.length, 1, 'and changed nothing');
    });

    it('a partial reload that cannot be exact (the codebook changed too) loads the whole study', async () => {
      await renameCode();
      await code(P01, ['a1', 'a2']);
      changed('transcripts/P01.amara.codes.yaml'); // the codebook's event has not come yet
      await quietPeriod();
      assert.deepEqual(calls(), ['partial P01.txt', 'full']);
      assert.ok(codeNames(shown()).includes('Burning out'));
      assert.deepStrictEqual(shown(), await loadStudy(fixture.fs, fixture.root));
    });
  });

  describe('study roots', () => {
    it('a study folder deleted before its file event was handled is left out of allStudies; one still there fails it', async () => {
      const gone = fixture.uri('gone');
      let roots = [gone, fixture.root];
      let goneExists = true;
      // The folder of `gone` cannot be listed (deleted), as a real file system says after a suite's fixture went.
      const fs = new Proxy(fixture.fs, {
        get: (target, key, receiver) => {
          if (key === 'list')
            return async (uri: string) => {
              if (uri === gone || uri.startsWith(`${gone}/`)) throw new Error(`ENOENT: no such directory ${uri}`);
              return target.list(uri);
            };
          const value = Reflect.get(target, key, receiver) as unknown;
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      scheduler.dispose();
      scheduler = new ReloadScheduler({
        loader: new CachedStudyLoader(fs),
        findRoots: async () => (goneExists ? roots : roots.filter((root) => root !== gone)),
        startTimer: new ManualClock().startTimer,
        publish: () => undefined,
        isIgnored: () => false,
      });
      // Still found as a root (its grounded.yaml is there) but unreadable: the error reaches the caller.
      await assert.rejects(scheduler.allStudies(), /ENOENT/);
      // Gone: the roots are found again, and the other study is listed.
      goneExists = false;
      const studies = await scheduler.allStudies();
      assert.deepEqual(
        studies.map((study) => study.root),
        [fixture.root],
      );
      assert.deepEqual(await scheduler.studyRoots(), [fixture.root]);
      roots = [fixture.root];
    });

    it('only the newest root search sets the roots, whichever ends last', async () => {
      const searches: ((roots: string[]) => void)[] = [];
      start(() => new Promise((resolve) => searches.push(resolve)));
      searches[0]?.([fixture.root]);
      await settle();
      const nested = fixture.uri('sub');
      changed('sub/grounded.yaml'); // an older search…
      changed('grounded.yaml'); // …and a newer one
      assert.equal(searches.length, 3);
      searches[2]?.([nested, fixture.root]);
      await settle();
      searches[1]?.([fixture.root]);
      await settle();
      assert.deepEqual(await scheduler.studyRoots(), [nested, fixture.root]);
    });

    it('a new workspace folder: the roots are searched again and every study reloads', async () => {
      let roots = [fixture.root];
      start(async () => roots);
      await scheduler.study(fixture.root);
      loader.calls.splice(0);
      const added = fixture.uri('added');
      roots = [added, fixture.root];
      scheduler.workspaceChanged();
      await settle();
      assert.deepEqual(await scheduler.studyRoots(), [added, fixture.root]);
      assert.deepEqual(calls(), ['full', 'full']);
    });

    it('a root that is no longer found loses its study: if it comes back, it is loaded afresh', async () => {
      let roots = [fixture.root];
      start(async () => roots);
      await scheduler.study(fixture.root);
      // A grounded.yaml outside the study changed: the roots are searched again and this one is gone.
      const elsewhere = 'memory:/elsewhere/grounded.yaml';
      roots = [];
      scheduler.fileChanged(elsewhere);
      assert.deepEqual(await scheduler.studyRoots(), []);
      await renameCode(); // no study watches the folder now
      roots = [fixture.root];
      scheduler.fileChanged(elsewhere);
      assert.deepEqual(await scheduler.studyRoots(), [fixture.root]);
      assert.ok(codeNames(await scheduler.study(fixture.root)).includes('Burning out'));
    });

    it('a study whose folder was deleted is forgotten and the roots are searched again', async () => {
      // On disk: listing a folder that is gone fails there, as in VS Code (the memory file system lists nothing).
      const gone = await nodeFixture({ ...FILES });
      let roots = [gone.root];
      const memory = fixture;
      fixture = gone;
      try {
        start(async () => roots);
        await scheduler.study(gone.root);
        await gone.cleanup();
        roots = [];
        await assert.rejects(scheduler.reload(gone.root));
        assert.deepEqual(await scheduler.studyRoots(), []);
        assert.equal(await scheduler.studyFor(gone.uri(P01)), undefined);
      } finally {
        fixture = memory;
      }
    });
  });
});
