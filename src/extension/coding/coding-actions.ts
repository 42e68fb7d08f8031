import {
  addCodings,
  changeCodings,
  type Coding,
  type CodingEdit,
  compareCodings,
  editCoding,
  type FileSystemPort,
  isCodingConsistent,
  type NewCoding,
  type OnWritten,
  reanchorSidecar,
  removeCodings,
  sidecarUriFor,
  type Study,
  type TranscriptRef,
} from '../../core/index';
import type { GroundedServices } from '../services';
import { refusalFor } from '../shared/errors';
import { currentTranscriptRef } from '../shared/transcript-target';
import { loadedCodings, reloadFresh } from '../shared/fresh-reload';
import type { UndoStack } from '../shared/undo-stack';

/** Where a coding lives: the transcript and the coder whose sidecar holds it. */
export interface CodingPlace {
  readonly study: Study;
  readonly transcript: TranscriptRef;
  readonly coder: string;
}

/**
 * Every change to codings made by the commands: through the core's safe-write path (over a file system
 * that routes open sidecars through their editors), each recorded with its inverse for
 * grounded.undoLastCodingAction, and each followed by a study reload so views update at once.
 */
export class CodingActions {
  constructor(
    private readonly services: GroundedServices,
    private readonly fs: FileSystemPort,
    private readonly undo: UndoStack,
  ) {}

  async add(place: CodingPlace, additions: readonly NewCoding[], label: string): Promise<Coding[]> {
    this.refuseBroken(place);
    const added = await this.shown(place, () =>
      addCodings(this.fs, place.transcript, place.coder, additions, this.show(place), {
        codebookUri: place.study.codebookUri,
      }),
    );
    const ids = new Set(added.map((c) => c.id));
    if (added.length > 0)
      this.remember(
        place,
        label,
        (now) => this.removeIds(now, ids),
        (codings) => !codings.some((c) => ids.has(c.id)),
      );
    await this.reload(place, (codings) => [...ids].every((id) => codings.some((c) => c.id === id)));
    return added;
  }

  async remove(place: CodingPlace, ids: ReadonlySet<string>, label: string): Promise<Coding[]> {
    this.refuseBroken(place);
    const removed = await this.shown(place, () =>
      removeCodings(this.fs, place.transcript, place.coder, ids, this.show(place)),
    );
    if (removed.length > 0)
      this.remember(
        place,
        label,
        (now) => this.restore(now, removed),
        (codings) => removed.every((r) => codings.some((c) => c.id === r.id)),
      );
    await this.reload(place, (codings) => !codings.some((c) => ids.has(c.id)));
    return removed;
  }

  /** Edits one coding; `before` is the coding as the person saw it, restored by an undo. */
  async edit(place: CodingPlace, before: Coding, edit: CodingEdit, label: string): Promise<Coding | undefined> {
    this.refuseBroken(place);
    const { id } = before;
    const after = await this.shown(place, () =>
      editCoding(this.fs, place.transcript, place.coder, id, edit, this.show(place), {
        codebookUri: place.study.codebookUri,
      }),
    );
    if (after)
      this.remember(
        place,
        label,
        (now) => this.restore(now, [before]),
        (codings) =>
          sameFields(
            codings.find((c) => c.id === id),
            before,
          ),
      );
    await this.reload(
      place,
      (codings) =>
        after === undefined ||
        sameFields(
          codings.find((c) => c.id === id),
          after,
        ),
    );
    return after;
  }

  private remember(
    place: CodingPlace,
    label: string,
    inverse: (place: CodingPlace) => Promise<unknown>,
    undone: (codings: readonly Coding[]) => boolean,
  ): void {
    const transcriptUri = place.transcript.uri;
    this.undo.push({
      label,
      undo: async () => {
        // The transcript may have been edited since: work on its current text.
        const current = await currentTranscriptRef(this.services, transcriptUri);
        if (!current) throw new Error(`the transcript ${transcriptUri} is no longer part of a study`);
        const study = await this.services.studies.study(current.root);
        const now: CodingPlace = { study, transcript: current.ref, coder: place.coder };
        this.refuseBroken(now);
        await inverse(now);
        await this.reload(now, undone);
      },
    });
  }

  private async removeIds(place: CodingPlace, ids: ReadonlySet<string>): Promise<void> {
    await this.shown(place, () => removeCodings(this.fs, place.transcript, place.coder, ids, this.show(place)));
  }

  /** The colours change while the sidecar is being written; the reload that follows confirms them. */
  private show(place: CodingPlace): OnWritten {
    return (sidecar) =>
      this.services.live.showWritten(place.transcript, sidecarUriFor(place.transcript.uri, place.coder), sidecar);
  }

  /**
   * Runs a write whose change show() may have drawn already: when it fails (refused, locked, changed on every
   * attempt), nothing was written, and the editors show the codings as loaded again.
   */
  private async shown<T>(place: CodingPlace, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      this.services.live.showLoaded(place.transcript.uri);
      throw error;
    }
  }

  /** Puts codings back as they were (same ids); one whose passage moved is re-anchored to the current text. */
  private async restore(place: CodingPlace, codings: readonly Coding[]): Promise<void> {
    const { text, textHash } = place.transcript;
    const restored = codings.map((coding) =>
      coding.status === undefined && isCodingConsistent(coding, text)
        ? coding
        : (reanchorSidecar({ transcript: '', coder: place.coder, textHash: '', codings: [coding] }, text, textHash)
            .sidecar.codings[0] as Coding),
    );
    const ids = new Set(restored.map((c) => c.id));
    await this.shown(place, () =>
      changeCodings(
        this.fs,
        place.transcript,
        place.coder,
        (current) => [...current.filter((c) => !ids.has(c.id)), ...restored].sort(compareCodings),
        this.show(place),
      ),
    );
  }

  /** A sidecar the study could not load is never written (docs/ARCHITECTURE.md#persistence, rule 2). */
  private refuseBroken(place: CodingPlace): void {
    const uri = sidecarUriFor(place.transcript.uri, place.coder);
    // A file that loaded may still carry errors about its content (an unknown code): those are fine to edit.
    if (place.study.transcripts.some((t) => t.sidecars.some((s) => s.uri === uri))) return;
    const problems = place.study.problems.filter((p) => p.uri === uri && p.severity === 'error');
    if (problems.length > 0) throw refusalFor(uri, problems);
  }

  /**
   * Reloads the transcript's sidecars so views and colours update at once (the rest of the study did not
   * change); `written` recognises a study that shows the change, and a whole reload follows if it does not.
   */
  private async reload(place: CodingPlace, written: (codings: readonly Coding[]) => boolean): Promise<void> {
    const { root } = place.study;
    const shows = (study: Study) => written(loadedCodings(study, place.transcript.uri, place.coder));
    if (shows(await this.services.studies.reloadTranscripts(root, [place.transcript.uri]))) return;
    await reloadFresh(this.services.studies, root, shows);
  }
}

/** Whether a loaded coding has the fields an edit wrote (offsets may differ while the transcript has unsaved edits). */
function sameFields(loaded: Coding | undefined, expected: Coding): boolean {
  return (
    loaded !== undefined &&
    loaded.code === expected.code &&
    loaded.quote === expected.quote &&
    (loaded.memo ?? '') === (expected.memo ?? '')
  );
}
