import { agreementReport, checkedCoders, codersInStudy, type AgreementReport } from '../agreement/agreement-report';
import { compareCoders, type CodeAgreement, type PairAgreement } from '../agreement/compare-coders';
import { DEFAULT_CONSENSUS_CODER } from '../agreement/consensus';
import type { Coefficient, TwoByTwo } from '../agreement/two-by-two';
import type { Study } from '../study/study';
import type { ReportAgreement, ReportAgreementFigures, ReportAgreementTable } from './report-types';

/**
 * The coders the report's agreement section compares: the report's own coders when two or more are selected
 * (`consensus` too, if selected), otherwise every coder of the study except the consensus coder, whose
 * codings are the team's settled decisions and would only inflate agreement with either coder.
 */
export function agreementCoders(study: Study, selected: readonly string[] | undefined): string[] {
  if (selected && new Set(selected).size >= 2) return [...new Set(selected)];
  return codersInStudy(study).filter((coder) => coder !== DEFAULT_CONSENSUS_CODER);
}

/** The agreement section of the report, or null when fewer than two coders are there to compare. */
export function reportAgreement(study: Study, selected: readonly string[] | undefined): ReportAgreement | null {
  const coders = agreementCoders(study, selected);
  if (coders.length < 2) return null;
  // Two coders: their comparison is the whole section (α over all coders is shown only for three or more,
  // and costs a pass over every coding of a big study).
  const distinct = checkedCoders(study, coders);
  const [first, second] = distinct as [string, string];
  const report: PairAgreement & { alpha?: AgreementReport['alpha'] } =
    distinct.length > 2 ? agreementReport(study, distinct) : compareCoders(study, first, second);
  return {
    coders: distinct,
    first: report.first,
    second: report.second,
    overlap: report.overlap,
    compared: [...report.compared],
    notCompared: report.notCompared.map((t) => ({ transcript: t.transcript, codedBy: [...t.codedBy] })),
    codes: report.codes.map((row) => ({ code: row.code, name: row.name, category: row.category, ...figures(row) })),
    pooled: figures(report.pooled),
    ...(report.alpha
      ? {
          allCoders: {
            coders: [...report.alpha.coders],
            transcripts: report.alpha.transcripts,
            ...coefficient('alpha', report.alpha.pooled),
          },
        }
      : {}),
  };
}

function figures(row: PairAgreement['pooled'] | CodeAgreement): ReportAgreementFigures {
  const { character, transcript, segment } = row;
  return {
    character: { ...table(character, character), withinCoded: table(character.withinCoded, character.withinCoded) },
    transcript: { ...table(transcript, transcript), ...coefficient('alpha', transcript.alpha) },
    segment: {
      matched: segment.matched,
      first: segment.first,
      second: segment.second,
      ...coefficient('percent', segment.percent),
    },
  };
}

function table(counts: TwoByTwo, c: { percent: Coefficient; kappa: Coefficient }): ReportAgreementTable {
  return {
    both: counts.both,
    first: counts.first,
    second: counts.second,
    neither: counts.neither,
    ...(coefficient('percent', c.percent) as { percent: number | null; percentReason?: string }),
    ...(coefficient('kappa', c.kappa) as { kappa: number | null; kappaReason?: string }),
  };
}

function coefficient<N extends string>(name: N, c: Coefficient) {
  return (c.value === null ? { [name]: null, [`${name}Reason`]: c.reason ?? 'undefined' } : { [name]: c.value }) as {
    [K in N]: number | null;
  } & { [K in `${N}Reason`]?: string };
}
