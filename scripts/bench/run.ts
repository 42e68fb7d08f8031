/**
 * `npm run bench [-- S L XL] [--runs N]`: study loading against the goals of issue 3 item 5.
 *
 * Generates the synthetic studies once (deterministic; kept in os.tmpdir() between runs), bundles
 * child.ts with esbuild as the CLI is bundled, and measures each figure in fresh processes:
 *   cold  = empty cache, fresh process: load, then the report (`grounded report --by gender` without I/O of the output);
 *   warm  = cache filled by a previous process, fresh process;
 *   hot   = a second load in the warm process (what a long-lived host such as the extension would see).
 * Every figure is the best of N runs (the machine is shared; the minimum is the least disturbed run),
 * printed beside the JSON.parse time of the same codings measured in the same process.
 * Then, for S and XL, the similar-passage figures (similar-child.ts): index build and queries, each beside a
 * plain regular-expression scan of the same transcripts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { SIZES, type StudySize } from './generate';
import { BENCH_ROOT, ensureStudy } from './studies';
import type { ChildFigures, ChildRequest } from './child';
import { formatSimilarTable, formatTable, judge, type SimilarResult, type SizeResult } from './report';
import type { SimilarFigures } from './similar-child';

function parseArgs(argv: readonly string[]): { sizes: StudySize[]; runs: number | undefined } {
  let runs: number | undefined;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else names.push((argv[i] as string).toUpperCase());
  }
  const sizes = names.length === 0 ? [...SIZES] : SIZES.filter((size) => names.includes(size.name));
  if (sizes.length === 0)
    throw new Error(`unknown sizes ${names.join(', ')}; use ${SIZES.map((s) => s.name).join(', ')}`);
  return { sizes, runs };
}

async function bundleChild(name = 'child'): Promise<string> {
  const outfile = join(BENCH_ROOT, `${name}.cjs`);
  await build({
    entryPoints: [join(__dirname, `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    logLevel: 'warning',
  });
  return outfile;
}

function runChild(child: string, request: ChildRequest, cacheDir: string): ChildFigures & { wallMs: number } {
  const start = performance.now();
  const result = spawnSync(process.execPath, [child, JSON.stringify(request)], {
    env: { ...process.env, GROUNDED_CACHE_DIR: cacheDir, GROUNDED_CACHE: 'on' },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`benchmark process failed (${result.status}):\n${result.stderr}`);
  return { ...(JSON.parse(result.stdout) as ChildFigures), wallMs };
}

/** The similar-passage figures in a fresh process (the study's cache is warm by now, as in a working session). */
function runSimilarChild(child: string, study: string, cacheDir: string): SimilarFigures {
  const result = spawnSync(process.execPath, [child, JSON.stringify({ study })], {
    env: { ...process.env, GROUNDED_CACHE_DIR: cacheDir, GROUNDED_CACHE: 'on' },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`similar-passage process failed (${result.status}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as SimilarFigures;
}

function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, Node ${process.version}, ${process.platform}`;
}

function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}

async function main(): Promise<void> {
  const { sizes, runs } = parseArgs(process.argv.slice(2));
  mkdirSync(BENCH_ROOT, { recursive: true });
  const child = await bundleChild();
  const similarChild = await bundleChild('similar-child');
  const similar: SimilarResult[] = [];
  const loadBefore = loadAverage();
  const results: SizeResult[] = [];
  for (const size of sizes) {
    const folder = ensureStudy(size);
    const cacheDir = join(BENCH_ROOT, `${size.name}-cache`);
    const n = runs ?? (size.name === 'XL' ? 2 : 3);
    const cold: (ChildFigures & { wallMs: number })[] = [];
    const warm: (ChildFigures & { wallMs: number })[] = [];
    for (let i = 0; i < n; i++) {
      rmSync(cacheDir, { recursive: true, force: true });
      process.stderr.write(`${size.name}: cold run ${i + 1}/${n} …\n`);
      cold.push(runChild(child, { study: folder, hot: false, yamlSample: i === 0 ? 10 : 0 }, cacheDir));
      process.stderr.write(`${size.name}: warm run ${i + 1}/${n} …\n`);
      warm.push(runChild(child, { study: folder, hot: true, yamlSample: 0 }, cacheDir));
    }
    results.push({ size, cold, warm });
    if (size.name !== 'L') {
      process.stderr.write(`${size.name}: similar passages …\n`);
      similar.push({ size, figures: runSimilarChild(similarChild, folder, cacheDir) });
    }
  }
  const loadAfter = loadAverage();
  process.stdout.write(
    `\nMachine: ${machine()}\nLoad average (1/5/15 min): ${loadBefore} at start, ${loadAfter} at end\n\n`,
  );
  process.stdout.write(formatTable(results) + '\n');
  if (similar.length > 0) process.stdout.write('\n' + formatSimilarTable(similar) + '\n\n');
  const verdicts = judge(results);
  process.stdout.write(verdicts.text + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
