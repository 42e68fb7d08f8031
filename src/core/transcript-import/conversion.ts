/** The source formats a transcript can be converted from. */
export type TranscriptFormat = 'docx' | 'vtt' | 'srt' | 'otter' | 'text';

/** A source file converted to the study's transcript convention. */
export interface TranscriptConversion {
  /** The transcript: one paragraph per speaker turn, a blank line between them, LF line ends, ending in one LF. */
  readonly text: string;
  readonly format: TranscriptFormat;
  /**
   * What the source had and the transcript leaves out, one human-readable item per kind, such as
   * "3 NOTE blocks" or "2 images". Empty when nothing was left out.
   */
  readonly dropped: readonly string[];
  /** Paragraphs in the transcript (speaker turns, or paragraphs of a text without speakers). */
  readonly turns: number;
}

/**
 * A source that cannot be converted (not a Word document, a caption file without cues, bytes that are not
 * text). The message says what is wrong and, where it helps, where; the caller adds the file name.
 */
export class TranscriptConversionError extends Error {
  override readonly name = 'TranscriptConversionError';
}
