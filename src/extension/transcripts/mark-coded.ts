import * as vscode from 'vscode';
import { basenameUri, markTranscriptCoded, markTranscriptNotCoded, type Study } from '../../core/index';
import type { GroundedServices } from '../services';
import { fromVscodeUri, toVscodeUri } from '../platform/workspace-file-system';
import { commandArgs } from '../shared/register-command';
import { asUserError, UserError } from '../shared/errors';
import { currentTranscriptRefReloading, transcriptTarget } from '../shared/transcript-target';
import { reloadFresh } from '../shared/fresh-reload';
import { summarizeMarking, type MarkingOutcome } from './marking-summary';

/** What a script gets back: the transcripts (core URIs) changed and those already in the wanted state. */
export interface MarkingResult {
  readonly coder: string;
  readonly changed: readonly string[];
  readonly unchanged: readonly string[];
}

/**
 * grounded.markTranscriptCoded / grounded.markTranscriptNotCoded, for the coder the coding commands write as.
 * Coded writes an empty sidecar where there is none ("read, nothing applies"); Not Coded removes an empty
 * sidecar and refuses one with codings (nothing is deleted). Works on the transcripts selected in the
 * explorer (all of them), the file a menu or script names, or the active editor's transcript. Every write
 * goes through the shared editor-aware file system, under the same locks as the CLI and other windows.
 */
export function markTranscripts(services: GroundedServices, coded: boolean) {
  return async (arg?: unknown, selected?: unknown): Promise<MarkingResult | undefined> => {
    const uris = await targetUris(services, arg, selected);
    const coder = await services.coder.coderId();
    if (!coder) return undefined;
    const names = { changed: [] as string[], unchanged: [] as string[] };
    const refusals: string[] = [];
    const notTranscripts: string[] = [];
    const changed: string[] = [];
    const unchanged: string[] = [];
    const written = new Map<string, string[]>();
    for (const uri of uris) {
      const found = await currentTranscriptRefReloading(services, uri);
      const name = basenameUri(fromVscodeUri(uri));
      if (!found) {
        notTranscripts.push(name);
        continue;
      }
      try {
        const done = coded
          ? await markTranscriptCoded(services.editorAwareFs, found.ref, coder)
          : await markTranscriptNotCoded(services.editorAwareFs, found.ref, coder);
        (done ? names.changed : names.unchanged).push(name);
        (done ? changed : unchanged).push(found.ref.uri);
        written.set(found.root, [...(written.get(found.root) ?? []), found.ref.uri]);
      } catch (error) {
        refusals.push(asUserError(error).message);
      }
    }
    for (const [root, transcripts] of written) await reloadShowing(services, root, transcripts, coder, coded);
    const outcome: MarkingOutcome = { coded, coder, ...names, refusals, notTranscripts };
    const { done, error } = summarizeMarking(outcome);
    if (error) throw new UserError(error);
    if (done) vscode.window.setStatusBarMessage(`Grounded: ${done}`, 5000);
    return { coder, changed, unchanged };
  };
}

/**
 * The files to mark: the explorer's selection (a menu passes the clicked file, then every selected one),
 * a menu's or script's single file, else the active editor's transcript (refused with the reason when it
 * is none).
 */
async function targetUris(services: GroundedServices, arg: unknown, selected: unknown): Promise<vscode.Uri[]> {
  if (Array.isArray(selected) && selected.length > 0 && selected.every((item) => item instanceof vscode.Uri))
    return selected as vscode.Uri[];
  const uri = commandArgs(arg).uri();
  if (uri !== undefined) return [typeof uri === 'string' ? toVscodeUri(uri) : uri];
  return [(await transcriptTarget(services)).document.uri];
}

/** Reloads the marked transcripts so badges and views show the new state at once. */
async function reloadShowing(
  services: GroundedServices,
  root: string,
  transcripts: readonly string[],
  coder: string,
  coded: boolean,
): Promise<void> {
  const shows = (study: Study) =>
    transcripts.every(
      (uri) =>
        (study.transcripts.find((t) => t.uri === uri)?.sidecars.some((s) => s.coder === coder) ?? false) === coded,
    );
  if (shows(await services.studies.reloadTranscripts(root, transcripts))) return;
  await reloadFresh(services.studies, root, shows);
}
