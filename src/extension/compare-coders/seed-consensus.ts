import * as vscode from 'vscode';
import { consensusSeed, type SeedRanges, writeConsensusSeed } from '../../core/index';
import { fromVscodeUri } from '../platform/workspace-file-system';
import { UserError } from '../shared/errors';
import { commandArgs } from '../shared/register-command';
import { whichStudy } from '../shared/which-study';
import { coderPairs } from './coder-pairs';
import type { CompareContext } from './compare-context';
import { consensusCoderOf, refuseConsensusAmong } from './consensus-coder';
import { FIRST_MARK, SECOND_MARK } from './describe';
import { refuseWhileBlind } from './blind-refusal';

export interface SeedResult {
  readonly consensus: string;
  readonly ranges: SeedRanges;
  readonly transcripts: number;
  readonly added: number;
}

/**
 * grounded.seedConsensus: writes everything two coders agree on (each pair of matched segments) into the
 * consensus coder's sidecars, over the union or the intersection of the two ranges (a pick), so the team only
 * resolves what differs. The coders are the ones compared on screen, else a pick; a script passes
 * `{ study, first, second, ranges }`. Codings already in the consensus sidecars are kept.
 */
export async function seedConsensusCommand(context: CompareContext, arg?: unknown): Promise<SeedResult | undefined> {
  const { services, compare, picks } = context;
  refuseWhileBlind(services, 'seeding a consensus from two coders');
  const args = commandArgs(arg);
  const document = vscode.window.activeTextEditor?.document;
  const hint = args.study() ?? (document && !document.isUntitled ? fromVscodeUri(document.uri) : undefined);
  const study = await whichStudy(services.studies, hint);
  if (!study) return undefined;
  const consensus = consensusCoderOf(study);
  const shown = compare.comparison?.study.root === study.root ? compare.comparison : undefined;
  let first = args.string('first') ?? shown?.first;
  let second = args.string('second') ?? shown?.second;
  if (first === undefined || second === undefined) {
    const pairs = coderPairs(study, consensus).filter((p) => p.first !== consensus && p.second !== consensus);
    if (pairs.length === 0)
      throw new UserError('No transcript has been coded by two coders yet: there is nothing to seed from.');
    const items = pairs.map((pair) => ({
      label: `${FIRST_MARK} ${pair.first}  ·  ${SECOND_MARK} ${pair.second}`,
      description: `${pair.both} transcript${pair.both === 1 ? '' : 's'} coded by both`,
      pair,
    }));
    const picked = await picks.pick(items, { title: 'Seed Consensus: from which two coders?', active: items[0] });
    if (!picked) return undefined;
    ({ first, second } = picked.pair);
  }
  refuseConsensusAmong(consensus, first, second);
  const ranges = args.oneOf('ranges', ['union', 'intersection'] as const) ?? (await askRanges(context, first, second));
  if (!ranges) return undefined;
  const seed = consensusSeed(study, first, second, { ranges });
  const added = await writeConsensusSeed(services.editorAwareFs, seed, consensus, { codebookUri: study.codebookUri });
  await services.studies.reload(study.root);
  void vscode.window.showInformationMessage(
    `${added} coding${added === 1 ? '' : 's'} ${first} and ${second} agree on written to ${consensus} in ${seed.length} transcript${seed.length === 1 ? '' : 's'} (${ranges} of each matched pair). ${first}'s and ${second}'s files are unchanged; resolve the rest in the Disagreements view.`,
  );
  return { consensus, ranges, transcripts: seed.length, added };
}

async function askRanges(context: CompareContext, first: string, second: string): Promise<SeedRanges | undefined> {
  const choices = [
    {
      label: 'Union of each matched pair',
      description: 'from the earlier start to the later end',
      detail: `Nothing either ${first} or ${second} coded in an agreed segment is left out.`,
      ranges: 'union' as const,
    },
    {
      label: 'Intersection of each matched pair',
      description: 'only the text both coded',
      detail: 'The consensus keeps what both coders marked, and no more.',
      ranges: 'intersection' as const,
    },
  ];
  const picked = await context.picks.pick(choices, {
    title: `Seed Consensus from what ${first} and ${second} agree on: which range for each agreed segment?`,
    active: choices[0],
  });
  return picked?.ranges;
}
