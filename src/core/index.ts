/**
 * The public surface of the pure core: what the CLI, the Node adapters and the extension may import. Code
 * outside src/core imports from here, never from a module inside, so the core can be reorganized without
 * touching its callers (test/unit/architecture/public-surface.test.ts holds the layers to it).
 *
 * The webview is the one exception: it is a browser bundle that needs only the report's types and number
 * formatting, and importing them through this file would bundle the whole core into it (≈ 260 KB more,
 * minified), so it imports those two leaf modules directly.
 */

// The model, problems and URIs.
export * from './model';
export * from './problems';
export * from './uri';
export * from './bytes';
export * from './settled';

// Ports and what their adapters share (locks, write artifacts).
export * from './ports/file-system';
export * from './ports/lock-protocol';
export * from './ports/write-artifacts';

// Text, anchoring and editing.
export * from './text/canonical';
export * from './text/hash';
export { reanchorSidecar, isCodingConsistent } from './anchoring/reanchor-sidecar';
export { shiftCodings, refreshSelectors, type TextEdit } from './anchoring/shift';
export * from './editing/best-match';
export * from './editing/boundaries';
export * from './editing/navigation';
export * from './editing/recent-codes';
export * from './editing/review-note';

// File formats.
export * from './sidecar/format';
export * from './sidecar/order';
export * from './codebook/format';
export * from './settings/format';
export { yamlQuoted, yamlString } from './yaml/emit';

// Reading and writing files safely.
export * from './persistence/errors';
export * from './persistence/safe-file';
export * from './persistence/file-access-error';
export * from './persistence/file-access-reporting';

// Studies: loading, reloading, the cache, and the operations that change them.
export * from './study/study';
export * from './study/load-study';
export * from './study/cache/study-cache';
export * from './study/cached-study-loader';
export * from './study/reload-scheduler';
export * from './study/detect-study';
export * from './study/study-files';
export * from './study/walk';
export * from './study/settings-problems';
export * from './study/ids';
export * from './study/coding-operations';
export * from './study/coding-progress';
export * from './study/mark-coded';
export * from './study/visible-coders';
export * from './study/codebook-operations';
export * from './study/sidecar-files';

// Axial and selective coding: relations between codes, the core category, the code network.
export * from './codebook/relations';
export * from './settings/relation-types';
export * from './study/relation-edits';
export * from './network/index';

// Surveys, analyses and reports.
export * from './survey/index';
export * from './analysis/index';
export * from './agreement/index';
export * from './report/index';

// REFI-QDA export (.qdpx projects, .qdc codebooks) for MAXQDA, NVivo, ATLAS.ti and QualCoder.
export * from './refi-qda/export/index';

// REFI-QDA import (.qdpx projects, .qdc codebooks).
export * from './refi-qda/import/index';

// Code suggestions from a language model behind a port: prompts, strict answer checks, rejections, provenance.
export * from './assist/index';
// Similar passages: a BM25 index of sentences and turns, and the dismissals kept in the study.
export * from './similar/index';
// An analysis package for R: tidy data, the report as JSON and a script that recomputes it (grounded export r).
export * from './r-export/index';
// Transcript import: Word documents, captions (WebVTT, SRT), Otter exports and text as study transcripts.
export * from './transcript-import/index';

// Speaker turns of a transcript: its outline, and coding every turn of one speaker.
export * from './speaker-turns/index';
