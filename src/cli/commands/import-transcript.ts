import {
  defaultTranscriptFolder,
  globMatcher,
  importTranscripts,
  joinUri,
  participantIdProblem,
  relativeUri,
  type TranscriptImportResult,
  type TranscriptSource,
} from '../../core/index';
import { pathToUri } from '../../node/node-file-system';
import { JSON_OPTION, type Arguments, type CommandContext, type CommandSpec } from '../command';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from '../errors';
import { openStudy, resolvePath } from '../study-root';

export const importTranscriptCommand: CommandSpec = {
  name: 'import transcript',
  summary: 'convert Word documents, captions (.vtt, .srt), Otter exports and text files into study transcripts',
  usage: ['import transcript <file>... [--into <dir>] [--participant <id>]'],
  details: [
    'Writes <dir>/<name>.txt for each file (UTF-8, LF): one speaker turn per paragraph, "[time] Speaker: text",',
    'a blank line between turns. .docx: paragraphs as written, NVivo-style tables (time / speaker / text) as turns;',
    '.vtt/.srt: voice tags or "Name:" prefixes as speakers, consecutive cues of a speaker as one turn, times kept as',
    'written (a player can seek to them), subtitles without speakers one paragraph per cue; Otter .txt exports',
    '("Name  0:03" headers) as turns; other .txt/.md normalised. Prints one line per file with what was left out.',
    '<dir> defaults to the folder of the study\'s transcripts (the first "transcripts" glob in grounded.yaml).',
    '--participant names the transcript after the participant (<id>.txt; <id>-<name>.txt for each of several',
    'files), since the study takes the participant from the file name; a name participants.pattern would give',
    'to someone else is refused. An existing transcript is never replaced, and a file that cannot be read',
    '(a damaged .docx, captions without cues, not text) is refused with the reason; the other files are still',
    'imported. Exit 1 when any file was refused.',
  ],
  options: {
    into: {
      type: 'string',
      value: '<dir>',
      description: "the folder to write to (default: the study's transcripts folder)",
    },
    participant: {
      type: 'string',
      value: '<id>',
      description: 'the participant the transcripts belong to (names them <id>…)',
    },
    ...JSON_OPTION,
  },
  positionals: { min: 1, max: Number.MAX_SAFE_INTEGER },
  run: runImportTranscript,
};

async function runImportTranscript(context: CommandContext, args: Arguments): Promise<number> {
  const { out } = context;
  const participant = args.string('participant');
  if (participant !== undefined) {
    const problem = participantIdProblem(participant);
    if (problem !== undefined) throw new UsageError(`--participant: ${problem}`);
  }
  const study = await openStudy(context, undefined);
  const into = args.string('into');
  const folderUri =
    into !== undefined
      ? pathToUri(resolvePath(context, into))
      : joinUri(study.root, defaultTranscriptFolder(study.settings.transcripts));

  const sources: TranscriptSource[] = [];
  const readable: boolean[] = [];
  for (const shown of args.positionals) {
    try {
      sources.push({ name: shown, bytes: await context.fs.readFile(pathToUri(resolvePath(context, shown))) });
      readable.push(true);
    } catch {
      readable.push(false);
    }
  }
  const imported = await importTranscripts(context.fs, folderUri, sources, {
    ...(participant !== undefined ? { participant } : {}),
    participants: study.settings.participants,
    studyRoot: study.root,
  });
  // One result per file, in the order given: importTranscripts answers in the order of the sources it got.
  let next = 0;
  const results = args.positionals.map((shown, index): TranscriptImportResult =>
    readable[index]
      ? (imported[next++] as TranscriptImportResult)
      : { source: shown, status: 'refused', reason: 'no such file, or it cannot be read' },
  );

  const inStudy = globMatcher(study.settings.transcripts, study.settings.exclude);
  const outside = results.filter((result) => {
    if (result.status !== 'written') return false;
    const path = relativeUri(study.root, result.uri);
    return path === undefined || !inStudy(path);
  });
  out.data({
    folder: out.path(folderUri),
    files: results.map((result) =>
      result.status === 'written'
        ? {
            source: result.source,
            status: result.status,
            transcript: out.path(result.uri),
            format: result.conversion.format,
            turns: result.conversion.turns,
            participant: result.participant ?? null,
            dropped: result.conversion.dropped,
          }
        : { source: result.source, status: result.status, reason: result.reason },
    ),
    outsideStudy: outside.map((result) => (result.status === 'written' ? out.path(result.uri) : '')),
  });
  for (const result of results) {
    if (result.status === 'written') {
      const { format, turns, dropped } = result.conversion;
      const left = dropped.length === 0 ? 'nothing left out' : `left out ${dropped.join(', ')}`;
      const who = result.participant === undefined ? 'no participant' : `participant ${result.participant}`;
      out.line(`${result.source} → ${out.path(result.uri)} (${who}): ${format}, ${turns} turn(s), ${left}`);
    } else out.error(`grounded import transcript: ${result.source}: refused: ${result.reason}`);
  }
  const unattributed = results.filter((result) => result.status === 'written' && result.participant === undefined);
  if (unattributed.length > 0)
    out.error(
      `grounded import transcript: ${unattributed.length} transcript(s) belong to no participant: their names do not ` +
        'match participants.pattern in grounded.yaml; rename them after the participant (P01.txt), or import with --participant <id>',
    );
  if (outside.length > 0)
    out.error(
      `grounded import transcript: ${outside.length} transcript(s) are outside the study's transcripts ` +
        `(${study.settings.transcripts.join(', ')} in grounded.yaml): the study does not read them until that setting includes them`,
    );
  return results.some((result) => result.status === 'refused') ? EXIT_PROBLEMS : EXIT_OK;
}
