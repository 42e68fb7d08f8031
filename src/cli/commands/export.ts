import { buildStudyData, type CsvCell, type MergedSurvey, type StudyData, toCsv } from '../../core/index';
import type { Arguments, CommandContext, CommandSpec } from '../command';
import { EXIT_OK, EXIT_PROBLEMS } from '../errors';
import { analysisRequest, ANALYSIS_OPTIONS, emit, openAnalysis } from './report';

export const exportMatrixCommand: CommandSpec = {
  name: 'export matrix',
  summary: 'one CSV row per participant: survey columns plus 0/1 and count columns per code',
  usage: ['export matrix [dir] -o <file.csv> [--coder <id>] [--where <column=value>] [--uncoded missing|absent]'],
  details: [
    'Tidy for R, SPSS or a spreadsheet: the id column, every survey column (numbers as numbers, Likert labels',
    'as their scale position, yes-no and categories as written), then "coded" (1 when a transcript of the',
    'participant was coded by an included coder) and for each code "code_<id>" (1 when the participant has a',
    'coding of the code or a sub-code, else 0) and "count_<id>" (number of such codings). Code cells are empty',
    'for participants not coded (0 with --uncoded absent, except for participants without a transcript), and',
    'survey cells are empty for participants without a survey row. Cells that',
    "start with = + - @ are prefixed with ' so spreadsheets do not run them as formulas.",
    'Codings of every coder are pooled unless --coder is given; --where keeps matching participants only.',
  ],
  options: {
    output: {
      type: 'string',
      short: 'o',
      value: '<file.csv>',
      description: 'the CSV file to write (stdout when omitted); never a file of the study',
    },
    ...ANALYSIS_OPTIONS,
  },
  positionals: { min: 0, max: 1 },
  run: runExportMatrix,
};

/** A name not yet in `taken` (appending _2, _3…), so a survey column can never be overwritten by a code column. */
function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = `${name}_${i}`;
  taken.add(candidate);
  return candidate;
}

/** The participant × variables matrix as CSV text. */
export function matrixCsv(data: StudyData, survey: MergedSurvey | undefined): string {
  const taken = new Set<string>();
  const idHeader = unique(survey?.idColumn || 'participant', taken);
  const surveyHeaders = data.columns.map((c) => unique(c.name, taken));
  const codedHeader = unique('coded', taken);
  const codeHeaders = data.codes.map(
    (code) => [unique(`code_${code.id}`, taken), unique(`count_${code.id}`, taken)] as const,
  );
  const header = [idHeader, ...surveyHeaders, codedHeader, ...codeHeaders.flat()];
  const rows = data.records.map((record): CsvCell[] => [
    record.id,
    ...data.columns.map((c) => {
      const value = record.values[c.name] ?? null;
      // Yes-no cells go out as written in the survey, not as true/false, so the file reads like the input.
      return typeof value === 'boolean' ? (c.levels?.[value ? 1 : 0] ?? (value ? 'yes' : 'no')) : value;
    }),
    record.coded ? 1 : 0,
    ...data.codes.flatMap((code) => [record.present[code.id] ?? null, record.counts[code.id] ?? null]),
  ]);
  return toCsv(header, rows);
}

async function runExportMatrix(context: CommandContext, args: Arguments): Promise<number> {
  const request = analysisRequest(args, undefined);
  const { study, survey, incomplete } = await openAnalysis(context, args, request);
  const data = buildStudyData(study, survey, {
    ...(request.coders ? { coders: request.coders } : {}),
    filters: request.filters ?? [],
    ...(request.uncoded ? { uncoded: request.uncoded } : {}),
  });
  await emit(context, study, matrixCsv(data, survey), args.string('output'));
  return incomplete ? EXIT_PROBLEMS : EXIT_OK;
}
