import { allCodings, type Study } from '../../core/index';
import { JSON_OPTION, type Arguments, type CommandContext, type CommandSpec } from '../command';
import { codeUsage, type CodeUsage } from '../code-usage';
import { EXIT_OK, EXIT_PROBLEMS } from '../errors';
import { warnAboutUnloadedFiles } from '../load-warnings';
import type { Output } from '../output';
import { openStudy } from '../study-root';

export const codesCommand: CommandSpec = {
  name: 'codes',
  summary: 'show the codebook as a tree with how often each code is used',
  usage: ['codes [dir] [--json]'],
  details: [
    'For each code: codings, transcripts and participants, "own" (the code itself) and "total" (with every',
    'code below it; a transcript or participant coded by several children counts once). Codes that codings',
    'use but the codebook lacks are listed at the end, marked "not in codebook".',
  ],
  options: { ...JSON_OPTION },
  positionals: { min: 0, max: 1 },
  run: runCodes,
};

async function runCodes(context: CommandContext, args: Arguments): Promise<number> {
  const { out } = context;
  const study = await openStudy(context, args.positional(0));
  const usage = codeUsage(study);
  out.data(usage);
  if (!out.json) printTable(study, usage, out);
  // Counts that leave out a file which does not load must not pass for complete ones.
  return warnAboutUnloadedFiles(study, out) ? EXIT_PROBLEMS : EXIT_OK;
}

function printTable(study: Study, usage: readonly CodeUsage[], out: Output): void {
  const codings = allCodings(study);
  const participants = new Set(
    codings.flatMap(({ transcript }) => (transcript.participant === undefined ? [] : [transcript.participant])),
  );
  const transcripts = new Set(codings.map(({ transcript }) => transcript.path));
  out.line(
    `${out.path(study.codebookUri)}: ${study.codebook.codes.length} code(s); ${codings.length} coding(s) in ${transcripts.size} transcript(s), ${participants.size} participant(s)`,
  );
  if (usage.length === 0) {
    out.line('No codes yet: add one with `grounded codebook add <id> --name "…"`.');
    return;
  }
  out.line();
  for (const line of table(usage)) out.line(line);
}

/** A tree column and three own/total pairs, right-aligned. */
function table(usage: readonly CodeUsage[]): string[] {
  const labels = usage.map(
    (u) => `${'  '.repeat(u.depth)}${u.name} [${u.id}]${u.inCodebook ? '' : ' (not in codebook)'}`,
  );
  const width = Math.max('code'.length, ...labels.map((label) => [...label].length));
  const pad = (label: string) => label + ' '.repeat(width - [...label].length);
  const pair = (own: number, total: number) => `${String(own).padStart(5)} ${String(total).padStart(6)}`;
  const ownTotal = '  own  total';
  const lines = [
    `${pad('')}  ${'codings'.padStart(12)}  ${'transcripts'.padStart(12)}  ${'participants'.padStart(12)}`,
    `${pad('code')}  ${ownTotal}  ${ownTotal}  ${ownTotal}`,
  ];
  usage.forEach((u, index) => {
    lines.push(
      `${pad(labels[index] as string)}  ${pair(u.own.codings, u.total.codings)}  ${pair(u.own.transcripts, u.total.transcripts)}  ${pair(u.own.participants, u.total.participants)}`,
    );
  });
  return lines;
}
