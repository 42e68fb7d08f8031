import type { Study, StudyTranscript } from '../../core/index';
import type { StudyMessage } from './worker-messages';

/**
 * A worker's copy of the latest study the host shipped (see StudyShipper): keeps the transcripts by number and
 * rebuilds the study from each frame. Only the latest study is kept: transcripts it no longer has are dropped,
 * as on the host.
 */
export class StudyMirror {
  private readonly transcripts = new Map<number, StudyTranscript>();
  private current: Study | undefined;

  get study(): Study | undefined {
    return this.current;
  }

  /** Takes in a study message; false for any other message (the caller's own). */
  receive(message: { readonly type: string }): message is StudyMessage {
    const study = message as StudyMessage;
    if (study.type === 'transcripts') {
      for (const { id, transcript } of study.items) this.transcripts.set(id, transcript);
      return true;
    }
    if (study.type === 'study') {
      this.current = {
        ...study.frame,
        transcripts: study.transcripts.map((id) => this.transcripts.get(id) as StudyTranscript),
      };
      const kept = new Set(study.transcripts);
      for (const id of this.transcripts.keys()) if (!kept.has(id)) this.transcripts.delete(id);
      return true;
    }
    return false;
  }
}
