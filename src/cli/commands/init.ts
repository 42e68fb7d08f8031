import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectStudy, initialStudyFiles, loadStudy, NEW_CODEBOOK_FILE, SETTINGS_FILE } from '../../core/index';
import { pathToUri } from '../../node/node-file-system';
import { JSON_OPTION, type Arguments, type CommandContext, type CommandSpec } from '../command';
import { CliError, EXIT_OK } from '../errors';
import { requireFolder, resolvePath } from '../study-root';

const CODEBOOK_FILE = NEW_CODEBOOK_FILE;

export const initCommand: CommandSpec = {
  name: 'init',
  summary: 'start a study in a folder of transcripts (writes grounded.yaml and codebook.yaml)',
  usage: ['init [dir]'],
  details: [
    'Looks for .txt transcripts, a survey CSV and participant ids in the file names (P01, P02…), and writes',
    'grounded.yaml with what it found and an empty codebook.yaml. Existing files are never overwritten.',
  ],
  options: { ...JSON_OPTION },
  positionals: { min: 0, max: 1 },
  run: runInit,
};

async function runInit(context: CommandContext, args: Arguments): Promise<number> {
  const { out } = context;
  const shown = args.positional(0) ?? '.';
  const folder = resolvePath(context, shown);
  requireFolder(folder, shown);
  const detected = await detectStudy(context.fs, pathToUri(folder));
  const { settings, codebook } = initialStudyFiles(detected);
  if (!writeNew(join(folder, SETTINGS_FILE), settings)) {
    throw new CliError(
      `${out.path(pathToUri(join(folder, SETTINGS_FILE)))} already exists: this folder is a study already; nothing was written`,
      1,
      'edit grounded.yaml by hand, or delete it to start over',
    );
  }
  const wroteCodebook = writeNew(join(folder, CODEBOOK_FILE), codebook);
  const study = await loadStudy(context.fs, pathToUri(folder));
  const withoutParticipant = study.problems.filter((p) => p.kind === 'no-participant').length;

  out.data({
    folder: out.path(pathToUri(folder)),
    settings: SETTINGS_FILE,
    codebook: { file: CODEBOOK_FILE, written: wroteCodebook },
    transcripts: detected.transcripts,
    transcriptGlob: detected.transcriptGlob,
    survey: detected.surveyFile ?? null,
    idColumn: detected.idColumn ?? null,
    participantPattern: detected.participantPattern ?? null,
    participants: new Set(study.transcripts.flatMap((t) => (t.participant === undefined ? [] : [t.participant]))).size,
  });
  out.line(`Started a Grounded study in ${out.path(pathToUri(folder))}`);
  out.line(
    detected.transcripts.length === 0
      ? '  no .txt transcripts yet: add them (UTF-8 text) anywhere in the folder'
      : `  ${detected.transcripts.length} transcript(s) (${detected.transcriptGlob}): ${preview(detected.transcripts)}`,
  );
  if (detected.participantPattern !== undefined)
    out.line(`  participant ids from the file names: ${detected.participantPattern}`);
  else
    out.line(
      '  participant id = the file name without .txt (set participants.pattern in grounded.yaml to change that)',
    );
  if (withoutParticipant > 0)
    out.line(`  ${withoutParticipant} transcript(s) have no participant id: add them under participants.overrides`);
  out.line(
    detected.surveyFile !== undefined
      ? `  survey: ${detected.surveyFile}, joined on column "${detected.idColumn}"`
      : '  no survey CSV found (set survey.files in grounded.yaml when you have one)',
  );
  out.line(
    `  wrote ${SETTINGS_FILE}${wroteCodebook ? ` and an empty ${CODEBOOK_FILE}` : `; kept the existing ${CODEBOOK_FILE}`}`,
  );
  out.line('');
  out.line('Next steps:');
  out.line('  grounded codebook add <id> --name "<name>" [--parent <category>]');
  out.line(
    `  grounded code ${detected.transcripts[0] ?? '<transcript>'} --code <id> --match "<regex>"     (or --start <n> --end <n>)`,
  );
  out.line('  grounded codes        # the codebook with counts');
  out.line('  grounded check        # everything loads and anchors');
  return EXIT_OK;
}

/** Writes a file only if it does not exist yet ('wx' fails atomically otherwise). */
function writeNew(path: string, text: string): boolean {
  try {
    writeFileSync(path, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function preview(paths: readonly string[]): string {
  return paths.length <= 3 ? paths.join(', ') : `${paths.slice(0, 3).join(', ')}, …`;
}
