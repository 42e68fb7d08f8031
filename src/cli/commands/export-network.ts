import {
  buildStudyData,
  codeNetworkOfStudyData,
  exportNetwork,
  NETWORK_FORMATS,
  type NetworkFormat,
} from '../../core/index';
import type { Arguments, CommandContext, CommandSpec } from '../command';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../errors';
import { analysisRequest, ANALYSIS_OPTIONS, emit, openAnalysis } from './report';

export const exportNetworkCommand: CommandSpec = {
  name: 'export network',
  summary: 'the code network (codes, typed relations, optionally co-occurrence) as GraphML, Mermaid, DOT or JSON',
  usage: [
    'export network [dir] --format graphml|mermaid|dot|json [--out <file>] [--cooccurrence <min Jaccard>] [--coder <id>] [--where <column=value>]',
  ],
  details: [
    "Nodes are codes (name, colour, participants with the code or a sub-code); edges are the codebook's relations,",
    'labelled with their type (undirected types without an arrow). --cooccurrence adds an edge between two codes',
    'whose participants overlap with at least that Jaccard (0–1), weighted by it. GraphML opens in yEd, Gephi',
    'and Cytoscape; Mermaid renders on GitHub; DOT with Graphviz. The participants are those of `grounded report`',
    '(the same --coder, --where and --uncoded).',
  ],
  options: {
    format: { type: 'string', value: '<format>', description: 'graphml, mermaid, dot or json (required)' },
    out: {
      type: 'string',
      short: 'o',
      value: '<file>',
      description: 'the file to write (stdout when omitted); never a file of the study',
    },
    cooccurrence: {
      type: 'string',
      value: '<min Jaccard>',
      description: 'also add co-occurrence edges with at least this Jaccard (0–1)',
    },
    ...ANALYSIS_OPTIONS,
  },
  positionals: { min: 0, max: 1 },
  run: runExportNetwork,
};

function formatOf(args: Arguments): NetworkFormat {
  const given = args.string('format');
  if (given === undefined) throw new UsageError(`--format is required: ${NETWORK_FORMATS.join(', ')}`);
  if (!(NETWORK_FORMATS as readonly string[]).includes(given))
    throw new UsageError(`--format must be ${NETWORK_FORMATS.join(', ')}, not "${given}"`);
  return given as NetworkFormat;
}

function minJaccardOf(args: Arguments): number | undefined {
  const given = args.string('cooccurrence');
  if (given === undefined) return undefined;
  const value = Number(given);
  if (given.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1)
    throw new UsageError(`--cooccurrence is a Jaccard index between 0 and 1 (e.g. 0.3), not "${given}"`);
  return value;
}

async function runExportNetwork(context: CommandContext, args: Arguments): Promise<number> {
  const format = formatOf(args);
  const minJaccard = minJaccardOf(args);
  const request = analysisRequest(args, undefined);
  const { study, survey, incomplete } = await openAnalysis(context, args, request);
  const data = buildStudyData(study, survey, {
    ...(request.coders ? { coders: request.coders } : {}),
    filters: request.filters ?? [],
    ...(request.uncoded ? { uncoded: request.uncoded } : {}),
  });
  const network = codeNetworkOfStudyData(study, data, minJaccard);
  await emit(context, study, exportNetwork(network, format), args.string('out'));
  const problems = study.problems.filter((p) => p.kind === 'unknown-relation-type');
  for (const problem of problems) context.out.error(context.out.formatProblem(problem));
  return incomplete || problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
