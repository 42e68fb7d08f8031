import { captionTurns, readCaptionBlocks } from './captions';
import { TranscriptConversionError, type TranscriptConversion } from './conversion';
import { formatTurns, joinSpeakerTurns } from './turns';

/** A WebVTT file starts with "WEBVTT" (after an optional BOM, already removed) and a space, tab or line end. */
export function looksLikeVtt(text: string): boolean {
  return /^WEBVTT(?:[ \t\n]|$)/u.test(text);
}

/**
 * WebVTT captions (Zoom, Teams, YouTube…) as speaker turns: `<v Name>` voice tags or `Name: ` prefixes
 * become the speaker, consecutive cues of a speaker one turn at the first cue's start time.
 */
export function convertVtt(text: string): TranscriptConversion {
  if (!looksLikeVtt(text)) throw new TranscriptConversionError('not a WebVTT file: its first line must be "WEBVTT"');
  const { cues, dropped, timingLines } = readCaptionBlocks(text, 'vtt');
  if (timingLines === 0)
    throw new TranscriptConversionError(
      'a WebVTT file without cues: it has no timing lines ("00:00:01.000 --> 00:00:04.000")',
    );
  if (cues.length === 0)
    throw new TranscriptConversionError(`none of its cues is readable (${dropped.list().join(', ')})`);
  const turns = joinSpeakerTurns(captionTurns(cues));
  return { text: formatTurns(turns), format: 'vtt', dropped: dropped.list(), turns: turns.length };
}
