import {
  CODER_ID,
  consensusSeed,
  DEFAULT_CONSENSUS_CODER,
  writeConsensusSeed,
  type SeedRanges,
} from '../../core/index';
import { JSON_OPTION, type Arguments, type CommandContext, type CommandSpec } from '../command';
import { EXIT_OK, UsageError } from '../errors';
import { openStudy } from '../study-root';
import { requireCodebook } from '../study-guards';
import { agreementCoders, overlapOption } from './agree';

export const consensusSeedCommand: CommandSpec = {
  name: 'consensus seed',
  summary: "start the consensus coder's sidecars with everything two coders agree on",
  usage: ['consensus seed [dir] --coder <a> --coder <b> [--ranges union|intersection] [--overlap 0.8] [--as <coder>]'],
  details: [
    'For every transcript both coders coded, each pair of matched segments (the same code, overlapping by at',
    'least --overlap, intersection / union) becomes one coding of the consensus coder, over the union of the',
    "two ranges (default) or their intersection. The coders' own sidecars are never written; codings already",
    'in the consensus sidecars are kept. What is left to resolve is what `grounded agree --disagreements` lists',
    '(in VS Code: Grounded: Compare Coders).',
  ],
  options: {
    coder: { type: 'string', multiple: true, value: '<id>', description: 'the two coders (first, second)' },
    ranges: { type: 'string', value: 'union|intersection', description: 'range of a matched pair (default union)' },
    overlap: { type: 'string', value: '<0–1>', description: 'segment match threshold (default 0.8)' },
    as: { type: 'string', value: '<coder>', description: `the consensus coder (default ${DEFAULT_CONSENSUS_CODER})` },
    ...JSON_OPTION,
  },
  positionals: { min: 0, max: 1 },
  run: runSeed,
};

async function runSeed(context: CommandContext, args: Arguments): Promise<number> {
  const ranges = rangesOption(args.string('ranges'));
  const overlap = overlapOption(args.string('overlap'));
  const consensus = args.string('as') ?? DEFAULT_CONSENSUS_CODER;
  if (!CODER_ID.test(consensus))
    throw new UsageError(`--as "${consensus}" is not a coder id (lowercase letters, digits, "-" and "_")`);
  const study = await openStudy(context, args.positional(0));
  requireCodebook(study, context.out);
  const [first, second] = agreementCoders(study, args, 2);
  if (first === consensus || second === consensus)
    throw new UsageError(`the consensus coder "${consensus}" cannot be one of the coders compared`);
  const seed = consensusSeed(study, first as string, second as string, { ranges, overlap });
  const added = await writeConsensusSeed(context.fs, seed, consensus, { codebookUri: study.codebookUri });
  const summary = { consensus, first, second, ranges, overlap, transcripts: seed.length, added };
  context.out.data(summary);
  context.out.line(
    `${added} coding(s) ${first} and ${second} agree on written to ${consensus} in ${seed.length} transcript(s) ` +
      `(${ranges} of each matched pair); resolve the rest with \`grounded agree --coder ${first} --coder ${second} --disagreements\``,
  );
  return EXIT_OK;
}

function rangesOption(text: string | undefined): SeedRanges {
  if (text === undefined || text === 'union' || text === 'intersection') return text ?? 'union';
  throw new UsageError(`--ranges must be union or intersection, not "${text}"`);
}
