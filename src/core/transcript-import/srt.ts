import { TranscriptConversionError, type TranscriptConversion } from './conversion';

export function looksLikeSrt(_text: string): boolean {
  return false;
}

export function convertSrt(_text: string): TranscriptConversion {
  throw new TranscriptConversionError('SRT subtitles are not supported yet');
}
