import * as vscode from 'vscode';
import type { Study, StudyTranscript, TranscriptRef } from '../../core/index';
import type { GroundedServices } from '../services';
import type { LiveCoding } from '../study/live-codings';
import type { DocumentText } from '../study/document-text';
import { fromVscodeUri, toVscodeUri } from '../platform/workspace-file-system';
import { UserError } from './errors';

/** The transcript a coding command works on, with its live text and codings. */
export interface TranscriptTarget {
  readonly document: vscode.TextDocument;
  /** The editor showing the document, when there is one (selections, cursor moves). */
  readonly editor: vscode.TextEditor | undefined;
  readonly study: Study;
  readonly transcript: StudyTranscript;
  /** The document's current text (maybe unsaved) in the core's terms. */
  readonly text: DocumentText;
  /** Codings with offsets valid for `text`. */
  readonly codings: readonly LiveCoding[];
}

/**
 * Finds the transcript for a command: `uri` when a script names one, else the active editor. Codings come
 * from LiveCodings, so their offsets match what is on screen even before the transcript is saved.
 */
export async function transcriptTarget(
  services: GroundedServices,
  uri?: vscode.Uri | string,
): Promise<TranscriptTarget> {
  const wanted = uri === undefined ? undefined : typeof uri === 'string' ? toVscodeUri(uri) : uri;
  const editor = wanted
    ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === wanted.toString())
    : vscode.window.activeTextEditor;
  const document = editor?.document ?? (wanted ? await vscode.workspace.openTextDocument(wanted) : undefined);
  if (!document) throw new UserError('Open a transcript first: Grounded codes the text of the active editor.');
  let live = services.live.get(document) ?? (await services.live.track(document));
  if (!live) {
    // A transcript created since the study last loaded: reload once before giving up.
    const study = await services.studies.studyFor(document.uri);
    if (study) {
      await services.studies.reload(study.root);
      live = await services.live.track(document);
    }
  }
  if (!live)
    throw new UserError(
      `${vscode.workspace.asRelativePath(document.uri)} is not a transcript of a study (see "transcripts" in grounded.yaml).`,
    );
  return {
    document,
    editor,
    study: live.study,
    transcript: live.transcript,
    text: services.texts.of(document),
    codings: live.codings,
  };
}

/**
 * The current text of a transcript for a later operation (an undo): the open document's text when it is
 * open, otherwise the study's copy from disk.
 */
export async function currentTranscriptRef(
  services: GroundedServices,
  transcriptUri: string,
): Promise<{ ref: TranscriptRef; root: string } | undefined> {
  const document = vscode.workspace.textDocuments.find(
    (doc) => !doc.isClosed && doc.uri.toString() === toVscodeUri(transcriptUri).toString(),
  );
  const found = await services.studies.transcriptFor(transcriptUri);
  if (!found) return undefined;
  return { ref: document ? services.texts.of(document) : found.transcript, root: found.study.root };
}

/**
 * `currentTranscriptRef` for a file a command was pointed at: a transcript added since the study last loaded (an
 * import, a file written by another tool) counts after one reload of its study. Undefined when it is no transcript.
 */
export async function currentTranscriptRefReloading(
  services: GroundedServices,
  uri: vscode.Uri,
): Promise<{ ref: TranscriptRef; root: string } | undefined> {
  const coreUri = fromVscodeUri(uri);
  const found = await currentTranscriptRef(services, coreUri).catch(() => undefined);
  if (found) return found;
  const study = await services.studies.studyFor(uri).catch(() => undefined);
  if (!study) return undefined;
  await services.studies.reload(study.root);
  return currentTranscriptRef(services, coreUri);
}

/** Code-point ranges of the editor's selections (or the ranges a script passed), empty ones dropped. */
export function selectedRanges(
  target: TranscriptTarget,
  ranges?: readonly { start: number; end: number }[],
): { start: number; end: number }[] {
  const all = ranges ?? (target.editor?.selections ?? []).map((selection) => target.text.fromRange(selection));
  return all.filter((range) => range.end > range.start);
}
