import type { StudyReport } from '../analysis/report-types';

/** What the package does not recompute, and why: shown in its README and in `grounded export r --help`. */
export const NOT_RECOMPUTED: readonly string[] = [
  'agreement (Cohen’s κ, Krippendorff’s α, percent agreement): they compare two coders character by character and need the transcripts’ text and every coder’s sidecar, which the package does not carry; `grounded agree` and test/reference/agreement-reference.R check them against R',
  'progress (transcripts coded per coder) and participants.excludedByFilter: they count files and participants before the filters, which are not in the filtered data',
  'jointDisplay quotes: the choice of representative quotes is a rule about text (agreed first, typical length), not a statistic; the cells’ prevalence figures are recomputed',
];

/** README.md of the package: how to run it and what each file holds. */
export function packageReadme(report: StudyReport): string {
  const options = report.options;
  const selection = [
    options.by !== null ? `grouped by **${options.by}**` : 'without a grouping column',
    options.coders ? `codings of ${options.coders.join(', ')}` : 'codings of every coder, pooled',
    ...options.filters.map((f) => `only participants with ${f.column} = ${f.value}`),
    `participants whose transcripts nobody coded counted as ${options.uncoded}`,
  ];
  return `# ${report.title}: analysis package for R

Written by \`grounded export r\`: ${selection.join('; ')}.

## Run it

\`\`\`sh
Rscript analysis.R
\`\`\`

It needs R (≥ 4.0) and the jsonlite package (\`install.packages("jsonlite")\`, or Debian's \`r-cran-jsonlite\`),
nothing else. It reads the data below, recomputes the report's figures with base R (\`t.test\`,
\`wilcox.test\`, \`oneway.test\`, \`kruskal.test\`, \`chisq.test\`, \`fisher.test\`, \`prop.test\`, \`p.adjust\`
and the effect sizes by their formulas), writes \`results.json\` and compares every figure with
\`grounded-report.json\`. It prints \`N figures, all equal to 1e-9\`, or each figure that differs with its
JSON path (e.g. \`.comparisons[2].tests[0].p\`), and then exits with status 1.

## Files

| File | What it holds |
| --- | --- |
| \`data/participants.csv\` | One row per participant: \`participant\`, \`surveyed\` (1 with a survey row), \`transcripts\` (how many), \`coded\` (1 when an included coder coded a transcript), \`codes_known\` (1 when the participant is in the denominator of code figures), every survey column (Likert items as their scale position), then per code \`code_<id>\` (1/0) and \`count_<id>\` (codings of the code and its sub-codes); \`NA\` where a value is missing or the codes are not known. |
| \`data/codings.csv\` | One row per coding: participant, transcript, coder, coding id, code id and name, the code's parent, start and end (code points), the quote, the memo and the status. |
| \`data/codebook.csv\` | The codes in the report's order: id, name, parent, depth, whether it is a category or missing from the codebook, its members (the code and its sub-codes, space-separated), its two columns in participants.csv and its definition. |
| \`data/variables.csv\` | One row per level of each survey column, in Grounded's order (declared or sorted categories, yes-no as false then true, Likert points low to high with their labels): the column's type, the level's position, label and scale value, the scale's range and the survey's missing-value codes. \`analysis.R\` builds its factors from it, so signs and "first group" match the report. |
| \`grounded-report.json\` | Grounded's report (\`grounded report --format json\`, format ${report.format}), described by Grounded's schemas/report.schema.json. |
| \`analysis.R\` | The script: one block per report section, the same for every study. |
| \`results.json\` | Written by the script: the recomputed figures under the report's own keys. |

All files are UTF-8. Text cells are quoted; \`NA\` (unquoted) is a missing value. R reads a quoted "NA" as
missing too, so a quote or survey answer that is literally NA becomes missing in R.

## Not recomputed

${NOT_RECOMPUTED.map((line) => `- ${line}`).join('\n')}
`;
}
