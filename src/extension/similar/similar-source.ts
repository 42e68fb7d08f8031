import * as vscode from 'vscode';
import { codeQueryText, type PlaceInTranscript, type Study } from '../../core/index';
import type { GroundedServices } from '../services';
import { pickOneCode } from '../shared/code-picker';
import { chooseCoding } from '../shared/coding-choice';
import { UserError } from '../shared/errors';
import type { CommandArgs } from '../shared/command-args';
import { transcriptTarget } from '../shared/transcript-target';
import { whichStudy } from '../shared/which-study';
import type { LiveCoding } from '../study/live-codings';
import type { DocumentText } from '../study/document-text';

/** What a search starts from: the words to look for, the code the results are for, and where it came from. */
export interface SimilarSource {
  readonly study: Study;
  readonly text: string;
  readonly code: string;
  /** What the list's title says the passages are like. */
  readonly like: string;
  readonly exclude: readonly PlaceInTranscript[];
}

/**
 * The source of a search, from whatever ran the command: a Codebook item or `{ code }` (the code's quotes), a
 * Codings item or `{ uri, id }` (that coding), `{ uri, range, code }` or `{ text, code }` from a script, else
 * the active transcript: its selection (asking for the code), or the coding under the cursor; with none of
 * these, the code is picked from the codebook.
 */
export async function similarSource(
  services: GroundedServices,
  args: CommandArgs<vscode.Uri>,
): Promise<SimilarSource | undefined> {
  const codeItem = args.viewItem('code');
  const live = codingOfItem(args.unknown('live'));
  if (live) {
    const uri = liveUri(args);
    if (uri === undefined) throw new UserError('This coding item has no transcript to search from.');
    return fromCoding(services, uri, live);
  }
  const uri = args.uri();
  const codingId = args.string('id');
  if (uri !== undefined && codingId !== undefined && !codeItem) {
    const target = await transcriptTarget(services, uri);
    const chosen = await chooseCoding(target, codingId, 'search from');
    return chosen && fromCoding(services, uri, chosen);
  }
  const scriptedText = args.string('text');
  const range = args.span('range');
  if (uri !== undefined && range) return fromRange(services, uri, range, args.string('code'));
  if (scriptedText !== undefined) {
    const study = await whichStudy(services.studies, args.study());
    if (!study) return undefined;
    const code = await codeFor(study, args.string('code'), 'Find passages like the text, for which code?');
    return code === undefined ? undefined : { study, text: scriptedText, code, like: 'the text', exclude: [] };
  }
  if (codeItem || args.string('code') !== undefined) {
    const study = await whichStudy(services.studies, args.study());
    if (!study) return undefined;
    return fromCode(study, args.codeId());
  }
  const editor = vscode.window.activeTextEditor;
  const onTranscript = editor && (await services.studies.transcriptFor(editor.document.uri));
  if (editor && onTranscript) {
    const target = await transcriptTarget(services);
    const selection = target.text.fromRange(editor.selection);
    if (selection.end > selection.start) return fromRange(services, editor.document.uri, selection, undefined);
    const under = target.codings.filter((c) => c.coding.start <= selection.start && selection.start <= c.coding.end);
    if (under.length > 0) {
      const chosen = await chooseCoding(target, undefined, 'search from');
      return chosen && fromCoding(services, editor.document.uri, chosen);
    }
  }
  const study = await whichStudy(services.studies, args.study());
  return study && fromCode(study, undefined);
}

async function fromCode(study: Study, requested: string | undefined): Promise<SimilarSource | undefined> {
  const code = await codeFor(study, requested, 'Find passages like the quotes of which code?');
  if (code === undefined) return undefined;
  const text = codeQueryText(study, code);
  if (text.trim() === '')
    throw new UserError(
      `"${nameOf(study, code)}" has no codings yet: select a passage and run Find Similar Passages from it.`,
    );
  return { study, text, code, like: `the quotes of “${nameOf(study, code)}”`, exclude: [] };
}

async function fromCoding(
  services: GroundedServices,
  uri: vscode.Uri | string,
  live: LiveCoding,
): Promise<SimilarSource | undefined> {
  const target = await transcriptTarget(services, uri);
  const { coding } = live;
  const text = sliceOf(target.text, coding.start, coding.end) || coding.quote;
  return {
    study: target.study,
    text,
    code: coding.code,
    like: `a coding of “${nameOf(target.study, coding.code)}”`,
    exclude: [{ transcriptUri: target.transcript.uri, start: coding.start, end: coding.end }],
  };
}

async function fromRange(
  services: GroundedServices,
  uri: vscode.Uri | string,
  range: { start: number; end: number },
  requested: string | undefined,
): Promise<SimilarSource | undefined> {
  const target = await transcriptTarget(services, uri);
  const text = sliceOf(target.text, range.start, range.end);
  if (text.trim() === '') throw new UserError('Select the passage to find similar ones to.');
  const code = await codeFor(target.study, requested, 'Find passages like the selection, for which code?');
  if (code === undefined) return undefined;
  const exclude = [{ transcriptUri: target.transcript.uri, ...range }];
  return { study: target.study, text, code, like: 'the selection', exclude };
}

async function codeFor(study: Study, requested: string | undefined, title: string): Promise<string | undefined> {
  const code = requested ?? (await pickOneCode(study, { title }));
  if (code !== undefined && !study.codebook.codes.some((c) => c.id === code))
    throw new UserError(`There is no code "${code}" in the codebook.`);
  return code;
}

export function nameOf(study: Study, code: string): string {
  return study.codebook.codes.find((c) => c.id === code)?.name ?? code;
}

/** A Codings view item carries its live coding; anything else is not one. */
function codingOfItem(value: unknown): LiveCoding | undefined {
  const coding = (value as { coding?: { id?: unknown; start?: unknown } } | undefined)?.coding;
  return coding && typeof coding.id === 'string' && typeof coding.start === 'number'
    ? (value as LiveCoding)
    : undefined;
}

function liveUri(args: CommandArgs<vscode.Uri>): string | undefined {
  const transcript = args.unknown('transcript') as { document?: vscode.TextDocument; uri?: unknown } | undefined;
  if (transcript?.document) return transcript.document.uri.toString();
  return typeof transcript?.uri === 'string' ? transcript.uri : undefined;
}

function sliceOf(text: DocumentText, start: number, end: number): string {
  return text.text.slice(text.map.toUtf16(start), text.map.toUtf16(end));
}
