export { RefiImportError } from '../import-error';
export { readZipSafely, unsafePathReason, DEFAULT_ZIP_LIMITS, type ZipLimits } from '../zip-safety';
export type { ImportPlan, ImportSummary, ImportWarning, ImportedTranscript, PlannedFile } from './import-plan';
export type { Skipped, SkippedKind } from './project-model';
export { importQdpx } from './import-qdpx';
export { writeNewStudy, StudyFolderNotEmptyError } from './write-study';
export { parseCodebookXml, readQdc } from './parse-codebook';
export { mergeRefiCodebook, type CodebookMerge } from './merge-codebook';
export { UNKNOWN_CODER } from './to-study';
