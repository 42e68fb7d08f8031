import {
  agreementReport,
  codersInStudy,
  DEFAULT_CONSENSUS_CODER,
  codeTree,
  DEFAULT_SEGMENT_OVERLAP,
  type AgreementReport,
  type Coefficient,
  type Disagreement,
  type PairAgreement,
  type TwoByTwo,
  type Study,
} from '../../core/index';
import { JSON_OPTION, type Arguments, type CommandContext, type CommandSpec } from '../command';
import { CliError, EXIT_OK, EXIT_PROBLEMS, UsageError } from '../errors';
import { warnAboutUnloadedFiles } from '../load-warnings';
import type { Output } from '../output';
import { openStudy } from '../study-root';
import { agreementJson } from './agree-json';

export const agreeCommand: CommandSpec = {
  name: 'agree',
  summary: "inter-coder agreement: percent, Cohen's κ and Krippendorff's α per code, with the disagreements",
  usage: [
    'agree [dir] --coder <a> --coder <b> [--coder …] [--code <id>…] [--overlap 0.8] [--disagreements] [--min-kappa <x>] [--json]',
  ],
  details: [
    'Only transcripts every compared coder has coded (has a sidecar for, also an empty one) are units; the rest',
    'are listed as not compared, never counted as disagreement. Three units, per code (a category includes its',
    'sub-codes) and pooled over the codes as applied:',
    '  character   every code point of the compared transcripts: both / first only / second only / neither,',
    '              percent agreement and κ; "within coded" counts only text either coder coded with any code.',
    '  transcript  does each coder use the code in the transcript at all: percent, κ and α (nominal).',
    '  segment     a coding matches when the other coder has one of the same code overlapping it by at least',
    '              --overlap (intersection / union, default 0.8): matched / first only / second only.',
    'Undefined figures (κ when both coders answered every unit alike, α without variation) are shown as "–"',
    '(null in JSON, with the reason). With three or more coders: every pair, and α over all of them.',
    'Percentages are 0–100. --min-kappa exits 1 when a pooled κ (character or transcript) is below it.',
  ],
  options: {
    coder: { type: 'string', multiple: true, value: '<id>', description: 'a coder to compare (two or more)' },
    code: { type: 'string', multiple: true, value: '<id>', description: 'only this code (repeat; default: all used)' },
    overlap: { type: 'string', value: '<0–1>', description: 'segment match threshold (default 0.8)' },
    disagreements: { type: 'boolean', description: 'list each disagreement of the first two coders' },
    'min-kappa': { type: 'string', value: '<x>', description: 'exit 1 when a pooled κ is below x' },
    ...JSON_OPTION,
  },
  positionals: { min: 0, max: 1 },
  run: runAgree,
};

async function runAgree(context: CommandContext, args: Arguments): Promise<number> {
  const overlap = overlapOption(args.string('overlap'));
  const minKappa = args.string('min-kappa') === undefined ? undefined : kappaBound(args.string('min-kappa') as string);
  const study = await openStudy(context, args.positional(0));
  const coders = agreementCoders(study, args);
  const codes = listOption(args, 'code');
  refuseUnknownCodes(study, codes);
  const report = agreementReport(study, coders, {
    overlap,
    ...(codes.length > 0 ? { codes } : {}),
    disagreements: args.flag('disagreements'),
  });
  const { out } = context;
  out.data(agreementJson(report));
  if (!out.json) printReport(report, out);
  let status = warnAboutUnloadedFiles(study, out) ? EXIT_PROBLEMS : EXIT_OK;
  if (minKappa !== undefined) {
    const below = belowMinimum(report, minKappa);
    if (below.length > 0) {
      out.error(`grounded agree: pooled κ below ${minKappa}: ${below.join('; ')}`);
      status = EXIT_PROBLEMS;
    }
  }
  return status;
}

