import { makeCodings, sidecarUriFor } from '../../../../src/core/study/coding-operations';
import type { StartTimer, StudyLoader } from '../../../../src/core/study/reload-scheduler';
import type { Study } from '../../../../src/core/study/study';
import { serializeSidecar } from '../../../../src/core/sidecar/format';
import { basenameUri } from '../../../../src/core/uri';
import { TRANSCRIPT, rangeOf, utf8, type Fixture } from '../helpers';

const MENTOR = rangeOf(TRANSCRIPT, 'My assigned mentor was a chief I had never met');

/** Writes one coder's sidecar of a transcript, with a coding of each id; its URI. */
export async function writeCodings(
  fixture: Fixture,
  path: string,
  ids: readonly string[],
  coder = 'amara',
): Promise<string> {
  const transcript = await fixture.transcript(path);
  const codings = makeCodings(
    transcript,
    coder,
    ids.map((id) => ({ id, code: 'mentoring', ...MENTOR })),
  );
  const uri = sidecarUriFor(transcript.uri, coder);
  const sidecar = { transcript: basenameUri(transcript.uri), coder, textHash: transcript.textHash, codings };
  await fixture.fs.writeFile(uri, utf8(serializeSidecar(sidecar)));
  return uri;
}

/** Timers that fire only when the test moves the clock. */
export class ManualClock {
  private now = 0;
  private readonly timers = new Set<{ readonly at: number; readonly callback: () => void }>();

  readonly startTimer: StartTimer = (delayMs, callback) => {
    const timer = { at: this.now + delayMs, callback };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  };

  /** Moves the clock forward, firing every timer that comes due on the way, in order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const [due] = [...this.timers].filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at);
      if (!due) break;
      this.timers.delete(due);
      this.now = due.at;
      due.callback();
    }
    this.now = end;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }
}

/** One call the scheduler made to its loader. */
export interface LoaderCall {
  readonly kind: 'full' | 'partial';
  readonly transcripts: readonly string[];
  /** The study a partial reload started from. */
  readonly base?: Study;
  /** Lets a held call return (it has read the files already). */
  release(): void;
}

/**
 * Real loads, recorded. While `holding` is set, a call reads the files at once but returns only when the test
 * releases it: a load that read the folder before a write the test makes next, and is still running.
 */
export class HeldLoader implements StudyLoader {
  readonly calls: LoaderCall[] = [];
  holding = false;

  constructor(private readonly real: StudyLoader) {}

  async load(root: string): Promise<Study> {
    const released = this.record('full', []);
    const study = await this.real.load(root);
    await released;
    return study;
  }

  async reloadTranscripts(root: string, base: Study, transcriptUris: readonly string[]): Promise<Study | undefined> {
    const released = this.record('partial', transcriptUris, base);
    const study = await this.real.reloadTranscripts(root, base, transcriptUris);
    await released;
    return study;
  }

  exists(root: string): Promise<boolean> {
    return this.real.exists(root);
  }

  forget(root: string): void {
    this.real.forget(root);
  }

  private record(kind: LoaderCall['kind'], transcripts: readonly string[], base?: Study): Promise<void> {
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    this.calls.push({ kind, transcripts: [...transcripts], ...(base ? { base } : {}), release });
    if (!this.holding) release();
    return released;
  }
}

/**
 * Waits until every promise chain under way has run: the memory file system answers at once, so a load
 * over it is microtasks only, all of which run before the next macrotask.
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
