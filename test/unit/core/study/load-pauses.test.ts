/**
 * A host that shares its thread (the extension host) passes `pause` to loading: the pass over every coding of
 * the study (the longest stretch of a load with no file read in between: ≈ 100,000 coding ids at XL) awaits it
 * between transcripts, so a timer gets its turn during the load, and the study loaded is the same as without.
 * The example study is loaded from memory, where no file read ever waits for the event loop.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { addCodings, loadStudy, type Study } from '../../../../src/core/index';
import { reloadTranscripts } from '../../../../src/core/study/reload-transcripts';
import { memoryFixture, type Fixture } from '../helpers';

const EXAMPLE = join(__dirname, '../../../../examples/mentorship-study');

function filesUnder(folder: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(folder, path).split('\\').join('/')] = readFileSync(path);
    }
  };
  walk(folder);
  return files;
}

/** A pause that always yields to a timer turn, counting its calls. */
function countingPause(): { pause: () => Promise<void>; calls: () => number } {
  let calls = 0;
  return {
    pause: () => {
      calls++;
      return new Promise((resolve) => setTimeout(resolve, 0));
    },
    calls: () => calls,
  };
}

/** Whether a timer set just before `work` fired before `work` finished. */
async function timerFiresDuring(work: () => Promise<unknown>): Promise<boolean> {
  let fired = false;
  const timer = setTimeout(() => (fired = true), 0);
  await work();
  clearTimeout(timer);
  return fired;
}

describe('loading pauses for a host that shares its thread', function () {
  this.timeout(60_000);
  let fixture: Fixture;
  let plain: Study;

  before(async () => {
    fixture = await memoryFixture(filesUnder(EXAMPLE));
    plain = await loadStudy(fixture.fs, fixture.root);
    assert.ok(plain.transcripts.length >= 30 && plain.transcripts.every((t) => t.text.length > 0));
  });

  after(() => fixture.cleanup());

  it('a full load awaits the pause between transcripts, lets a timer fire, and loads the same study', async () => {
    const { pause, calls } = countingPause();
    let paused: Study | undefined;
    assert.ok(await timerFiresDuring(async () => (paused = await loadStudy(fixture.fs, fixture.root, { pause }))));
    assert.ok(
      calls() >= plain.transcripts.length,
      `paused ${calls()} times over ${plain.transcripts.length} transcripts`,
    );
    assert.deepEqual(paused, plain);
  });

  it('a partial reload after a coding awaits it too and gives the same study', async () => {
    const transcript = plain.transcripts[3];
    const sidecar = transcript?.sidecars[0];
    assert.ok(transcript && sidecar, 'the transcript has a sidecar');
    const path = sidecar.uri.slice(fixture.root.length + 1);
    const before = (await fixture.read(path)) as Uint8Array;
    const code = sidecar.sidecar.codings[0]?.code as string;
    await addCodings(fixture.fs, transcript, sidecar.coder, [{ code, start: 0, end: 12, id: 'paused-load' }]);
    try {
      const expected = await reloadTranscripts(fixture.fs, plain, [transcript.uri]);
      assert.ok(expected && expected !== plain, 'the coding is in the reloaded study');
      const { pause, calls } = countingPause();
      let reloaded: Study | undefined;
      assert.ok(
        await timerFiresDuring(
          async () => (reloaded = await reloadTranscripts(fixture.fs, plain, [transcript.uri], { pause })),
        ),
      );
      assert.ok(calls() >= plain.transcripts.length, `paused ${calls()} times`);
      assert.deepEqual(reloaded, expected);
    } finally {
      await fixture.write(path, before);
    }
  });
});
