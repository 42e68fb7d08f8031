import type { Study, StudyTranscript } from '../../core/index';
import { timeSlicedPause } from './time-slices';
import type { StudyMessage } from './worker-messages';

/**
 * Sends studies to a worker so that each transcript object crosses once: a loaded study is a value whose
 * unchanged transcripts stay the same objects from one version to the next, so after a coding only the
 * changed transcript is cloned. Each transcript is its own message (cloning it holds the extension host's thread:
 * ≈ 10 ms for 400 codings), with a turn of the event loop whenever the sending has held the thread for a slice,
 * so a big first send never holds it for long.
 */
export class StudyShipper {
  private shipped: Study | undefined;
  private ids = new Map<StudyTranscript, number>();
  private nextId = 0;
  /** Transcripts cloned so far (tests check that a rebuild after one change sends one). */
  transcriptsSent = 0;

  constructor(
    private readonly post: (message: StudyMessage) => void,
    private readonly pause: () => Promise<void> = timeSlicedPause(),
  ) {}

  /** Makes `study` the worker's study; resolves once every message is posted. */
  async ship(study: Study): Promise<void> {
    if (study === this.shipped) return;
    const ids = new Map<StudyTranscript, number>();
    for (const transcript of study.transcripts) {
      let id = this.ids.get(transcript) ?? ids.get(transcript);
      if (id === undefined) {
        id = this.nextId++;
        this.post({ type: 'transcripts', items: [{ id, transcript }] });
        this.transcriptsSent++;
        await this.pause();
      }
      ids.set(transcript, id);
    }
    const { transcripts, ...frame } = study;
    this.post({ type: 'study', frame, transcripts: transcripts.map((t) => ids.get(t) as number) });
    this.ids = ids;
    this.shipped = study;
  }
}
