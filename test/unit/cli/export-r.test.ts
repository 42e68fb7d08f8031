import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import {
  ANALYSIS_R,
  hashText,
  serializeCodebook,
  serializeSidecar,
  type Code,
  type Coding,
} from '../../../src/core/index';
import { quoteSelector } from '../../../src/core/anchoring/selector';
import { Random } from '../support/random';
import { copyToTemp, read, run, tempFolder, write } from './helpers';

const EXAMPLE = join(__dirname, '..', '..', '..', 'examples', 'mentorship-study');

/** Rscript with jsonlite, or why not. CI installs both (scripts/vscode-test/setup.mjs), so there it is required. */
function rAvailable(): string | undefined {
  const r = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(jsonlite))'], { encoding: 'utf8' });
  if (r.error) return 'Rscript is not installed (Debian: apt-get install r-base-core r-cran-jsonlite)';
  if (r.status !== 0) return `R has no jsonlite (Debian: apt-get install r-cran-jsonlite): ${r.stderr.trim()}`;
  return undefined;
}
const missingR = rAvailable();

function rscript(folder: string): { status: number | null; stdout: string; stderr: string; seconds: number } {
  const started = performance.now();
  const r = spawnSync('Rscript', ['analysis.R'], { cwd: folder, encoding: 'utf8', timeout: 240_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, seconds: (performance.now() - started) / 1000 };
}

async function exportR(study: string, options: string[]): Promise<string> {
  const out = join(tempFolder(), 'r-package');
  const result = await run(study, ['export', 'r', '.', '--out', out, ...options]);
  assert.equal(result.code, 0, result.stderr);
  return out;
}

/** Every number of a JSON value, with its path (the same paths analysis.R prints). */
function numbers(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => numbers(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => numbers(item, `${path}.${key}`));
  return [];
}

/**
 * The share of the report's figures the script compared: every number of grounded-report.json except the
 * options (the request, not a result) and the quotes' offsets in the joint display (positions in a text).
 */
function coverage(folder: string, compared: number): number {
  const report = JSON.parse(read(folder, 'grounded-report.json')) as Record<string, unknown>;
  const figures = numbers(report).filter((path) => !path.startsWith('.options') && !/\.quotes\[/.test(path));
  return compared / figures.length;
}

function figuresOf(stdout: string): number {
  const match = /^([\d,]+) figures, all equal to 1e-9$/m.exec(stdout);
  assert.ok(match, `analysis.R did not report every figure equal:\n${stdout}`);
  return Number((match[1] as string).replace(/,/g, ''));
}

// ---------------------------------------------------------------------------------------------------------
// A generated study with what real studies hold and a fixture would not: missing survey values, participants
// without transcripts or without a survey row, transcripts nobody coded, a code nobody used, a category, an
// orphaned coding, and quotes with commas, double quotes, line breaks and non-ASCII text.

const PHRASES = [
  'My mentor said, "just publish", and I did.',
  'Herr Müller — the chief — never answered.\nNot once.',
  'We met at the café; it was naïve of me 🙂.',
  'Honestly, "sponsorship" is a word, not a plan.',
  'Time, time, time: that is the barrier.',
  'She pushed me forward, quietly.',
  'NA',
  '=SUM(A1) is what the admin wrote, -5 points.',
];
const LIKERT = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'];
const CODEBOOK: Code[] = [
  { id: 'barriers', name: 'Barriers' },
  { id: 'time', name: 'Time', parent: 'barriers' },
  { id: 'hierarchy', name: 'Hierarchy, "power"', parent: 'barriers' },
  { id: 'support', name: 'Support' },
  { id: 'sponsor', name: 'Sponsorship', parent: 'support' },
  { id: 'café', name: 'Café talk' },
  { id: 'unused', name: 'Nobody used this' },
];
const USED = ['time', 'hierarchy', 'support', 'sponsor', 'café', 'barriers'];

function generatedStudy(seed: number): string {
  const random = new Random(seed);
  const folder = tempFolder();
  const n = random.int(22, 34);
  const ids = Array.from({ length: n }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);
  write(
    folder,
    'grounded.yaml',
    'grounded: 1\ntranscripts:\n  - transcripts/*.txt\ncodebook: codebook.yaml\nsurvey:\n  files:\n    - survey.csv\n  idColumn: participant_id\n  missing: ["", "NA", "-99"]\nparticipants:\n  pattern: "^(?<id>P\\\\d+)"\n',
  );
  write(folder, 'codebook.yaml', serializeCodebook({ codes: CODEBOOK }));
  const rows = ['participant_id,group,mentor,satisfaction,score,hours,note'];
  const missing = (text: string) => (random.next() < 0.1 ? random.pick(['', 'NA', '-99']) : text);
  ids.forEach((id, i) => {
    if (i === n - 1) return; // the last participant has a transcript but no survey row
    const group = random.pick(['north', 'south', 'east']);
    const note = random.pick(['fine', 'said "ok", then left', 'Müller, again', '']);
    rows.push(
      [
        id,
        missing(group),
        missing(random.next() < 0.5 ? 'yes' : 'no'),
        missing(random.pick(LIKERT)),
        missing((random.int(100, 900) / 10).toFixed(1)),
        missing(String(random.int(0, 40))),
        `"${note.replace(/"/g, '""')}"`,
      ].join(','),
    );
  });
  write(folder, 'survey.csv', rows.join('\n') + '\n');
  ids.forEach((id, i) => {
    if (i % 9 === 4) return; // survey only: no transcript
    const turns = Array.from({ length: random.int(4, 9) }, () => `${id}: ${random.pick(PHRASES)}`);
    const text = `Interviewer: Tell me about mentoring.\n\n${turns.join('\n\n')}\n`;
    write(folder, `transcripts/${id}.txt`, text);
    if (i % 7 === 3) return; // interviewed, nobody coded it yet
    for (const coder of i % 3 === 0 ? ['amara', 'jonas'] : ['amara']) {
      const points = Array.from(text).length;
      const codings: Coding[] = Array.from({ length: random.int(0, 6) }, (_, k) => {
        const start = random.int(0, points - 2);
        const end = Math.min(points, start + random.int(1, 80));
        return {
          id: `${coder}-${id}-${k}`,
          code: random.pick(USED),
          start,
          end,
          ...quoteSelector(text, start, end),
          by: coder,
          ...(k === 1 && i % 5 === 0 ? { status: 'orphan' as const } : {}),
          ...(k === 2 ? { memo: 'memo, with "quotes"\nand a second line' } : {}),
        };
      });
      write(
        folder,
        `transcripts/${id}.${coder}.codes.yaml`,
        serializeSidecar({ transcript: `${id}.txt`, coder, textHash: hashText(text), codings }),
      );
    }
  });
  return folder;
}

describe('grounded export r: the files', function () {
  this.timeout(60_000);

  it('writes tidy CSVs (quoted text, NA for missing, levels in Grounded’s order), the report, the script and a README', async () => {
    const study = generatedStudy(16);
    const out = await exportR(study, ['--by', 'group']);
    const parse = (file: string) =>
      Papa.parse<Record<string, string>>(read(out, file), { header: true, skipEmptyLines: true }).data;
    const participants = parse('data/participants.csv');
    const header = Object.keys(participants[0] ?? {});
    assert.deepEqual(header.slice(0, 12), [
      'participant',
      'surveyed',
      'transcripts',
      'coded',
      'codes_known',
      'group',
      'mentor',
      'satisfaction',
      'score',
      'hours',
      'note',
      'code_barriers',
    ]);
    assert.ok(header.includes('code_unused') && header.includes('count_café'));
    const withoutTranscript = participants.find((p) => p['transcripts'] === '0');
    assert.ok(withoutTranscript, 'a survey-only participant');
    assert.equal(withoutTranscript['code_time'], 'NA', 'codes of a participant without a transcript are NA, not 0');
    const last = participants.at(-1) as Record<string, string>;
    assert.equal(last['surveyed'], '0');
    assert.equal(last['group'], 'NA');
    // Likert answers as their scale position, the labels in variables.csv in scale order.
    assert.ok(participants.every((p) => /^(NA|[1-5])$/.test(p['satisfaction'] as string)));
    const levels = parse('data/variables.csv').filter((v) => v['variable'] === 'satisfaction');
    assert.deepEqual(
      levels.map((v) => [v['level'], v['value']]),
      ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'].map((label, i) => [
        label,
        String(i + 1),
      ]),
    );
    // Quotes keep their commas, double quotes, line breaks and non-ASCII text exactly.
    const codings = parse('data/codings.csv');
    const texts = new Set(codings.map((c) => c['quote']));
    assert.ok([...texts].some((q) => q?.includes('\n')) && [...texts].some((q) => q?.includes('"')));
    const memo = codings.find((c) => c['memo'] !== 'NA');
    assert.equal(memo?.['memo'], 'memo, with "quotes"\nand a second line');
    assert.match(read(out, 'data/codings.csv'), /"=SUM\(A1\)|"[^"]*=SUM/, 'no formula escaping for R');
    const codebook = parse('data/codebook.csv');
    assert.equal(codebook.find((c) => c['code'] === 'barriers')?.['members'], 'barriers hierarchy time');
    assert.equal(read(out, 'analysis.R'), ANALYSIS_R);
    assert.match(read(out, 'README.md'), /## Not recomputed\n\n- agreement/);
    const report = await run(study, ['report', '.', '--by', 'group', '--format', 'json']);
    assert.equal(read(out, 'grounded-report.json'), report.stdout, 'the same report as grounded report --format json');
  });

  it('needs --out (exit 2) and never writes onto a study file, checking every file before writing any', async () => {
    const study = copyToTemp(EXAMPLE);
    const missing = await run(study, ['export', 'r', '.']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--out <folder> is required/);
    // A study whose survey lives where the package puts its participants.
    write(study, 'data/participants.csv', read(study, 'survey.csv'));
    write(study, 'grounded.yaml', read(study, 'grounded.yaml').replace('- survey.csv', '- data/participants.csv'));
    const before = read(study, 'data/participants.csv');
    const onto = await run(study, ['export', 'r', '.', '--out', '.', '--by', 'gender']);
    assert.equal(onto.code, 2, onto.stderr);
    assert.match(onto.stderr, /refusing to write to data\/participants\.csv/);
    assert.equal(read(study, 'data/participants.csv'), before);
    assert.equal(existsSync(join(study, 'analysis.R')), false, 'nothing written');
  });

  it('the script text is a raw string R can read as written (no template placeholders)', () => {
    assert.doesNotMatch(ANALYSIS_R, /\$\{|`/);
    assert.match(ANALYSIS_R, /^# analysis\.R/);
    assert.match(ANALYSIS_R, /library\(jsonlite\)/);
    assert.doesNotMatch(ANALYSIS_R, /library\((?!jsonlite)/, 'base R and jsonlite only');
  });
});

describe('grounded export r: Rscript analysis.R recomputes the report', function () {
  this.timeout(600_000);

  before(function () {
    if (missingR === undefined) return;
    if (process.env['CI']) throw new Error(`R is required on CI: ${missingR}`);
    console.log(`    (skipped: ${missingR})`);
    this.skip();
  });

  for (const options of [
    ['--by', 'gender'],
    ['--by', 'role', '--coder', 'amara'],
    ['--by', 'overall_mentoring_rating', '--uncoded', 'absent', '--where', 'gender=female'],
  ]) {
    it(`the example study, ${options.join(' ')}: every figure equal, at least 80% of the report's figures`, async () => {
      const out = await exportR(EXAMPLE, options);
      const result = rscript(out);
      assert.equal(result.status, 0, result.stdout + result.stderr);
      const compared = figuresOf(result.stdout);
      assert.ok(coverage(out, compared) >= 0.8, `coverage ${coverage(out, compared)}`);
      const results = JSON.parse(read(out, 'results.json')) as { comparisons: { tests: { p: number }[] }[] };
      const report = JSON.parse(read(out, 'grounded-report.json')) as typeof results;
      assert.equal(results.comparisons.length, report.comparisons.length);
      // results.json is the report's own layout: the first p-value the report has, at the same path.
      const at = report.comparisons.findIndex((c) => typeof c.tests[0]?.p === 'number');
      const [mine, theirs] = [results, report].map((r) => r.comparisons[at]?.tests[0]?.p as number);
      assert.ok(at >= 0 && Math.abs((mine as number) - (theirs as number)) <= 1e-9 * (theirs as number));
    });
  }

  for (const seed of [1, 2, 3]) {
    it(`a generated study (seed ${seed}): every figure equal`, async () => {
      const study = generatedStudy(seed);
      for (const options of [
        ['--by', 'group'],
        ['--by', 'satisfaction', '--uncoded', 'absent'],
      ]) {
        const out = await exportR(study, options);
        const result = rscript(out);
        assert.equal(result.status, 0, `${options.join(' ')}\n${result.stdout}${result.stderr}`);
        figuresOf(result.stdout);
      }
    });
  }

  it('exits 1 and names each figure when grounded-report.json was altered', async () => {
    const out = await exportR(EXAMPLE, ['--by', 'gender']);
    const path = join(out, 'grounded-report.json');
    const report = JSON.parse(readFileSync(path, 'utf8')) as {
      comparisons: { tests: { p: number }[] }[];
      codes: { ci: number[] | null }[];
    };
    const altered = report.comparisons.findIndex((c) => (c.tests[0]?.p ?? 1) < 0.9);
    const test = report.comparisons[altered]?.tests[0] as { p: number };
    test.p *= 1 + 1e-6;
    (report.codes[2] as { ci: number[] | null }).ci = null;
    writeFileSync(path, JSON.stringify(report, null, 2));
    const result = rscript(out);
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /figures compared, 2 differ/);
    assert.match(
      result.stdout,
      new RegExp(`^ {2}\\.comparisons\\[${altered}\\]\\.tests\\[0\\]\\.p: R 0\\.\\d+, Grounded 0\\.\\d+$`, 'm'),
    );
    assert.match(result.stdout, /^ {2}\.codes\[2\]\.ci: R \[0\.\d+, 0\.\d+\], Grounded null$/m);
  });
});
