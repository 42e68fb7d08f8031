import { TranscriptConversionError, type TranscriptConversion } from './conversion';

export function looksLikeOtter(_text: string): boolean {
  return false;
}

export function convertOtter(_text: string): TranscriptConversion {
  throw new TranscriptConversionError('Otter exports are not supported yet');
}
