import type {
  CategoricalComparison,
  ReportAgreementTable,
  CodeSummary,
  GroupComparison,
  NumericComparison,
  NumericVariable,
  StudyReport,
  VariableSummary,
} from '../analysis/report-types';
import { denominatorNoun, denominatorNotes } from '../analysis/denominator';
import { heading, list, paragraph, table, type Block } from './blocks';
import { ci, count, effectText, NONE, num, pCell, percent, percentCi, testStatisticText, testText } from './format';

/** How many co-occurring pairs the rendered report lists (the JSON has them all). */
export const CO_OCCURRENCE_ROWS = 25;

function codeLabel(code: Pick<CodeSummary, 'name' | 'id' | 'depth'>): string {
  return `${'↳ '.repeat(code.depth)}${code.name}${code.name === code.id ? '' : ` (${code.id})`}`;
}

function scaleText(variable: NumericVariable): string {
  // "3.2 / 5" reads as a rating; a count that happens to look ordinal (0–6 mentors) gets no "/ 6".
  return variable.scale && (variable.scale.labels !== undefined || variable.scale.min === 1)
    ? ` / ${variable.scale.max}`
    : '';
}

/** One line per survey variable: the figure a paper quotes, with its CI and n (plain text). */
export function variableLine(variable: VariableSummary): string {
  if (variable.kind === 'numeric') {
    return `${variable.name}: mean ${num(variable.mean)}${scaleText(variable)} (95% CI ${ci(variable.ci)}), SD ${num(variable.sd)}, median ${count(variable.median)}; n = ${variable.n}, missing ${variable.missing}`;
  }
  if (variable.kind === 'categorical') {
    const levels = variable.type === 'yes-no' ? [...variable.levels].reverse() : variable.levels;
    const parts = levels.map(
      (l) => `${percent(l.proportion)} ${l.level} (${l.count}/${variable.n}; 95% CI ${percentCi(l.ci)})`,
    );
    return `${variable.name}: ${parts.join(', ')}; missing ${variable.missing}`;
  }
  return `${variable.name} (${variable.type}): ${variable.n} answers, ${variable.distinct} distinct; missing ${variable.missing}`;
}

/** One line per comparison: groups, tests and effect size (plain text). */
export function comparisonLine(comparison: GroupComparison): string {
  const head = `${comparison.variable} by ${comparison.by}`;
  if (comparison.kind === 'numeric') {
    const groups = comparison.groups
      .filter((g) => g.n > 0)
      .map((g) => `${g.level} ${num(g.mean)} (SD ${num(g.sd)}, n = ${g.n})`)
      .join(' vs ');
    const tests = comparison.tests.map(testText);
    const effect = comparison.effect ? [effectText(comparison.effect)] : [];
    return `${head}: ${groups || 'no values'}${comparison.reason ? ` — ${comparison.reason}` : ''}${[...tests, ...effect].map((t) => `; ${t}`).join('')}`;
  }
  const tests = comparison.tests.map(testText);
  return `${head}: n = ${comparison.n}, missing ${comparison.missing}${comparison.reason ? ` — ${comparison.reason}` : ''}${[...tests, ...(comparison.effect ? [effectText(comparison.effect)] : [])].map((t) => `; ${t}`).join('')}`;
}

