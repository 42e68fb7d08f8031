import * as vscode from 'vscode';
import {
  disagreementSpan,
  type Resolution,
  resolveDisagreement,
  settlementFor,
  settlementOf,
  type Study,
  type TranscriptRef,
} from '../../core/index';
import { fromVscodeUri } from '../platform/workspace-file-system';
import { displayPath, UserError } from '../shared/errors';
import { reloadFresh } from '../shared/fresh-reload';
import { commandArgs } from '../shared/register-command';
import type { CompareContext } from './compare-context';
import type { ComparedDisagreement, Comparison } from './comparison';
import { FIRST_MARK, kindPhrase, SECOND_MARK, settlementPhrase } from './describe';
import { comparisonOf } from './go-to-disagreement';
import { firstWords } from '../views/text';

export type Keep = Resolution['keep'];

/**
 * The resolve commands: keep the first coder's coding, the second's, both, neither, or code the selected
 * passage instead (adjust); `resolve` asks which with a quick pick. The disagreement is the one a view item
 * or a script (`{ key }`) names, else the one at the cursor, else the current one. The decision is written to
 * the consensus coder's sidecar only, through the core's safe write path and the window's one editor-aware
 * file system; the two coders' sidecars are never written.
 */
export async function resolveCommand(
  context: CompareContext,
  keep: Keep | 'ask',
  arg?: unknown,
): Promise<Keep | undefined> {
  const comparison = comparisonOf(context);
  const args = commandArgs(arg);
  const item = targetOf(context, comparison, args.viewItem('disagreement')?.key ?? args.string('key'));
  const selected = selectedRange(context, item, args.span('range'));
  const chosen = keep === 'ask' ? await askHow(context, comparison, item, selected) : keep;
  if (!chosen) return undefined;
  let resolution: Resolution;
  if (chosen === 'adjusted') {
    if (!selected)
      throw new UserError(
        `Select the passage to code as ${codeName(comparison, item)} in ${displayPath(item.disagreement.transcriptUri)} first: adjust codes the selection.`,
      );
    resolution = { keep: 'adjusted', ...selected };
  } else resolution = { keep: chosen };
  await write(context, comparison, item, resolution);
  return chosen;
}

/** Which disagreement a resolve command is about. */
function targetOf(context: CompareContext, comparison: Comparison, key: unknown): ComparedDisagreement {
  if (typeof key === 'string') {
    const named = context.compare.find(key);
    if (!named) throw new UserError('That disagreement is no longer listed: one of the coders has changed it.');
    return named;
  }
  const current = context.compare.current;
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const uri = fromVscodeUri(editor.document.uri);
    const text = context.services.texts.of(editor.document);
    const from = text.toOffset(editor.selection.start);
    const to = text.toOffset(editor.selection.end);
    const here = comparison.disagreements.filter((item) => {
      if (item.disagreement.transcriptUri !== uri) return false;
      const span = disagreementSpan(item.disagreement);
      return span.start <= to && from <= span.end;
    });
    const found = here.find((item) => item.key === current?.key) ?? here[0];
    if (found) return found;
  }
  if (current) return current;
  throw new UserError(
    'No disagreement here: go to one with Grounded: Go to Next Disagreement, or pick one in the Disagreements view.',
  );
}

/** The editor's selection in the disagreement's transcript (or a script's `range`), as code points. */
function selectedRange(
  context: CompareContext,
  item: ComparedDisagreement,
  range: { start: number; end: number } | undefined,
): { start: number; end: number } | undefined {
  if (range) return range.end > range.start ? range : undefined;
  const editor = vscode.window.visibleTextEditors.find(
    (e) => fromVscodeUri(e.document.uri) === item.disagreement.transcriptUri,
  );
  if (!editor || editor.selection.isEmpty) return undefined;
  return context.services.texts.of(editor.document).fromRange(editor.selection);
}

