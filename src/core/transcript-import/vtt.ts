import { TranscriptConversionError, type TranscriptConversion } from './conversion';

export function looksLikeVtt(_text: string): boolean {
  return false;
}

export function convertVtt(_text: string): TranscriptConversion {
  throw new TranscriptConversionError('WebVTT captions are not supported yet');
}
