import * as vscode from 'vscode';
import { comparedTranscripts, listDisagreements, type Study, type StudyTranscript } from '../../core/index';
import { fromVscodeUri, toVscodeUri } from '../platform/workspace-file-system';
import { UserError } from '../shared/errors';
import { commandArgs } from '../shared/register-command';
import { whichStudy } from '../shared/which-study';
import { type CoderPair, coderPairs } from './coder-pairs';
import type { CompareContext } from './compare-context';
import type { Comparison } from './comparison';
import { DISAGREEMENTS_VIEW } from './disagreements-tree';
import { consensusCoderOf, refuseConsensusAmong } from './consensus-coder';
import { FIRST_MARK, SECOND_MARK } from './describe';
import { refuseWhileBlind } from './blind-refusal';

/**
 * grounded.compareCoders: which two coders (a pick, the study's two coders first), then the transcript — the
 * active one when both coded it, else a pick of those both coded — opened with both coders' codings marked
 * apart and the Disagreements view listing what differs. A script passes `{ study, first, second, transcript }`.
 */
export async function compareCodersCommand(context: CompareContext, arg?: unknown): Promise<Comparison | undefined> {
  const { services, compare } = context;
  refuseWhileBlind(services, 'comparing coders');
  const args = commandArgs(arg);
  const study = await whichStudy(services.studies, args.study() ?? activeFile());
  if (!study) return undefined;
  const consensus = consensusCoderOf(study);
  const pair = await coderPairOf(context, study, consensus, args.string('first'), args.string('second'));
  if (!pair) return undefined;
  refuseConsensusAmong(consensus, pair.first, pair.second);
  const transcript = await transcriptOf(context, study, pair, args.uri('transcript'));
  if (!transcript) return undefined;
  const comparison = compare.start(study, pair.first, pair.second, consensus);
  // The view first, then the transcript, so the keyboard stays in the editor.
  await vscode.commands.executeCommand(`${DISAGREEMENTS_VIEW}.focus`);
  await vscode.window.showTextDocument(toVscodeUri(transcript.uri), { preview: false });
  const open = comparison.disagreements.filter((d) => !d.settlement.settled).length;
  vscode.window.setStatusBarMessage(
    `Comparing ${FIRST_MARK} ${pair.first} with ${SECOND_MARK} ${pair.second}: ${open} open disagreement(s) in ${comparison.compared.size} transcript(s)`,
    8000,
  );
  return comparison;
}

/** The file of the active editor, so a study other than the only one is found without asking. */
function activeFile(): string | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && !document.isUntitled ? fromVscodeUri(document.uri) : undefined;
}

async function coderPairOf(
  { picks }: CompareContext,
  study: Study,
  consensus: string,
  first: string | undefined,
  second: string | undefined,
): Promise<CoderPair | undefined> {
  const pairs = coderPairs(study, consensus);
  if (first !== undefined && second !== undefined) {
    const both = comparedTranscripts(study, [first, second]).compared.length;
    if (both === 0) throw new UserError(`No transcript has codings of both ${first} and ${second}.`);
    return { first, second, both };
  }
  if (pairs.length === 0)
    throw new UserError(
      'No transcript has been coded by two coders yet: Compare Coders needs two coders’ sidecars of the same transcript (e.g. P07.amara.codes.yaml and P07.jonas.codes.yaml).',
    );
  const items = pairs.map((pair) => ({
    label: `${FIRST_MARK} ${pair.first}  ·  ${SECOND_MARK} ${pair.second}`,
    description: `${pair.both} transcript${pair.both === 1 ? '' : 's'} coded by both`,
    detail: pair.first === consensus || pair.second === consensus ? `${consensus} is the consensus coder` : undefined,
    pair,
  }));
  const picked = await picks.pick(items, {
    title: 'Compare Coders: which two coders?',
    placeholder: `The first is marked ${FIRST_MARK} in the editor, the second ${SECOND_MARK}`,
    active: items[0],
  });
  return picked?.pair;
}

async function transcriptOf(
  { picks }: CompareContext,
  study: Study,
  pair: CoderPair,
  wanted: vscode.Uri | string | undefined,
): Promise<StudyTranscript | undefined> {
  const both = comparedTranscripts(study, [pair.first, pair.second]).compared;
  if (wanted !== undefined) {
    // A URI, or a path inside the study ("transcripts/P07.txt").
    const uri = typeof wanted === 'string' ? wanted : fromVscodeUri(wanted);
    const found = both.find((t) => t.uri === uri || t.path === uri);
    if (!found)
      throw new UserError(`${String(wanted)} is not a transcript both ${pair.first} and ${pair.second} coded.`);
    return found;
  }
  const active = vscode.window.activeTextEditor?.document;
  const activeUri = active ? fromVscodeUri(active.uri) : undefined;
  const shown = both.find((t) => t.uri === activeUri);
  if (shown) return shown;
  const counts = new Map<string, number>();
  for (const d of listDisagreements(study, pair.first, pair.second))
    counts.set(d.transcript, (counts.get(d.transcript) ?? 0) + 1);
  const items = both.map((transcript) => {
    const count = counts.get(transcript.path) ?? 0;
    return {
      label: transcript.path,
      description: count === 0 ? 'no disagreements' : `${count} disagreement${count === 1 ? '' : 's'}`,
      transcript,
    };
  });
  return (
    await picks.pick(items, {
      title: `Compare Coders: which transcript? (${both.length} coded by both ${pair.first} and ${pair.second})`,
      placeholder: 'A transcript both coded; the Disagreements view lists those of every one',
      active: items.find((item) => counts.has(item.transcript.path)) ?? items[0],
    })
  )?.transcript;
}
