export * from './passages';
export * from './terms';
export * from './unit-index';
export * from './similar-index';
export * from './query-terms';
export * from './dismissals';
export * from './find-similar';
export * from './dismiss-operations';
