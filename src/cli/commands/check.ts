import {
  changeCodings,
  codingProgress,
  compareProblems,
  ConcurrentChangeError,
  FileLoadError,
  loadSurvey,
  problem,
  type Problem,
  type Study,
} from '../../core/index';
import { JSON_OPTION, type Arguments, type CommandContext, type CommandSpec } from '../command';
import { EXIT_FILE_ACCESS, EXIT_OK, EXIT_PROBLEMS } from '../errors';
import { openStudy } from '../study-root';
import { leftoverArtifacts, leftoverProblem, removeLeftovers } from '../leftover-artifacts';
import { progressLine } from '../progress-text';

export const checkCommand: CommandSpec = {
  name: 'check',
  summary: 'check the whole study and write re-anchored codings back',
  usage: ['check [dir] [--dry-run] [--clean] [--json]'],
  details: [
    'Loads every file of the study (settings, codebook, transcripts, sidecars, memos, survey files) and reports,',
    'as file:line:col, files that do not parse, git conflict markers, sidecars whose coder line is not the coder',
    'of their file name, coding ids used in two sidecars, study files that are symbolic links, codes missing',
    'from the codebook, codings that need review or lost their passage, quotes that do not match their offsets,',
    'transcripts without a participant and sidecars without a transcript.',
    'When a transcript was edited, its codings are re-anchored and the sidecar is rewritten (never losing a',
    'coding; uncertain ones are marked needs-review). Only files that load are written. --dry-run writes nothing.',
    'Temp files an interrupted write left behind (older than two minutes) are reported; --clean removes them.',
    'Exit code 1 when anything needs attention (errors or warnings), 0 when the study is clean, 3 when a file',
    'could not be read (no permission, a broken drive…), so the check is incomplete.',
  ],
  options: {
    'dry-run': { type: 'boolean', description: 'report what re-anchoring would change, write nothing' },
    clean: { type: 'boolean', description: 'remove temp files left over by interrupted writes' },
    ...JSON_OPTION,
  },
  positionals: { min: 0, max: 1 },
  run: runCheck,
};

interface Reanchored {
  readonly uri: string;
  readonly written: boolean;
  readonly codings: number;
  readonly needsReview: number;
  readonly orphans: number;
}

