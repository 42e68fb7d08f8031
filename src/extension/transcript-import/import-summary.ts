import type { TranscriptImportResult } from '../../core/index';

// No 'vscode' here: what an import says, in the output channel and its notifications, is unit-tested in plain Node.

/** One line per source file: where it went and what it left out, or why nothing was written for it. */
export function importReport(
  folder: string,
  results: readonly TranscriptImportResult[],
  shown: (uri: string) => string,
): string[] {
  const written = results.filter((result) => result.status === 'written').length;
  return [
    `Imported ${written} of ${results.length} file(s) into ${folder}`,
    ...results.map((result) => {
      if (result.status === 'refused') return `  ${result.source}: not imported: ${result.reason}`;
      const { turns, dropped } = result.conversion;
      const left = dropped.length > 0 ? `; left out ${dropped.join(', ')}` : '';
      return `  ${result.source} → ${shown(result.uri)} (${turns} paragraph(s)${left})`;
    }),
  ];
}

/** The notifications after an import: what came in, and every file refused with its reason. */
export function importMessages(
  folder: string,
  results: readonly TranscriptImportResult[],
): { done?: string; refused?: string } {
  const written = results.filter((result) => result.status === 'written');
  const refused = results.flatMap((result) => (result.status === 'refused' ? [result] : []));
  const dropped = written.some((result) => result.conversion.dropped.length > 0);
  const done =
    written.length === 0
      ? undefined
      : `Imported ${written.length} transcript(s) into ${folder}${dropped ? ' (what the sources had besides the spoken text and was left out is listed in the output)' : ''}.`;
  if (refused.length === 0) return done === undefined ? {} : { done };
  const reasons = refused.map((result) => `${result.source}: ${sentence(result.reason)}`).join(' ');
  const others = written.length > 0 ? ` The other ${written.length} file(s) were imported.` : '';
  return {
    ...(done === undefined ? {} : { done }),
    refused: `Grounded did not import ${refused.length} of ${results.length} file(s), and wrote nothing for ${refused.length === 1 ? 'it' : 'them'}. ${reasons}${others}`,
  };
}

function sentence(reason: string): string {
  return /[.!?]$/u.test(reason) ? reason : `${reason}.`;
}
