/**
 * Likert label sets Grounded recognises, each in scale order; a cell matches a label ignoring case.
 * Smaller sets come first: a column whose labels fit the 5-point agreement scale is read as 5-point even
 * though the 7-point one contains the same labels (declare `ordinal:<labels>` for anything else).
 */
export interface LikertScale {
  readonly name: string;
  /** Labels in scale order; each alternative spelling maps to the same position. */
  readonly labels: readonly (readonly string[])[];
}

export const LIKERT_SCALES: readonly LikertScale[] = [
  {
    name: 'agreement (5-point)',
    labels: [
      ['Strongly disagree'],
      ['Disagree'],
      ['Neither agree nor disagree', 'Neither disagree nor agree', 'Neutral'],
      ['Agree'],
      ['Strongly agree'],
    ],
  },
  {
    name: 'agreement (7-point)',
    labels: [
      ['Strongly disagree'],
      ['Disagree'],
      ['Somewhat disagree', 'Slightly disagree'],
      ['Neither agree nor disagree', 'Neither disagree nor agree', 'Neutral'],
      ['Somewhat agree', 'Slightly agree'],
      ['Agree'],
      ['Strongly agree'],
    ],
  },
  { name: 'frequency (5-point)', labels: [['Never'], ['Rarely'], ['Sometimes'], ['Often'], ['Always']] },
  {
    name: 'satisfaction (5-point)',
    labels: [
      ['Very dissatisfied'],
      ['Dissatisfied'],
      ['Neither satisfied nor dissatisfied', 'Neutral'],
      ['Satisfied'],
      ['Very satisfied'],
    ],
  },
];

/** 0-based position of a cell in a scale, or undefined. */
export function likertPosition(scale: LikertScale, cell: string): number | undefined {
  const lower = cell.toLowerCase();
  const position = scale.labels.findIndex((spellings) => spellings.some((label) => label.toLowerCase() === lower));
  return position < 0 ? undefined : position;
}

/** Display labels of a scale (the first spelling of each position). */
export function likertLabels(scale: LikertScale): string[] {
  return scale.labels.map((spellings) => spellings[0] ?? '');
}

/** The first scale that contains every cell, if any. */
export function findLikertScale(cells: readonly string[]): LikertScale | undefined {
  if (cells.length === 0) return undefined;
  return LIKERT_SCALES.find((scale) => cells.every((cell) => likertPosition(scale, cell) !== undefined));
}