async function askHow(
  context: CompareContext,
  comparison: Comparison,
  item: ComparedDisagreement,
  selected: { start: number; end: number } | undefined,
): Promise<Keep | undefined> {
  const { disagreement: d } = item;
  const { first, second } = comparison;
  const quote = (side: typeof d.first) => (side ? `“${firstWords(side.quote, 90)}”` : undefined);
  const transcript = comparison.study.transcripts.find((t) => t.uri === d.transcriptUri);
  const choices: { label: string; description?: string; detail?: string; keep: Keep }[] = [];
  if (d.first)
    choices.push({
      label: `$(arrow-left) Keep ${first}'s coding (${FIRST_MARK})`,
      description: `${d.first.end - d.first.start} characters`,
      detail: quote(d.first),
      keep: 'first',
    });
  if (d.second)
    choices.push({
      label: `$(arrow-right) Keep ${second}'s coding (${SECOND_MARK})`,
      description: `${d.second.end - d.second.start} characters`,
      detail: quote(d.second),
      keep: 'second',
    });
  if (d.first && d.second) choices.push({ label: '$(arrow-both) Keep both codings', keep: 'both' });
  choices.push({
    label: '$(close) Keep neither',
    description: `no ${codeName(comparison, item)} here`,
    keep: 'neither',
  });
  choices.push({
    label: '$(selection) Adjust: code the selected passage',
    description: selected ? `${selected.end - selected.start} characters` : 'select the passage in the editor first',
    detail:
      selected && transcript
        ? `“${firstWords([...transcript.text].slice(selected.start, selected.end).join(''), 90)}”`
        : undefined,
    keep: 'adjusted',
  });
  const already = settlementPhrase(item.settlement, first, second);
  const picked = await context.picks.pick(choices, {
    title: `Resolve: ${codeName(comparison, item)}, ${displayPath(d.transcriptUri)} line ${d.line} — ${kindPhrase(d, first, second)}`,
    placeholder: already
      ? `Resolved already (${already}); a new decision replaces it in ${comparison.consensus}`
      : `The decision is written to ${comparison.consensus}; ${first}'s and ${second}'s files stay as they are`,
    active: choices[0],
  });
  return picked?.keep;
}

async function write(
  context: CompareContext,
  comparison: Comparison,
  item: ComparedDisagreement,
  resolution: Resolution,
): Promise<void> {
  const { services, memory } = context;
  const { study, consensus } = comparison;
  const d = item.disagreement;
  const ref = savedTranscript(context, study, d.transcriptUri);
  await resolveDisagreement(services.editorAwareFs, ref, d, resolution, consensus, { codebookUri: study.codebookUri });
  await memory.remember(study.root, consensus, item.key, resolution);
  const expected = settlementFor(d, resolution);
  const shows = (loaded: Study) => {
    const codings = loaded.transcripts
      .find((t) => t.uri === d.transcriptUri)
      ?.sidecars.find((s) => s.coder === consensus)?.sidecar.codings;
    const now = settlementOf(d, codings, resolution);
    return now.settled && now.as === expected.as;
  };
  // The view and the marks update from the reload: the written sidecar is what they show. The file watcher
  // may have published that reload before the decision was remembered, so the comparison is rebuilt here too.
  let loaded = await services.studies.reloadTranscripts(study.root, [d.transcriptUri]);
  if (!shows(loaded)) loaded = await reloadFresh(services.studies, study.root, shows);
  context.compare.update(loaded);
  vscode.window.setStatusBarMessage(
    `Resolved in ${consensus}: ${settlementPhrase(expected, comparison.first, comparison.second)} — ${codeName(comparison, item)}, line ${d.line}`,
    6000,
  );
}

/**
 * The transcript text the disagreement's offsets belong to. They were found in the saved transcript, so an
 * editor holding unsaved changes to it is refused rather than guessed at.
 */
function savedTranscript(context: CompareContext, study: Study, transcriptUri: string): TranscriptRef {
  const transcript = study.transcripts.find((t) => t.uri === transcriptUri);
  if (!transcript) throw new UserError(`${displayPath(transcriptUri)} is no longer a transcript of the study.`);
  const document = vscode.workspace.textDocuments.find(
    (doc) => !doc.isClosed && fromVscodeUri(doc.uri) === transcriptUri,
  );
  if (!document) return transcript;
  const text = context.services.texts.of(document);
  if (text.textHash !== transcript.textHash)
    throw new UserError(
      `Save ${displayPath(transcriptUri)} first: the disagreements were found in the saved transcript, and it has changed since.`,
    );
  return text;
}

function codeName(comparison: Comparison, item: ComparedDisagreement): string {
  const id = item.disagreement.code;
  return comparison.study.codebook.codes.find((c) => c.id === id)?.name ?? id;
}
