import { join } from 'node:path';
import { buildRPackage, NOT_RECOMPUTED } from '../../core/index';
import type { Arguments, CommandContext, CommandSpec } from '../command';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../errors';
import { refuseStudyFileAsOutput, writeOutputFile } from '../output-file';
import { analysisRequest, ANALYSIS_DETAILS, ANALYSIS_OPTIONS, openAnalysis } from './report';

export const exportRCommand: CommandSpec = {
  name: 'export r',
  summary: 'an analysis package for R: tidy data, the report as JSON and a script that recomputes every figure',
  usage: [
    'export r [dir] --out <folder> [--by <column>] [--coder <id>] [--where <column=value>] [--uncoded missing|absent]',
  ],
  details: [
    'Writes data/participants.csv (one row per participant: survey columns, 0/1 and count per code),',
    'data/codings.csv, data/codebook.csv, data/variables.csv (types and levels in Grounded’s order),',
    'grounded-report.json (as grounded report --format json with the same options), analysis.R and README.md.',
    '`Rscript analysis.R` in the folder (base R and jsonlite only) recomputes the report’s statistics, writes',
    'results.json with the report’s keys, compares each figure with grounded-report.json, prints',
    '"N figures, all equal to 1e-9" or the figures that differ, and exits 1 on a difference.',
    'Not recomputed: agreement (needs the transcripts’ text), progress, the choice of quotes.',
    ...ANALYSIS_DETAILS,
  ],
  options: {
    out: {
      type: 'string',
      short: 'o',
      value: '<folder>',
      description: 'the folder to write (required; created when missing); its files are replaced, never a study file',
    },
    by: {
      type: 'string',
      value: '<column>',
      description: 'compare groups of this survey column (categorical, yes-no or ordinal)',
    },
    ...ANALYSIS_OPTIONS,
  },
  positionals: { min: 0, max: 1 },
  run: runExportR,
};

async function runExportR(context: CommandContext, args: Arguments): Promise<number> {
  const out = args.string('out');
  if (out === undefined) throw new UsageError('--out <folder> is required');
  const request = analysisRequest(args, args.string('by'));
  const { study, survey, warnings, incomplete } = await openAnalysis(context, args, request);
  const pack = buildRPackage(study, survey, request, warnings);
  const targets = pack.files.map((file) => ({ ...file, output: join(out, ...file.path.split('/')) }));
  // Every target is checked before anything is written, so a refused one leaves no half package behind.
  for (const target of targets) await refuseStudyFileAsOutput(context, study, target.output);
  for (const target of targets) await writeOutputFile(context, study, target.output, target.text);
  context.out.line(`Run it: cd ${out} && Rscript analysis.R`);
  context.out.error(
    `not recomputed by analysis.R: ${NOT_RECOMPUTED.length} kinds of figures, listed in ${join(out, 'README.md')}`,
  );
  return incomplete ? EXIT_PROBLEMS : EXIT_OK;
}