async function runCheck(context: CommandContext, args: Arguments): Promise<number> {
  const { out, io } = context;
  const began = io.now();
  const study = await openStudy(context, args.positional(0));
  const dryRun = args.flag('dry-run');
  // Without a codebook every coding's code looks unknown: one line about the codebook says more than hundreds.
  const codesUnchecked = !study.codebookLoaded;
  const problems: Problem[] = [
    ...study.problems.filter((p) => !(codesUnchecked && p.kind === 'unknown-code' && p.uri !== study.codebookUri)),
  ];
  if (codesUnchecked) {
    problems.push(
      problem(
        study.codebookUri,
        0,
        0,
        'codes-unchecked',
        'the codebook does not load, so the codes of the codings were not checked',
        'fix the codebook (see above) and run `grounded check` again',
      ),
    );
  }
  if (study.transcripts.length === 0) {
    problems.push(
      problem(
        study.settingsUri ?? study.root,
        0,
        0,
        'no-transcripts',
        `no transcripts match ${study.settings.transcripts.join(', ')}`,
        'check "transcripts" in grounded.yaml, or run `grounded init` in the folder of transcripts',
        'warning',
      ),
    );
  }
  // The survey is read by report and export, not by loading: checked here so check passes only what they accept.
  const survey = await loadSurvey(context.fs, study);
  if (survey) problems.push(...(survey.ok ? survey.warnings : survey.problems));
  const leftovers = await leftoverArtifacts(context, study);
  const clean = args.flag('clean') && !dryRun;
  const cleanFailures = clean ? await removeLeftovers(context, leftovers) : [];
  problems.push(...(clean ? cleanFailures : leftovers.map(leftoverProblem)));
  const removed = clean ? leftovers.filter((uri) => !cleanFailures.some((p) => p.uri === uri)) : [];
  const reanchored = await writeReanchored(context, study, dryRun, problems);
  problems.sort(compareProblems);
  const seconds = (io.now() - began) / 1000;

  const counts = {
    transcripts: study.transcripts.length,
    sidecars: study.transcripts.reduce((n, t) => n + t.sidecars.length, 0),
    codings: study.transcripts.reduce((n, t) => n + t.sidecars.reduce((m, s) => m + s.sidecar.codings.length, 0), 0),
    codes: study.codebook.codes.length,
    categories: categoryCount(study),
    memos: study.memos.length,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  };
  const progress = codingProgress(study);
  out.data({
    problems: problems.map((p) => out.problemJson(p)),
    reanchored: reanchored.map(({ uri, ...rest }) => ({ file: out.path(uri), ...rest })),
    removed: removed.map((uri) => out.path(uri)),
    summary: { ...counts, seconds: Number(seconds.toFixed(3)) },
    progress: {
      summary: progressLine(progress),
      total: progress.total,
      codedByAnyone: progress.codedByAnyone,
      coders: progress.coders,
    },
  });
  for (const p of problems) out.line(out.formatProblem(p));
  for (const r of reanchored) {
    const flagged = [
      r.needsReview > 0 ? `${r.needsReview} need review` : '',
      r.orphans > 0 ? `${r.orphans} orphaned` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const outcome = r.written
      ? 're-anchored to the edited transcript and written'
      : dryRun
        ? 'would be re-anchored (--dry-run: not written)'
        : 'not written: the file on disk no longer needs re-anchoring (changed since it was read?)';
    out.line(`${out.path(r.uri)}: ${outcome} — ${r.codings} coding(s)${flagged ? `, ${flagged}` : ''}`);
  }
  if (removed.length > 0)
    out.line(`removed ${removed.length} leftover temp file(s): ${removed.map((uri) => out.path(uri)).join(', ')}`);
  const byKind = kindCounts(problems);
  // Progress is information, not a problem: it never changes the exit code.
  out.line(`coding progress: ${progressLine(progress)}`);
  out.line(
    `${problems.length === 0 ? 'ok' : 'needs attention'}: ${counts.transcripts} transcript(s), ${counts.sidecars} sidecar(s), ${counts.codings} coding(s), ${codesText(counts)}, ${counts.memos} memo(s)` +
      ` — ${counts.errors} error(s), ${counts.warnings} warning(s)${byKind ? ` (${byKind})` : ''}` +
      `${reanchored.length > 0 ? `, ${reanchored.filter((r) => r.written).length} of ${reanchored.length} re-anchored sidecar(s) written` : ''} in ${seconds.toFixed(2)} s`,
  );
  if (problems.some((p) => p.kind === 'read')) return EXIT_FILE_ACCESS;
  return counts.errors + counts.warnings > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/**
 * Sidecars the loader re-anchored in memory (their transcript changed) are rewritten through the safe-write
 * path, which re-reads the file and refuses one that no longer loads. Re-anchoring never drops a coding, so
 * writing by default loses nothing and spares every later load the work; --dry-run only reports.
 */
async function writeReanchored(
  context: CommandContext,
  study: Study,
  dryRun: boolean,
  problems: Problem[],
): Promise<Reanchored[]> {
  const results: Reanchored[] = [];
  for (const transcript of study.transcripts) {
    for (const loaded of transcript.sidecars) {
      if (!loaded.reanchored) continue;
      const codings = loaded.sidecar.codings;
      const summary = {
        uri: loaded.uri,
        codings: codings.length,
        needsReview: codings.filter((c) => c.status === 'needs-review').length,
        orphans: codings.filter((c) => c.status === 'orphan').length,
      };
      if (dryRun) {
        problems.push(
          problem(
            loaded.uri,
            0,
            0,
            'stale-anchors',
            // Quote mismatches are reported only under an unchanged hash: then the transcript did not change.
            study.problems.some((p) => p.uri === loaded.uri && p.kind === 'quote-mismatch')
              ? 'codings whose offsets do not fit their quote would be re-anchored and the file updated'
              : `${transcript.path} changed since these codings were anchored; re-anchoring would update the file`,
            'run `grounded check` without --dry-run to write it',
            'warning',
          ),
        );
        results.push({ ...summary, written: false });
        continue;
      }
      try {
        // "No change" writes the sidecar re-anchored as the file on disk now reads. Whether it was written
        // is what the write path says, never assumed: the file may have been brought up to date meanwhile.
        let written = false;
        await changeCodings(
          context.fs,
          transcript,
          loaded.coder,
          () => undefined,
          () => (written = true),
        );
        results.push({ ...summary, written });
      } catch (error) {
        if (!(error instanceof FileLoadError || error instanceof ConcurrentChangeError)) throw error;
        const problemsOf = error instanceof FileLoadError ? error.problems : [];
        problems.push(
          ...problemsOf,
          problem(
            loaded.uri,
            0,
            0,
            'not-written',
            `re-anchored codings not written: ${error.message.split('\n')[0]}`,
            'fix the file and run `grounded check` again',
            'error',
          ),
        );
        results.push({ ...summary, written: false });
      }
    }
  }
  return results;
}

/**
 * Every codebook entry is a code, categories (codes with codes under them) included, as `grounded codes` lists
 * them: "36 codes (7 categories)", which the README's description of the example study says the same way.
 */
function codesText({ codes, categories }: { codes: number; categories: number }): string {
  return `${codes} code(s)${categories > 0 ? ` (${categories} categor${categories === 1 ? 'y' : 'ies'})` : ''}`;
}

function categoryCount(study: Study): number {
  const parents = new Set(study.codebook.codes.flatMap((code) => (code.parent === undefined ? [] : [code.parent])));
  return study.codebook.codes.filter((code) => parents.has(code.id)).length;
}

function kindCounts(problems: readonly Problem[]): string {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
}
