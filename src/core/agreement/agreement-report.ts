import type { Study } from '../study/study';
import { alphaOverCoders, type AllCodersAlpha } from './all-coders';
import { compareCoders, type AgreementOptions, type PairAgreement } from './compare-coders';
import { listDisagreements, type Disagreement } from './disagreements';

/**
 * Agreement among two or more coders: the first two coders' full comparison (the common case, and the shape
 * scripts read), every pair for three or more, and Krippendorff's α over all of them.
 */
export interface AgreementReport extends PairAgreement {
  readonly coders: readonly string[];
  /** Every pair of coders, in the order given (only when there are three or more). */
  readonly pairs?: readonly PairAgreement[];
  readonly alpha: AllCodersAlpha;
  readonly disagreements?: readonly Disagreement[];
}

export interface AgreementReportOptions extends AgreementOptions {
  /** List each disagreement of the first two coders. */
  readonly disagreements?: boolean;
}

export class AgreementInputError extends Error {}

/** Coders who have at least one sidecar in the study, sorted. */
export function codersInStudy(study: Study): string[] {
  return [...new Set(study.transcripts.flatMap((t) => t.sidecars.map((s) => s.coder)))].sort();
}

/** The distinct coders, or AgreementInputError naming what is wrong (unknown coders, fewer than two). */
export function checkedCoders(study: Study, coders: readonly string[]): string[] {
  const distinct = [...new Set(coders)];
  const available = codersInStudy(study);
  const unknown = distinct.filter((coder) => !available.includes(coder));
  if (unknown.length > 0)
    throw new AgreementInputError(
      `no sidecar by ${unknown.join(', ')}; coders in this study: ${available.join(', ') || '(none)'}`,
    );
  if (distinct.length < 2)
    throw new AgreementInputError(
      `agreement needs two or more coders, got ${distinct.join(', ') || 'none'}; coders in this study: ${available.join(', ') || '(none)'}`,
    );
  return distinct;
}

export function agreementReport(
  study: Study,
  coders: readonly string[],
  options: AgreementReportOptions = {},
): AgreementReport {
  const distinct = checkedCoders(study, coders);
  const [first, second] = distinct as [string, string];
  const main = compareCoders(study, first, second, options);
  const pairs =
    distinct.length > 2
      ? distinct.flatMap((a, i) => distinct.slice(i + 1).map((b) => compareCoders(study, a, b, options)))
      : undefined;
  return {
    ...main,
    coders: distinct,
    ...(pairs ? { pairs } : {}),
    alpha: alphaOverCoders(study, distinct, options.codes),
    ...(options.disagreements ? { disagreements: listDisagreements(study, first, second, options) } : {}),
  };
}
