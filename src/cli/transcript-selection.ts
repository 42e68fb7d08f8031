import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  isSidecarUri,
  joinUri,
  loadStudy,
  settingsLoadProblems,
  sidecarUriFor,
  type Study,
  type StudyTranscript,
} from '../core/index';
import { pathToUri, uriToPath } from '../node/node-file-system';
import type { Arguments, CommandContext, OptionSpec } from './command';
import { CliError, UsageError } from './errors';
import { findStudyRoot, openStudy, resolvePath } from './study-root';

/** `--all`: every transcript of the study instead of files named on the command line. */
export const ALL_OPTION: Readonly<Record<string, OptionSpec>> = {
  all: {
    type: 'boolean',
    description: 'every transcript of the study (of the folder given, else the working folder); no file names',
  },
};

export interface SelectedTranscript {
  readonly transcript: StudyTranscript;
  readonly study: Study;
}

export interface TranscriptSelection {
  readonly transcripts: readonly SelectedTranscript[];
  /** Every study the transcripts belong to (one with --all). */
  readonly studies: readonly Study[];
  /** The folder the coder's git identity is looked up in. */
  readonly folder: string;
  /** With --all: transcripts of the study that did not load, hence are not in `transcripts`. */
  readonly unloaded: readonly string[];
}

/**
 * The transcripts a command works on: the files given (each must be a transcript of its study), or with
 * --all every transcript of the study, found as the other commands find it ([dir], else the working folder).
 * With --all the shell never has to expand thousands of names. Everything is resolved before anything is
 * written, so a typo in the third file name does not leave the first two changed.
 */
export async function selectTranscripts(context: CommandContext, args: Arguments): Promise<TranscriptSelection> {
  const selection = await (args.flag('all') ? selectAll(context, args) : selectFiles(context, args.positionals));
  for (const study of selection.studies) requireSettingsLoad(context, study);
  return selection;
}

/** Which files are transcripts is what grounded.yaml says: while it does not load, nothing is written. */
function requireSettingsLoad(context: CommandContext, study: Study): void {
  const { out } = context;
  const problems = settingsLoadProblems(study);
  if (problems.length === 0) return;
  for (const p of problems) out.error(out.formatProblem(p));
  throw new CliError(`${out.path(study.settingsUri as string)} does not load; fix it first (see above)`, 1);
}

async function selectAll(context: CommandContext, args: Arguments): Promise<TranscriptSelection> {
  const [folder, extra] = args.positionals;
  if (extra !== undefined || (folder !== undefined && isFile(resolvePath(context, folder))))
    throw new UsageError(
      '--all takes every transcript of the study: give no transcript files (at most the study folder)',
    );
  const study = await openStudy(context, folder);
  // Without grounded.yaml every *.txt below the folder would count as a transcript (a home folder, a repository):
  // writing next to each of them is not what anyone means.
  if (study.settingsUri === undefined) {
    throw new CliError(
      `--all works on a study, and there is no grounded.yaml in ${context.out.path(study.root)} or above`,
      2,
      'run the command in the study folder (or give it after --all), or start a study there with `grounded init`',
    );
  }
  if (study.transcripts.length === 0 && unloadedTranscripts(study).length === 0) {
    throw new CliError(
      `no transcripts in the study at ${context.out.path(study.root)} (transcripts: ${study.settings.transcripts.join(', ')})`,
      2,
      'run the command in the study folder, or give the folder after --all',
    );
  }
  return {
    transcripts: study.transcripts.map((transcript) => ({ transcript, study })),
    studies: [study],
    folder: uriToPath(study.root),
    unloaded: unloadedTranscripts(study),
  };
}

async function selectFiles(context: CommandContext, files: readonly string[]): Promise<TranscriptSelection> {
  if (files.length === 0) throw new UsageError('give the transcript files, or --all for every transcript of the study');
  const paths = files.map((path) => {
    const absolute = resolvePath(context, path);
    if (!isFile(absolute)) throw new CliError(`${path}: no such transcript`, 2);
    return absolute;
  });
  const studies = new Map<string, Study>();
  const transcripts: SelectedTranscript[] = [];
  for (const path of paths) {
    const root = findStudyRoot(dirname(path));
    let study = studies.get(root);
    if (!study) studies.set(root, (study = await loadStudy(context.fs, pathToUri(root))));
    transcripts.push({ transcript: transcriptOf(context, study, path), study });
  }
  return { transcripts, studies: [...studies.values()], folder: dirname(paths[0] as string), unloaded: [] };
}

/** Only a transcript the study knows is written for: anything else would leave a sidecar `check` calls stray. */
function transcriptOf(context: CommandContext, study: Study, path: string): StudyTranscript {
  const uri = pathToUri(path);
  const transcript = study.transcripts.find((t) => t.uri === uri);
  if (transcript) return transcript;
  const problem = study.problems.find((p) => p.uri === uri && p.severity === 'error');
  if (problem) throw new CliError(context.out.formatProblem(problem), 1);
  throw new CliError(
    `${context.out.path(uri)} is not a transcript of the study at ${context.out.path(study.root)} (transcripts: ${study.settings.transcripts.join(', ')}; exclude: ${study.settings.exclude.join(', ')})`,
    2,
    'add a matching pattern under "transcripts" in grounded.yaml',
  );
}

/**
 * Refuses, before anything is written, when one of the coder's sidecars of the selection does not load:
 * the command would otherwise stop at that file with the transcripts before it changed and those after not.
 */
export function requireCoderSidecarsLoad(context: CommandContext, selection: TranscriptSelection, coder: string): void {
  const { out } = context;
  const wanted = new Set(selection.transcripts.map(({ transcript }) => sidecarUriFor(transcript.uri, coder)));
  const broken = selection.studies.flatMap((study) =>
    study.problems.filter((p) => p.severity === 'error' && wanted.has(p.uri)),
  );
  if (broken.length === 0) return;
  for (const p of broken) out.error(out.formatProblem(p));
  const files = new Set(broken.map((p) => p.uri)).size;
  throw new CliError(
    `${files} sidecar(s) of ${coder} do not load, so nothing was written (see above)`,
    1,
    'fix them (`grounded check` lists every problem), then run the command again',
  );
}

/**
 * Transcript files of the study that did not load (undecodable, unreadable, conflict markers): files with an
 * error that are neither a loaded transcript nor a sidecar, the settings, the codebook or a memo.
 */
function unloadedTranscripts(study: Study): string[] {
  const loaded = new Set(study.transcripts.map((t) => t.uri));
  const memos = joinUri(study.root, study.settings.memos) + '/';
  const other = (uri: string) =>
    loaded.has(uri) ||
    isSidecarUri(uri) ||
    uri === study.codebookUri ||
    uri === study.settingsUri ||
    uri.startsWith(memos) ||
    uri === study.root;
  return [...new Set(study.problems.filter((p) => p.severity === 'error' && !other(p.uri)).map((p) => p.uri))];
}

/** Lists the transcripts --all skipped because they do not load; returns whether there were any. */
export function warnAboutSkippedTranscripts(context: CommandContext, selection: TranscriptSelection): boolean {
  const { out } = context;
  if (selection.unloaded.length === 0) return false;
  out.error(
    `warning: ${selection.unloaded.length} transcript(s) do not load and were skipped: ${selection.unloaded.map((uri) => out.path(uri)).join(', ')}`,
  );
  out.error('  run `grounded check` for the details, fix them, and run the command again');
  return true;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
