import type { Study, StudyTranscript } from '../../core/index';
import type { StudyMessage } from './worker-messages';

/** Roughly how much one message may carry (UTF-16 units of text, codings counted at a typical size). */
const BATCH_BUDGET = 1_000_000;
const CODING_SIZE = 300;

/**
 * Sends studies to a worker so that each transcript object crosses once: a loaded study is a value whose
 * unchanged transcripts stay the same objects from one version to the next, so after a coding only the
 * changed transcript is cloned. A big first send is cut into batches with a turn of the event loop between
 * them, so no single structured clone holds the extension host's thread for long.
 */
export class StudyShipper {
  private shipped: Study | undefined;
  private ids = new Map<StudyTranscript, number>();
  private nextId = 0;
  /** Transcripts cloned so far (tests check that a rebuild after one change sends one). */
  transcriptsSent = 0;

  constructor(
    private readonly post: (message: StudyMessage) => void,
    private readonly yieldTurn: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
  ) {}

  /** Makes `study` the worker's study; resolves once every message is posted. */
  async ship(study: Study): Promise<void> {
    if (study === this.shipped) return;
    const ids = new Map<StudyTranscript, number>();
    let batch: { id: number; transcript: StudyTranscript }[] = [];
    let size = 0;
    for (const transcript of study.transcripts) {
      let id = this.ids.get(transcript) ?? ids.get(transcript);
      if (id === undefined) {
        id = this.nextId++;
        batch.push({ id, transcript });
        size +=
          transcript.text.length + CODING_SIZE * transcript.sidecars.reduce((n, s) => n + s.sidecar.codings.length, 0);
        if (size >= BATCH_BUDGET) {
          this.sendBatch(batch);
          batch = [];
          size = 0;
          await this.yieldTurn();
        }
      }
      ids.set(transcript, id);
    }
    if (batch.length > 0) this.sendBatch(batch);
    const { transcripts, ...frame } = study;
    this.post({ type: 'study', frame, transcripts: transcripts.map((t) => ids.get(t) as number) });
    this.ids = ids;
    this.shipped = study;
  }

  private sendBatch(items: { id: number; transcript: StudyTranscript }[]): void {
    this.post({ type: 'transcripts', items });
    this.transcriptsSent += items.length;
  }
}
