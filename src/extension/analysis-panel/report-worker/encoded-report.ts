import type { StudyReport } from '../../../core/index';
import type { PanelOutcome } from '../report-builder';

/**
 * A built report as UTF-8 JSON bytes, the form it travels in: from the worker to the extension host (a
 * transfer, no copy) and on to the webview (VS Code passes binary data to webviews as it is). As an object
 * the report of a big study (1.6 million characters as JSON) cost the host's thread its structured-clone
 * decoding and then VS Code's message serialization — 100–200 ms each rebuild; as bytes, almost nothing.
 * The host decodes it only when it needs a figure (an export, a click to check).
 */
export type EncodedOutcome =
  | {
      readonly ok: true;
      readonly encoded: Uint8Array;
      /** Files the report lists (problems, unjoined rows): the ones the webview may ask to open. */
      readonly files: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

export function encodeOutcome(outcome: PanelOutcome): EncodedOutcome {
  if (!outcome.ok) return outcome;
  const { report } = outcome;
  const p = report.participants;
  return {
    ok: true,
    encoded: new TextEncoder().encode(JSON.stringify(report)),
    files: [
      ...report.problems.map((x) => x.file),
      ...p.transcriptsWithoutRow.map((t) => t.transcript),
      ...p.transcriptsWithoutParticipant,
      ...p.rowsWithoutTranscript.map((r) => r.file),
    ],
  };
}

export function decodeReport(encoded: Uint8Array): StudyReport {
  return JSON.parse(new TextDecoder().decode(encoded)) as StudyReport;
}