function intro(report: StudyReport): Block[] {
  const { options, coders, participants: p } = report;
  const filters = options.filters.map((f) => `${f.column} = ${f.value}`).join(' and ');
  const lines = [
    `Coding progress: ${report.progress.text} (transcripts of the whole study with a sidecar, an empty one included)`,
    `Participants: ${p.total} (${p.withSurvey} with a survey row, ${p.withTranscript} with a transcript, ${p.coded} coded, ${p.joined} with both a survey row and known codes)`,
    `Grouped by: ${options.by ?? 'no grouping'}`,
    `Coders: ${options.coders ? options.coders.join(', ') : `all, pooled (${coders.included.join(', ') || 'none'})`}`,
    ...(filters ? [`Only participants with ${filters} (${p.excludedByFilter} left out)`] : []),
    ...(report.surveyFiles.length > 0 ? [`Survey: ${report.surveyFiles.join(', ')}`] : ['Survey: none']),
  ];
  const unmatched = [
    ...p.transcriptsWithoutRow.map(
      (t) =>
        `${t.transcript}: participant ${t.participant} has no survey row${t.sameIgnoringCase ? ` (the survey has ${t.sameIgnoringCase}, which differs in case)` : ''}`,
    ),
    ...p.transcriptsWithoutParticipant.map((t) => `${t}: no participant id could be derived from the file name`),
    ...p.rowsWithoutTranscript.map((r) => `${r.file}:${r.line}: participant ${r.participant} has no transcript`),
  ];
  return [
    heading(1, `Grounded report: ${report.title}`),
    list(lines),
    ...(unmatched.length > 0 ? [heading(3, 'Not joined'), list(unmatched)] : []),
  ];
}

function keyFigures(report: StudyReport): Block[] {
  const lines = [...report.variables.map(variableLine), ...report.comparisons.map(comparisonLine)];
  return lines.length === 0 ? [] : [heading(2, 'Key figures'), list(lines)];
}

function variableTables(report: StudyReport): Block[] {
  const numeric = report.variables.filter((v): v is NumericVariable => v.kind === 'numeric');
  const labelled = report.variables.filter((v) => v.kind === 'categorical');
  const blocks: Block[] = [];
  if (numeric.length > 0) {
    blocks.push(
      heading(3, 'Numeric and ordinal'),
      table(
        ['Variable', 'Type', 'n', 'Missing', 'Mean', '95% CI', 'SD', 'Median', 'IQR', 'Range'],
        numeric.map((v) => [
          v.name,
          v.scale ? `${v.type} ${v.scale.min}–${v.scale.max}` : v.type,
          String(v.n),
          String(v.missing),
          num(v.mean),
          ci(v.ci),
          num(v.sd),
          count(v.median),
          v.q1 === null ? NONE : `${count(v.q1)}–${count(v.q3)}`,
          v.min === null ? NONE : `${count(v.min)}–${count(v.max)}`,
        ]),
        [false, false, true, true, true, true, true, true, true, true],
      ),
    );
  }
  if (labelled.length > 0) {
    blocks.push(
      heading(3, 'Categorical and yes/no'),
      table(
        ['Variable', 'Level', 'Count', 'n', '%', '95% CI', 'Missing'],
        labelled.flatMap((v) =>
          (v.kind === 'categorical' ? v.levels : []).map((l) => [
            v.name,
            l.level,
            String(l.count),
            String(v.n),
            percent(l.proportion),
            percentCi(l.ci),
            String(v.missing),
          ]),
        ),
        [false, false, true, true, true, true, true],
      ),
    );
  }
  const other = report.variables.filter((v) => v.kind === 'other');
  if (other.length > 0) blocks.push(heading(3, 'Text and dates (not summarized)'), list(other.map(variableLine)));
  return blocks.length === 0 ? [] : [heading(2, 'Survey variables'), ...blocks];
}

function numericComparisonTable(comparisons: readonly NumericComparison[]): Block {
  const levels = [...new Set(comparisons.flatMap((c) => c.groups.map((g) => g.level)))];
  return table(
    ['Variable', ...levels.map((l) => `${l}: mean (SD), n`), 'Tests', 'Effect size'],
    comparisons.map((c) => [
      c.variable,
      ...levels.map((level) => {
        const g = c.groups.find((x) => x.level === level);
        return g && g.n > 0 ? `${num(g.mean)} (${num(g.sd)}), ${g.n}` : NONE;
      }),
      c.tests.length > 0 ? c.tests.map(testText).join('; ') : (c.reason ?? NONE),
      effectText(c.effect),
    ]),
    [false, ...levels.map(() => true), false, false],
  );
}

