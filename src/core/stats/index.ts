/** Statistics core: pure functions over plain arrays, each checked against R (test/reference). */
export type * from './types';
export {
  describeNumeric,
  describePresentNumbers,
  describeSortedNumbers,
  describeCategorical,
  type NumericSummary,
  type CategoricalSummary,
  type LevelSummary,
} from './descriptives';
export { wilsonInterval } from './wilson';
export { quantileType7 } from './quantile';
export { oneSampleTTest, twoSampleTTest, twoSampleTTestOfMoments, type TTestResult } from './t-test';
export { mannWhitney, mannWhitneyOfRanks, type MannWhitneyResult } from './mann-whitney';
export { pooledRanks, type PooledRanks } from './ranks';
export { welchAnova, type WelchAnovaResult } from './welch-anova';
export { kruskalWallis, type KruskalWallisResult } from './kruskal-wallis';
export { crossTabulate, margins, type CrossTabulation } from './contingency-table';
export { chiSquareTest, type ChiSquareResult } from './chi-square';
export { fisherExact, type FisherExactResult } from './fisher-exact';
export { DEFAULT_MAX_FISHER_WORK } from './fisher-rxc';
export { chooseContingencyTest } from './choose-contingency-test';
export {
  cohensD,
  hedgesG,
  standardizedMeanDifference,
  standardizedMeanDifferenceOfMoments,
  SMD_CI_METHOD,
} from './standardized-mean-difference';
export { momentsOf, type Moments } from './moments';
export { oddsRatio, riskDifference } from './two-by-two-effects';
export { cramersV } from './cramers-v';
export { adjustPValues, type AdjustMethod } from './p-adjust';
export { cohensKappa, type KappaResult } from './cohens-kappa';
export { krippendorffAlpha, type AlphaLevel, type AlphaResult } from './krippendorff-alpha';
export { groupValues, type GroupedValues } from './group-values';
