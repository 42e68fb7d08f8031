import type { ReportAgreementTable, ReportCodeAgreement, StudyReport } from '../../src/core/analysis/report-types';
import { num, percent } from '../../src/core/report/format';
import { codeLabels } from './labels';

/*
 * Bands for κ and α after Landis & Koch (1977), "The measurement of observer agreement for categorical data",
 * Biometrics 33:159–174, as they are conventionally condensed: below 0.40 poor to fair, 0.40–0.60 moderate,
 * 0.60–0.80 substantial, 0.80 and above almost perfect. The band only tints a cell: the number is always shown.
 */
export type AgreementBand = 'poor' | 'moderate' | 'substantial' | 'almost-perfect' | 'undefined';

export function bandOf(value: number | null): AgreementBand {
  if (value === null) return 'undefined';
  if (value < 0.4) return 'poor';
  if (value < 0.6) return 'moderate';
  if (value < 0.8) return 'substantial';
  return 'almost-perfect';
}

export const BAND_LABELS: Record<AgreementBand, string> = {
  poor: 'poor (< 0.40)',
  moderate: 'moderate (0.40–0.60)',
  substantial: 'substantial (0.60–0.80)',
  'almost-perfect': 'almost perfect (≥ 0.80)',
  undefined: 'undefined: no variation',
};

export const AGREEMENT_COLUMNS = [
  { key: 'code', title: 'Code', numeric: false },
  { key: 'character', title: 'Character κ', numeric: true },
  { key: 'withinCoded', title: 'Within coded κ', numeric: true },
  { key: 'transcript', title: 'Transcript κ', numeric: true },
  { key: 'alpha', title: 'α', numeric: true },
  { key: 'segment', title: 'Segments matched', numeric: true },
] as const;
export type AgreementSortKey = (typeof AGREEMENT_COLUMNS)[number]['key'];

export interface AgreementCell {
  text: string;
  /** "both / first only / second only / neither" beside a κ. */
  counts?: string;
  band?: AgreementBand;
  /** Why the value is undefined. */
  reason?: string;
}

export interface AgreementRow {
  code: string;
  label: string;
  cells: Record<AgreementSortKey, AgreementCell>;
  /** Sort values (null sorts last). */
  values: Record<AgreementSortKey, number | string | null>;
}

function kappaCell(table: ReportAgreementTable): AgreementCell {
  return {
    text: num(table.kappa, 3),
    counts: `${table.both} / ${table.first} / ${table.second} / ${table.neither}`,
    band: bandOf(table.kappa),
    ...(table.kappaReason ? { reason: table.kappaReason } : {}),
  };
}

function rowOf(code: string, label: string, f: Omit<ReportCodeAgreement, 'code' | 'name' | 'category'>): AgreementRow {
  const { character, transcript, segment } = f;
  return {
    code,
    label,
    cells: {
      code: { text: label },
      character: kappaCell(character),
      withinCoded: kappaCell(character.withinCoded),
      transcript: kappaCell(transcript),
      alpha: {
        text: num(transcript.alpha, 3),
        band: bandOf(transcript.alpha),
        ...(transcript.alphaReason ? { reason: transcript.alphaReason } : {}),
      },
      segment: {
        text: percent(segment.percent, 1),
        counts: `${segment.matched} / ${segment.first} / ${segment.second}`,
      },
    },
    values: {
      code: label,
      character: character.kappa,
      withinCoded: character.withinCoded.kappa,
      transcript: transcript.kappa,
      alpha: transcript.alpha,
      segment: segment.percent,
    },
  };
}

/** The per-code rows in codebook order (or sorted), and the pooled row apart: it never sorts among the codes. */
export function agreementRows(
  report: StudyReport,
  sort: { key: AgreementSortKey; descending: boolean } | null,
): { rows: AgreementRow[]; pooled: AgreementRow } | null {
  const agreement = report.agreement;
  if (!agreement) return null;
  // Indented under its category as in the Codes tab (a code the report's own coders never used has no entry).
  const labels = codeLabels(report);
  const rows = agreement.codes.map((c) =>
    rowOf(c.code, labels.get(c.code) ?? (c.name === c.code ? c.name : `${c.name} (${c.code})`), c),
  );
  if (sort) {
    const sign = sort.descending ? -1 : 1;
    rows.sort((a, b) => {
      const x = a.values[sort.key];
      const y = b.values[sort.key];
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return sign * (typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number));
    });
  }
  return { rows, pooled: rowOf('', 'Pooled', agreement.pooled) };
}