function categoricalComparisonBlocks(c: CategoricalComparison): Block[] {
  return [
    heading(3, `${c.variable} by ${c.by}`),
    table(
      [c.by, ...c.table.columnLevels, 'n'],
      c.groups.map((g) => [g.level, ...g.levels.map((l) => `${l.count} (${percent(l.proportion, 1)})`), String(g.n)]),
      [false, ...c.table.columnLevels.map(() => true), true],
    ),
    paragraph(
      [
        ...(c.tests.length > 0 ? c.tests.map(testText) : [c.reason ?? 'no test']),
        ...(c.effect ? [effectText(c.effect)] : []),
        `missing ${c.missing}`,
      ].join('; '),
    ),
  ];
}

function comparisonSections(report: StudyReport): Block[] {
  if (!report.options.by || report.comparisons.length === 0) return [];
  const numeric = report.comparisons.filter((c): c is NumericComparison => c.kind === 'numeric');
  const categorical = report.comparisons.filter((c): c is CategoricalComparison => c.kind === 'categorical');
  return [
    heading(2, `Survey variables by ${report.options.by}`),
    ...(numeric.length > 0 ? [numericComparisonTable(numeric)] : []),
    ...categorical.flatMap(categoricalComparisonBlocks),
  ];
}

/** Who is left out of code figures (or counted as 0) and why, next to the figures; nothing when nobody is. */
export function denominatorBlocks(report: StudyReport): Block[] {
  const notes = denominatorNotes(report.participants, report.coders.included);
  return notes.length === 0 ? [] : [list(notes)];
}

function codeSection(report: StudyReport): Block[] {
  if (report.codes.length === 0) return [heading(2, 'Codes'), paragraph('The codebook has no codes yet.')];
  const p = report.participants;
  return [
    heading(2, 'Codes'),
    paragraph(
      `Prevalence: share of the ${p.codesKnown} ${denominatorNoun(p)} with at least one coding of the code (a category counts its sub-codes).`,
    ),
    ...denominatorBlocks(report),
    table(
      ['Code', 'Codings', 'Transcripts', `Participants (of ${p.codesKnown} ${denominatorNoun(p)})`, '%', '95% CI'],
      report.codes.map((c) => [
        codeLabel(c) + (c.inCodebook ? '' : ' (not in codebook)'),
        String(c.codings),
        String(c.transcripts),
        `${c.participants} of ${c.total}`,
        percent(c.proportion, 1),
        percentCi(c.ci),
      ]),
      [false, true, true, true, true, true],
    ),
  ];
}

function codesByGroupSection(report: StudyReport, labels: ReadonlyMap<string, string>): Block[] {
  if (report.codesByGroup.length === 0) return [];
  const levels = report.codesByGroup[0]?.groups.map((g) => g.level) ?? [];
  return [
    heading(2, `Code prevalence by ${report.options.by}`),
    paragraph(
      `Participants with the code of the ${denominatorNoun(report.participants)} in the group (${report.codesByGroup[0]?.groups.map((g) => `${g.level}: ${g.total}`).join(', ') ?? ''}). p adjusted across all codes (Holm; Benjamini–Hochberg).`,
    ),
    ...denominatorBlocks(report),
    table(
      ['Code', ...levels, 'Test', 'p', 'p (Holm)', 'p (BH)', 'Effect size'],
      report.codesByGroup.map((c) => {
        const test = c.tests[0];
        return [
          labels.get(c.code) ?? c.code,
          ...c.groups.map((g) => `${g.participants} of ${g.total} (${percent(g.proportion, 1)})`),
          test ? (test.p === null ? testText(test) : testStatisticText(test)) : (c.reason ?? NONE),
          test ? pCell(test.p) : NONE,
          test ? pCell(test.pHolm) : NONE,
          test ? pCell(test.pBH) : NONE,
          effectText(c.effect),
        ];
      }),
      [false, ...levels.map(() => true), false, true, true, true, false],
    ),
  ];
}