function listOption(args: Arguments, name: string): string[] {
  return args
    .strings(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/**
 * The coders to compare: --coder (repeated or comma-separated), else every coder of the study except the
 * consensus coder (the usual team of two). Unknown coders and fewer than two are usage errors; `exactly`
 * for commands that take a pair.
 */
export function agreementCoders(study: Study, args: Arguments, exactly?: number): string[] {
  const given = [...new Set(listOption(args, 'coder'))];
  const coders = given.length > 0 ? given : codersInStudy(study).filter((coder) => coder !== DEFAULT_CONSENSUS_CODER);
  const available = codersInStudy(study);
  const unknown = coders.filter((coder) => !available.includes(coder));
  if (unknown.length > 0)
    throw new UsageError(
      `no sidecar by ${unknown.join(', ')}; coders in this study: ${available.join(', ') || '(none)'}`,
    );
  if (coders.length < 2 || (exactly !== undefined && coders.length !== exactly))
    throw new UsageError(
      `give ${exactly === undefined ? 'two or more' : exactly} coders with --coder, got ${coders.join(', ') || 'none'}; ` +
        `coders in this study: ${available.join(', ') || '(none)'}`,
    );
  return coders;
}

export function overlapOption(text: string | undefined): number {
  return fraction(text, '--overlap', DEFAULT_SEGMENT_OVERLAP);
}

function refuseUnknownCodes(study: Study, codes: readonly string[]): void {
  const used = study.transcripts.flatMap((t) => t.sidecars.flatMap((s) => s.sidecar.codings.map((c) => c.code)));
  const known = new Set(codeTree(study.codebook, used).map((code) => code.id));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0)
    throw new CliError(`no code ${unknown.map((c) => `"${c}"`).join(', ')}; see \`grounded codes\` for the ids`, 2);
}

function fraction(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || value > 1)
    throw new UsageError(`${name} must be a number above 0 and at most 1 (e.g. 0.8), not "${text}"`);
  return value;
}

function kappaBound(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < -1 || value > 1)
    throw new UsageError(`--min-kappa must be a number from -1 to 1 (e.g. 0.7), not "${text}"`);
  return value;
}

/** Pooled κ of the first two coders (and of every pair) under the bound; an undefined κ cannot pass. */
function belowMinimum(report: AgreementReport, bound: number): string[] {
  const failures: string[] = [];
  for (const pair of report.pairs ?? [report]) {
    for (const unit of ['character', 'transcript'] as const) {
      const kappa = pair.pooled[unit].kappa;
      if (kappa.value === null || kappa.value < bound)
        failures.push(
          `${pair.first}/${pair.second} ${unit} κ = ${kappa.value === null ? `undefined (${kappa.reason})` : fixed(kappa.value, 3)}`,
        );
    }
  }
  return failures;
}

function printReport(report: AgreementReport, out: Output): void {
  const [a, b] = [report.first, report.second];
  out.line(
    `Agreement of ${a} and ${b} on ${report.compared.length} transcript(s) both coded` +
      (report.notCompared.length > 0
        ? `; ${report.notCompared.length} not compared (not coded by both: mark a transcript coded when nothing applies)`
        : ''),
  );
  out.line(
    `Segments match at overlap ≥ ${report.overlap} (intersection / union). "–": undefined (see --json for why).`,
  );
  printPair(report, out);
  if (report.pairs) {
    out.line();
    out.line('Every pair, pooled over codes:');
    out.line(
      table(
        ['coders', 'transcripts', 'char. %', 'char. κ', 'κ within coded', 'transcript κ', 'transcript α', 'segment %'],
        report.pairs.map((pair) => [
          `${pair.first} / ${pair.second}`,
          String(pair.compared.length),
          pct(pair.pooled.character.percent),
          coef(pair.pooled.character.kappa),
          coef(pair.pooled.character.withinCoded.kappa),
          coef(pair.pooled.transcript.kappa),
          coef(pair.pooled.transcript.alpha),
          pct(pair.pooled.segment.percent),
        ]),
      ),
    );
  }
  out.line();
  out.line(
    `Krippendorff's α (nominal, code presence per transcript) over ${report.coders.join(', ')} on ` +
      `${report.alpha.transcripts} transcript(s) coded by two or more: ${coef(report.alpha.pooled)}`,
  );
  if (report.disagreements) printDisagreements(report.disagreements, a, b, out);
}

