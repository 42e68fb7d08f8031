import { captionTurns, readCaptionBlocks } from './captions';
import { TranscriptConversionError, type TranscriptConversion } from './conversion';
import { formatTurns, joinSpeakerTurns } from './turns';

/** An SRT file starts with a cue number, then a timing line with comma decimals. */
export function looksLikeSrt(text: string): boolean {
  return /^\s*\d+[ \t]*\n[ \t]*\d{1,2}:\d{2}:\d{2},\d{1,3}[ \t]*-->/u.test(text);
}

/**
 * SRT subtitles as transcript paragraphs: cues with `Name: ` prefixes (when most cues have one) become speaker
 * turns; otherwise each cue is its own paragraph with its start time and no speaker, none being invented.
 */
export function convertSrt(text: string): TranscriptConversion {
  const { cues, dropped, timingLines } = readCaptionBlocks(text, 'srt');
  if (timingLines === 0)
    throw new TranscriptConversionError(
      'an SRT file without cues: it has no timing lines ("00:00:01,000 --> 00:00:04,000")',
    );
  if (cues.length === 0)
    throw new TranscriptConversionError(`none of its cues is readable (${dropped.list().join(', ')})`);
  const turns = joinSpeakerTurns(captionTurns(cues));
  return { text: formatTurns(turns), format: 'srt', dropped: dropped.list(), turns: turns.length };
}
