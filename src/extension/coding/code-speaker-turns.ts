import * as vscode from 'vscode';
import {
  basenameUri,
  matchSpeaker,
  speakersAcross,
  speakerTurnCodings,
  type Coding,
  type SpeakerAcross,
  type Study,
  type TranscriptRef,
} from '../../core/index';
import { pickCodes } from '../shared/code-picker';
import { UserError } from '../shared/errors';
import { commandArgs } from '../shared/register-command';
import { currentTranscriptRefReloading, transcriptTarget } from '../shared/transcript-target';
import { fromVscodeUri } from '../platform/workspace-file-system';
import { idsForChoices, requireKnownCodes, type CodingContext } from './coding-context';

interface SpeakerTranscript {
  readonly ref: TranscriptRef;
  readonly study: Study;
}

/**
 * grounded.codeSpeakerTurns: codes every turn of one speaker with a code (a focus group's or an
 * interviewer's talk kept apart in the analyses). Works on the transcripts selected in the explorer, the file
 * a menu or script names, or the active editor's transcript; asks whose turns (the speakers found in them),
 * then the codes, as Code Selection does. Each turn's speech after its "Speaker:" label becomes one coding
 * per code; a turn already coded so gets no second one. Writes go through the coding commands' path: the
 * same locks, an undo step per transcript, and a reload so views and colours follow at once.
 * A script passes { uri, speaker, codes } to skip the pickers.
 */
export function codeSpeakerTurns(context: CodingContext) {
  return async (arg?: unknown, selected?: unknown): Promise<Coding[] | undefined> => {
    const args = commandArgs(arg);
    const transcripts = await targets(context, arg, selected);
    const study = transcripts[0]!.study;
    if (transcripts.some((transcript) => transcript.study.root !== study.root))
      throw new UserError('Select transcripts of one study: its codebook holds the code.');
    const speakers = speakersAcross(transcripts.map(({ ref }) => ref.text));
    const names = transcripts.map(({ ref }) => basenameUri(ref.uri));
    if (speakers.length === 0)
      throw new UserError(
        `No speaker turns in ${list(names)}: Grounded finds a turn in a paragraph that starts with "Speaker:" or "[00:01:02] Speaker:" (subtitles name no speakers).`,
      );

    const scriptedSpeaker = args.string('speaker');
    const speaker =
      scriptedSpeaker !== undefined
        ? requireSpeaker(speakers, scriptedSpeaker, names)
        : await pickSpeaker(speakers, transcripts.length);
    if (speaker === undefined) return undefined;

    const scriptedCodes = args.strings('codes');
    let codes = scriptedCodes ? [...scriptedCodes] : undefined;
    if (codes) requireKnownCodes(study, codes);
    else {
      const choices = await pickCodes(study, {
        title: `Code every turn of ${speaker}`,
        canPickMany: true,
        allowCreate: true,
        recent: context.recent.get(study.root),
      });
      if (!choices) return undefined;
      codes = await idsForChoices(context, study, choices);
      if (!codes) return undefined;
    }
    if (codes.length === 0) return undefined;

    const coder = await context.services.coder.coderId();
    if (!coder) return undefined;
    const added: Coding[] = [];
    let turns = 0;
    for (const { ref, study: owner } of transcripts) {
      const additions = speakerTurnCodings(ref.text, speaker, codes);
      if (additions.length === 0) continue;
      turns += additions.length / codes.length;
      const label = `coding ${speaker}'s turns in ${basenameUri(ref.uri)} with ${codes.join(', ')}`;
      added.push(...(await context.actions.add({ study: owner, transcript: ref, coder }, additions, label)));
    }
    await context.recent.note(study.root, codes);
    const already = turns * codes.length - added.length;
    vscode.window.setStatusBarMessage(
      `Grounded: ${added.length} coding(s) of ${speaker}'s ${turns} turn(s) with ${codes.join(', ')}${already > 0 ? ` (${already} already coded so)` : ''}`,
      5000,
    );
    return added;
  };
}

/**
 * The transcripts to code: the explorer's selection (a menu passes the clicked file, then every selected
 * one), a menu's or script's single file, else the active editor's transcript. The open ones are taken as
 * their editors show them (unsaved edits included), so the offsets match the screen.
 */
async function targets(context: CodingContext, arg: unknown, selected: unknown): Promise<SpeakerTranscript[]> {
  const { services } = context;
  const uris =
    Array.isArray(selected) && selected.length > 0 && selected.every((item) => item instanceof vscode.Uri)
      ? (selected as vscode.Uri[])
      : undefined;
  if (!uris) {
    const target = await transcriptTarget(services, commandArgs(arg).uri());
    return [{ ref: target.text, study: target.study }];
  }
  const found: SpeakerTranscript[] = [];
  const not: string[] = [];
  for (const uri of uris) {
    const coreUri = fromVscodeUri(uri);
    const current = await currentTranscriptRefReloading(services, uri).catch(() => undefined);
    if (current) found.push({ ref: current.ref, study: await services.studies.study(current.root) });
    else not.push(basenameUri(coreUri));
  }
  if (not.length > 0)
    throw new UserError(
      `${list(not)} ${not.length === 1 ? 'is' : 'are'} not a transcript of a study (see "transcripts" in grounded.yaml); nothing was coded.`,
    );
  return found;
}

/** Whose turns: a quick pick of the speakers found, typing filters them as in any quick pick. */
async function pickSpeaker(speakers: readonly SpeakerAcross[], transcripts: number): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { speaker: string }>();
  pick.title = "Code a speaker's turns";
  pick.placeholder = 'Whose turns? Each is coded from after "Speaker:" to its end';
  pick.items = speakers.map(({ speaker, turns, transcripts: speaksIn }) => ({
    label: speaker,
    description: `${turns} turn${turns === 1 ? '' : 's'}${transcripts > 1 ? ` in ${speaksIn} of ${transcripts} transcripts` : ''}`,
    speaker,
  }));
  return new Promise<string | undefined>((resolve) => {
    let chosen: string | undefined;
    pick.onDidAccept(() => {
      chosen = pick.activeItems[0]?.speaker;
      if (chosen !== undefined) pick.hide();
    });
    pick.onDidHide(() => {
      resolve(chosen);
      pick.dispose();
    });
    pick.show();
  });
}

function requireSpeaker(speakers: readonly { speaker: string }[], typed: string, names: readonly string[]): string {
  const speaker = matchSpeaker(
    speakers.map((found) => found.speaker),
    typed,
  );
  if (speaker === undefined)
    throw new UserError(
      `"${typed}" has no turns in ${list(names)}. Speakers found: ${speakers.map((found) => found.speaker).join(', ')}.`,
    );
  return speaker;
}

function list(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
