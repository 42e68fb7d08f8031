/**
 * The folder new transcripts go to, relative to the study root ('' for the root itself): the fixed part of
 * the first `transcripts` glob of the study's settings ("transcripts/*.txt" → "transcripts",
 * "interviews/**\/*.txt" → "interviews", "**\/*.txt" → ""), so an imported transcript is one the study reads.
 */
export function defaultTranscriptFolder(transcriptGlobs: readonly string[]): string {
  const first = transcriptGlobs.find((glob) => !glob.startsWith('!')) ?? '';
  const segments = first.split('/');
  const fixed: string[] = [];
  // The last segment names files, never the folder.
  for (const segment of segments.slice(0, -1)) {
    if (/[*?[\]{}()!+@]/u.test(segment)) break;
    if (segment !== '' && segment !== '.') fixed.push(segment);
  }
  return fixed.join('/');
}