function printPair(pair: PairAgreement, out: Output): void {
  const [a, b] = [`${pair.first} only`, `${pair.second} only`];
  const rows = [...pair.codes.map((row) => ({ label: label(row), ...row })), { label: 'pooled', ...pair.pooled }];
  out.line();
  out.line('Character (every code point of the compared transcripts)');
  out.line(
    table(
      ['code', 'both', a, b, 'neither', '%', 'κ', '% within coded', 'κ within coded'],
      rows.map((r) => [
        r.label,
        ...countCells(r.character),
        pct(r.character.percent),
        coef(r.character.kappa),
        pct(r.character.withinCoded.percent),
        coef(r.character.withinCoded.kappa),
      ]),
    ),
  );
  out.line();
  out.line('Transcript (is the code used in the transcript at all)');
  out.line(
    table(
      ['code', 'both', a, b, 'neither', '%', 'κ', 'α'],
      rows.map((r) => [
        r.label,
        ...countCells(r.transcript),
        pct(r.transcript.percent),
        coef(r.transcript.kappa),
        coef(r.transcript.alpha),
      ]),
    ),
  );
  out.line();
  out.line(`Segment (a coding matched by one of the same code, overlap ≥ ${pair.overlap})`);
  out.line(
    table(
      ['code', 'matched', a, b, '%'],
      rows.map((r) => [
        r.label,
        String(r.segment.matched),
        String(r.segment.first),
        String(r.segment.second),
        pct(r.segment.percent),
      ]),
    ),
  );
}

function printDisagreements(list: readonly Disagreement[], a: string, b: string, out: Output): void {
  out.line();
  out.line(`${list.length} disagreement(s) of ${a} and ${b}, in reading order:`);
  for (const d of list) {
    const where = `${d.transcript}:${d.line}`;
    if (d.kind === 'boundary' && d.first && d.second)
      out.line(
        `${where}: ${d.code}: boundaries differ: ${a} ${d.first.start}–${d.first.end} ${quote(d.first.quote)} | ` +
          `${b} ${d.second.start}–${d.second.end} ${quote(d.second.quote)}`,
      );
    else {
      const side = d.first ?? d.second;
      const who = d.first ? a : b;
      if (side) out.line(`${where}: ${d.code}: only ${who} ${side.start}–${side.end} ${quote(side.quote)}`);
    }
  }
}

/** The four counts of a 2×2 table as cells: both, first only, second only, neither. */
function countCells(table: TwoByTwo): string[] {
  return [table.both, table.first, table.second, table.neither].map(String);
}

function label(row: PairAgreement['codes'][number]): string {
  return row.category ? `${row.code} (+ sub-codes)` : row.code;
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify([...flat].length > 70 ? `${[...flat].slice(0, 69).join('')}…` : flat);
}

function coef(c: Coefficient): string {
  return c.value === null ? '–' : fixed(c.value, 3);
}

function pct(c: Coefficient): string {
  return c.value === null ? '–' : fixed(c.value * 100, 1);
}

function fixed(value: number, digits: number): string {
  return (Object.is(Math.round(value * 10 ** digits), -0) ? 0 : value).toFixed(digits);
}

/** Columns right-aligned except the first, padded to their widest cell. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => [...(row[i] ?? '')].length)));
  const pad = (cell: string, i: number) => {
    const fill = ' '.repeat((widths[i] ?? 0) - [...cell].length);
    return i === 0 ? cell + fill : fill + cell;
  };
  return all.map((row) => row.map(pad).join('  ').trimEnd()).join('\n');
}
