import type { Problem, QdpxExport } from '../../../core/index';

// What the report worker's export jobs answer (ReportService, in the worker or in-process).

/** A REFI-QDA project archive, or why it was not made. */
export type RefiProjectOutcome =
  | { readonly kind: 'archive'; readonly archive: QdpxExport }
  | { readonly kind: 'survey-problem'; readonly problem: Problem | undefined }
  | { readonly kind: 'refused'; readonly message: string };

/** A file of the R package as it is written: UTF-8 bytes, which a worker moves to the host without a copy. */
export interface RPackageBytes {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * The R package for a request, or why it was not made (the host words the refusal). As bytes: at XL the data
 * files are tens of megabytes of text, which the host would otherwise receive as strings (hundreds of ms of
 * its thread) only to encode them for writing.
 */
export type RPackageOutcome =
  | { readonly kind: 'files'; readonly files: readonly RPackageBytes[] }
  | { readonly kind: 'survey-problem'; readonly problem: Problem | undefined }
  | { readonly kind: 'request-error'; readonly messages: readonly string[] };