function codeComparisonSection(report: StudyReport, labels: ReadonlyMap<string, string>): Block[] {
  const variables = [...new Set(report.codeComparisons.map((c) => c.variable))];
  if (variables.length === 0) return [];
  return [
    heading(2, 'Survey variables by code presence'),
    paragraph(
      'Coded participants with a survey answer, with vs without the code. p adjusted across codes per variable and test (Holm).',
    ),
    ...variables.flatMap((variable) => [
      heading(3, variable),
      table(
        [
          'Code',
          'With: mean (SD), n',
          'Without: mean (SD), n',
          'Welch t',
          'p',
          'p (Holm)',
          'Mann–Whitney p',
          "Hedges' g (95% CI)",
        ],
        report.codeComparisons
          .filter((c) => c.variable === variable)
          .map((c) => {
            const [withCode, without] = c.groups;
            const welch = c.tests.find((t) => t.name === 'welch-t');
            const mw = c.tests.find((t) => t.name === 'mann-whitney');
            const group = (g: typeof withCode) => (g && g.n > 0 ? `${num(g.mean)} (${num(g.sd)}), ${g.n}` : NONE);
            return [
              labels.get(c.code) ?? c.code,
              group(withCode),
              group(without),
              welch ? num(welch.statistic) : (c.reason ?? NONE),
              welch ? pCell(welch.p) : NONE,
              welch ? pCell(welch.pHolm) : NONE,
              mw ? pCell(mw.p) : NONE,
              c.effect && c.effect.value !== null ? `${num(c.effect.value)} (${ci(c.effect.ci)})` : NONE,
            ];
          }),
        [false, true, true, true, true, true, true, true],
      ),
    ]),
  ];
}

function coOccurrenceSection(report: StudyReport, labels: ReadonlyMap<string, string>): Block[] {
  if (report.coOccurrence.length === 0) return [];
  const shown = report.coOccurrence.slice(0, CO_OCCURRENCE_ROWS);
  return [
    heading(2, 'Co-occurrence'),
    paragraph(
      `Overlap: codings by the same coder sharing text. Participants: both codes anywhere in the participant's interview; Jaccard = both / either.${report.coOccurrence.length > shown.length ? ` The ${shown.length} pairs with most shared participants of ${report.coOccurrence.length}; the JSON report has them all.` : ''}`,
    ),
    table(
      ['Code', 'Code', 'Overlapping codings', 'Transcripts', 'Participants with both', 'Jaccard'],
      shown.map((c) => [
        labels.get(c.a) ?? c.a,
        labels.get(c.b) ?? c.b,
        String(c.overlaps),
        String(c.overlapTranscripts),
        `${c.participants}/${c.participantsEither}`,
        num(c.jaccard),
      ]),
      [false, false, true, true, true, true],
    ),
  ];
}

/** "0.747 (120 / 4 / 6 / 9870)": a κ never without the table it comes from. */
function kappaCell(table: ReportAgreementTable): string {
  return `${num(table.kappa, 3)} (${table.both} / ${table.first} / ${table.second} / ${table.neither})`;
}

function agreementSection(report: StudyReport, labels: ReadonlyMap<string, string>): Block[] {
  const agreement = report.agreement;
  if (!agreement) return [];
  const { first, second } = agreement;
  const row = (label: string, f: NonNullable<StudyReport['agreement']>['pooled']) => [
    label,
    kappaCell(f.character),
    kappaCell(f.character.withinCoded),
    kappaCell(f.transcript),
    num(f.transcript.alpha, 3),
    `${f.segment.matched} / ${f.segment.first} / ${f.segment.second}`,
    percent(f.segment.percent, 1),
  ];
  const notCompared = agreement.notCompared.length;
  return [
    heading(2, `Agreement: ${first} and ${second}`),
    paragraph(
      `Over the ${agreement.compared.length} transcripts both coded${notCompared > 0 ? ` (${notCompared} coded by only one of them or by neither are not compared, never counted as disagreement)` : ''}. Each κ (Cohen's) is followed by its counts: both / ${first} only / ${second} only / neither. Character: every code point of the transcripts; within coded: only code points either coder coded with any code; transcript: does the coder use the code in the transcript at all, with Krippendorff's α (nominal); segments: a coding matches when the other coder's coding of the same code overlaps it by at least ${agreement.overlap} (intersection / union), matched / ${first} only / ${second} only. A category counts its sub-codes; the pooled row counts each code's own codings once. — is undefined (no variation), never 0.`,
    ),
    table(
      [
        'Code',
        'Character κ',
        'Within coded κ',
        'Transcript κ',
        'α',
        `Segments (matched / ${first} / ${second})`,
        'Segments matched',
      ],
      [
        ...agreement.codes.map((code) => row(labels.get(code.code) ?? code.name, code)),
        row('Pooled', agreement.pooled),
      ],
      [false, true, true, true, true, true, true],
    ),
    ...(agreement.allCoders
      ? [
          paragraph(
            `Krippendorff's α (nominal, code presence per transcript) over all ${agreement.allCoders.coders.length} coders (${agreement.allCoders.coders.join(', ')}), ${agreement.allCoders.transcripts} transcripts: ${num(agreement.allCoders.alpha, 3)}. Every pair: grounded agree.`,
          ),
        ]
      : []),
  ];
}

