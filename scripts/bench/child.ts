/**
 * One measured process of the benchmark (bundled by run.ts like the CLI, so it runs the code `grounded
 * report` runs, not tsx's on-the-fly transform). It loads the study through the CLI's openStudy (the
 * native hash and the cache in GROUNDED_CACHE_DIR), then does what runReport does, then measures the
 * JSON.parse baseline of the same codings, and prints one JSON line of figures.
 */
import { openStudy } from '../../src/cli/study-root';
import { cliFileSystem } from '../../src/cli/file-system';
import type { CommandContext } from '../../src/cli/command';
import { buildStudyReport, loadSurvey, requestErrors, type ReportRequest } from '../../src/core/analysis/index';
import { renderMarkdown } from '../../src/core/report/index';
import { parseSidecar } from '../../src/core/sidecar/format';
import { decodeCanonical } from '../../src/core/text/canonical';

export interface ChildRequest {
  readonly study: string;
  /** Load a second time in the same process (the "hot" figure). */
  readonly hot: boolean;
  /** Sidecars to parse with the real `yaml` parser for the per-coding estimate (0: skip). */
  readonly yamlSample: number;
  /** Load only (for profiling the loader by hand: `node child.cjs '{"study":…,"skipReport":true}'`). */
  readonly skipReport?: boolean;
}

export interface ChildFigures {
  readonly loadMs: number;
  readonly reportMs: number;
  readonly hotMs?: number;
  readonly jsonParseMs: number;
  readonly jsonBytes: number;
  readonly maxRssMb: number;
  readonly codings: number;
  readonly sidecars: number;
  readonly problems: number;
  readonly reportChars: number;
  readonly yamlMsPerCoding?: number;
}

async function measure(request: ChildRequest): Promise<ChildFigures> {
  // The file system the CLI's commands get (runCommand), so the load is the one `grounded report` does.
  const fs = cliFileSystem();
  const context = { io: { cwd: request.study, env: process.env }, fs } as unknown as CommandContext;
  const t0 = performance.now();
  const study = await openStudy(context, request.study);
  const t1 = performance.now();
  // What runReport does after openAnalysis's openStudy: survey, checks, report, rendering.
  const loaded = request.skipReport ? undefined : await loadSurvey(fs, study);
  if (loaded && !loaded.ok) throw new Error(`survey does not load: ${loaded.problems[0]?.message}`);
  const reportRequest: ReportRequest = { by: 'gender', filters: [] };
  let markdown = '';
  if (!request.skipReport) {
    const errors = requestErrors(study, loaded?.value, reportRequest);
    if (errors.length > 0) throw new Error(errors.join('; '));
    markdown = renderMarkdown(buildStudyReport(study, loaded?.value, reportRequest, loaded?.warnings ?? []));
  }
  const t2 = performance.now();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;

  let hotMs: number | undefined;
  if (request.hot) {
    const t = performance.now();
    await openStudy(context, request.study);
    hotMs = performance.now() - t;
  }

  // The baseline: the same codings (every sidecar as loaded) as one JSON text, parsed. Best of three.
  const sidecars = study.transcripts.flatMap((t) => t.sidecars.map((s) => s.sidecar));
  const json = JSON.stringify(sidecars);
  let jsonParseMs = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    JSON.parse(json);
    jsonParseMs = Math.min(jsonParseMs, performance.now() - t);
  }
  const codings = sidecars.reduce((sum, s) => sum + s.codings.length, 0);

  let yamlMsPerCoding: number | undefined;
  if (request.yamlSample > 0) {
    const sample = study.transcripts.flatMap((t) => t.sidecars).slice(0, request.yamlSample);
    const texts = await Promise.all(sample.map(async (s) => decodeCanonical(await fs.readFile(s.uri))));
    const t = performance.now();
    let parsed = 0;
    texts.forEach((text, i) => {
      const result = parseSidecar(sample[i]?.uri ?? '', text);
      if (result.ok) parsed += result.value.sidecar.codings.length;
    });
    yamlMsPerCoding = (performance.now() - t) / Math.max(1, parsed);
  }

  return {
    loadMs: t1 - t0,
    reportMs: t2 - t1,
    ...(hotMs !== undefined ? { hotMs } : {}),
    jsonParseMs,
    jsonBytes: json.length,
    maxRssMb,
    codings,
    sidecars: sidecars.length,
    problems: study.problems.length,
    reportChars: markdown.length,
    ...(yamlMsPerCoding !== undefined ? { yamlMsPerCoding } : {}),
  };
}

const request = JSON.parse(process.argv[2] ?? '{}') as ChildRequest;
measure(request).then(
  (figures) => process.stdout.write(JSON.stringify(figures) + '\n'),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
