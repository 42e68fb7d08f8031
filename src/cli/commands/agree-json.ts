import type { AgreementReport, Coefficient, PairAgreement } from '../../core/index';

/**
 * The agreement report as `grounded agree --json` prints it: figures as numbers (percentages 0–100), an
 * undefined figure as null with a sibling `<name>Reason` saying why.
 */
export function agreementJson(report: AgreementReport): Record<string, unknown> {
  return {
    coders: report.coders,
    ...pairJson(report),
    ...(report.pairs
      ? { pairs: report.pairs.map((pair) => ({ coders: [pair.first, pair.second], ...pairJson(pair) })) }
      : {}),
    alpha: {
      coders: report.alpha.coders,
      transcripts: report.alpha.transcripts,
      ...coefficient('pooled', report.alpha.pooled),
      codes: report.alpha.codes.map((row) => ({ code: row.code, ...coefficient('alpha', row.alpha) })),
    },
    ...(report.disagreements ? { disagreements: report.disagreements } : {}),
  };
}

function pairJson(pair: PairAgreement) {
  return {
    compared: pair.compared,
    notCompared: pair.notCompared,
    overlap: pair.overlap,
    codes: pair.codes.map((row) => ({ code: row.code, name: row.name, category: row.category, ...figures(row) })),
    pooled: figures(pair.pooled),
  };
}

function figures(row: PairAgreement['pooled']) {
  const { character, transcript, segment } = row;
  return {
    character: {
      ...counts(character),
      ...percent(character.percent),
      ...coefficient('kappa', character.kappa),
      withinCoded: {
        ...counts(character.withinCoded),
        ...percent(character.withinCoded.percent),
        ...coefficient('kappa', character.withinCoded.kappa),
      },
    },
    transcript: {
      ...counts(transcript),
      ...percent(transcript.percent),
      ...coefficient('kappa', transcript.kappa),
      ...coefficient('alpha', transcript.alpha),
    },
    segment: { matched: segment.matched, first: segment.first, second: segment.second, ...percent(segment.percent) },
  };
}

function counts(table: { both: number; first: number; second: number; neither: number }) {
  return { both: table.both, first: table.first, second: table.second, neither: table.neither };
}

function percent(c: Coefficient) {
  return coefficient('percent', c.value === null ? c : { value: c.value * 100 });
}

function coefficient(name: string, c: Coefficient): Record<string, number | string | null> {
  return c.value === null ? { [name]: null, [`${name}Reason`]: c.reason ?? 'undefined' } : { [name]: c.value };
}