function problemSection(report: StudyReport): Block[] {
  if (report.problems.length === 0) return [];
  return [
    heading(2, 'Survey problems'),
    list(
      report.problems.map(
        (p) =>
          `${p.file}${p.line > 0 ? `:${p.line}:${p.column}` : ''}: ${p.severity}: ${p.message}${p.hint ? ` — ${p.hint}` : ''}`,
      ),
    ),
  ];
}

/** The report as blocks, in reading order. */
export function reportBlocks(report: StudyReport): Block[] {
  const labels = new Map(report.codes.map((c) => [c.id, codeLabel(c)]));
  return [
    ...intro(report),
    ...keyFigures(report),
    ...variableTables(report),
    ...comparisonSections(report),
    ...codeSection(report),
    ...codesByGroupSection(report, labels),
    ...(report.jointDisplay
      ? [
          heading(2, `Joint display: codes by ${report.jointDisplay.by}`),
          paragraph(
            `Each cell: participants with the code of the ${denominatorNoun(report.participants)} in the group. ${report.jointDisplay.quoteRule}`,
          ),
          { kind: 'joint' as const, display: report.jointDisplay, codeLabels: labels },
        ]
      : []),
    ...codeComparisonSection(report, labels),
    ...coOccurrenceSection(report, labels),
    ...agreementSection(report, labels),
    ...relationsSection(report),
    ...problemSection(report),
    heading(2, 'Methods'),
    list(report.methods),
  ];
}

/**
 * The theory as the codebook states it: each relation with its memo, and a drawing of the codes that take
 * part in one (and the core category). Absent when the codebook has no relations and no core category.
 */
function relationsSection(report: StudyReport): Block[] {
  const network = report.network;
  const relations = network.edges.filter((e) => e.kind === 'relation');
  const core = network.nodes.filter((n) => n.core);
  if (relations.length === 0 && core.length === 0) return [];
  const nameOf = new Map(network.nodes.map((n) => [n.id, n.name]));
  const named = (id: string) => nameOf.get(id) ?? id;
  const shown = new Set([...relations.flatMap((e) => [e.from, e.to]), ...core.map((n) => n.id)]);
  return [
    heading(2, 'Relations'),
    ...(core.length > 0 ? [paragraph(`Core category: ${core.map((n) => n.name).join(', ')}`)] : []),
    ...(relations.length > 0
      ? [
          table(
            ['From', 'Relation', 'To', 'Memo'],
            relations.map((e) => [
              named(e.from),
              e.directed ? `${e.label} →` : `${e.label} ↔`,
              named(e.to),
              e.memo ?? '',
            ]),
          ),
        ]
      : []),
    paragraph(
      `Nodes are codes (size: participants with the code of the ${network.participants} in this report); arrows are directed relations, plain lines symmetric ones.`,
    ),
    { kind: 'network', network: { ...network, nodes: network.nodes.filter((n) => shown.has(n.id)) } },
  ];
}
