export * from './agreement-report';
export * from './all-coders';
export * from './compare-coders';
export * from './disagreements';
export { matchSegments, type Segment, type SegmentMatching } from './segments';
export { kappaOf, percentAgreement, type Coefficient, type TwoByTwo } from './two-by-two';
export * from './consensus';
export * from './settlement';
