import { CodebookEditError, exportQdc, exportQdpx, loadSurvey, RefiExportError, type Study } from '../../core/index';
import { version } from '../../../package.json';
import { JSON_OPTION, type Arguments, type CommandContext, type CommandSpec, type OptionSpec } from '../command';
import { CliError, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../errors';
import { warnAboutUnloadedFiles } from '../load-warnings';
import { refuseStudyFileAsOutput, writeOutputFile } from '../output-file';
import { openStudy } from '../study-root';

const ORIGIN = `Grounded ${version}`;

function outOption(extension: string): Record<string, OptionSpec> {
  return {
    out: {
      type: 'string',
      short: 'o',
      value: `<file.${extension}>`,
      description: 'the file to write (required); never a file of the study',
    },
    ...JSON_OPTION,
  };
}

function requiredOut(args: Arguments, extension: string): string {
  const out = args.string('out');
  if (out === undefined) throw new UsageError(`--out <file.${extension}> is required`);
  return out;
}

export const exportQdpxCommand: CommandSpec = {
  name: 'export qdpx',
  summary: 'the study as a REFI-QDA project (.qdpx) for MAXQDA, NVivo, ATLAS.ti and QualCoder',
  usage: ['export qdpx [dir] --out <file.qdpx>'],
  details: [
    'Coders become users, the codebook the code tree (colours, definitions as descriptions), each transcript a',
    'text source (its canonical text, LF line ends, in the archive), each coding a selection in code points with',
    "its coder, survey rows cases with typed variables linked to the participant's transcripts, and memos notes",
    '(code memos on their code, memo files on the codes they name, the rest on the project; coding memos as the',
    "selection's description). Codes without a stored GUID get one, written to the codebook, so every export and",
    'every rename keeps the GUIDs other tools know the codes by. Exits 1 when codings had to be left out',
    '(orphans, unknown codes) or study files do not load; the file is written in either case.',
  ],
  options: outOption('qdpx'),
  positionals: { min: 0, max: 1 },
  run: runExportQdpx,
};

export const exportQdcCommand: CommandSpec = {
  name: 'export qdc',
  summary: 'the codebook as a REFI-QDA codebook (.qdc)',
  usage: ['export qdc [dir] --out <file.qdc>'],
  details: [
    'The code tree with names, colours and definitions; code memos have no place in the format and are left out.',
    'Codes without a stored GUID get one, written to the codebook, as export qdpx does.',
  ],
  options: outOption('qdc'),
  positionals: { min: 0, max: 1 },
  run: runExportQdc,
};

async function runExportQdpx(context: CommandContext, args: Arguments): Promise<number> {
  const out = requiredOut(args, 'qdpx');
  const study = await openStudy(context, args.positional(0));
  await refuseStudyFileAsOutput(context, study, out);
  const loaded = await loadSurvey(context.fs, study);
  if (loaded && !loaded.ok) {
    for (const p of loaded.problems) context.out.error(context.out.formatProblem(p));
    throw new CliError(
      'the survey does not load, so nothing was exported (see above)',
      1,
      'fix the cells named above; an export without its cases would look complete and not be',
    );
  }
  for (const p of loaded?.warnings ?? []) context.out.error(context.out.formatProblem(p));
  const incomplete = warnAboutUnloadedFiles(study, context.out);
  const result = await refused(() => exportQdpx(context.fs, study, loaded?.value, { origin: ORIGIN }));
  await writeOutputFile(context, study, out, result.bytes);
  for (const warning of result.warnings) context.out.error(`warning: ${warning}`);
  for (const skipped of result.skipped) context.out.error(`warning: left out ${skipped}`);
  context.out.line(
    `${result.sources} transcript(s), ${result.codings} coding(s), ${study.codebook.codes.length} code(s) exported`,
  );
  context.out.data({
    file: out,
    sources: result.sources,
    codings: result.codings,
    skipped: result.skipped,
    warnings: result.warnings,
  });
  return incomplete || result.skipped.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

async function runExportQdc(context: CommandContext, args: Arguments): Promise<number> {
  const out = requiredOut(args, 'qdc');
  const study: Study = await openStudy(context, args.positional(0));
  await refuseStudyFileAsOutput(context, study, out);
  const result = await refused(() => exportQdc(context.fs, study, { origin: ORIGIN }));
  await writeOutputFile(context, study, out, result.xml);
  for (const warning of result.warnings) context.out.error(`warning: ${warning}`);
  context.out.line(`${result.codes} code(s) exported`);
  context.out.data({ file: out, codes: result.codes, warnings: result.warnings });
  return EXIT_OK;
}

/** A study that cannot be exported as it is (no codes, a codebook that does not load, a broken GUID): exit 1. */
async function refused<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RefiExportError || error instanceof CodebookEditError)
      throw new CliError(`${error.message}; nothing was written`, EXIT_PROBLEMS);
    throw error;
  }
}
