import { TranscriptConversionError, type TranscriptConversion } from './conversion';

export async function convertDocx(_bytes: Uint8Array): Promise<TranscriptConversion> {
  throw new TranscriptConversionError('Word documents are not supported yet');
}
