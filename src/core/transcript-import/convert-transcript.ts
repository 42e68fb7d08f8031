import { TranscriptConversionError, type TranscriptConversion, type TranscriptFormat } from './conversion';
import { decodeSourceText } from './decode-text';
import { convertDocx } from './docx';
import { convertOtter, looksLikeOtter } from './otter';
import { convertPlainText } from './plain-text';
import { convertSrt, looksLikeSrt } from './srt';
import { convertVtt, looksLikeVtt } from './vtt';

/** Extensions of the sources convertTranscript reads, for file pickers and messages. */
export const TRANSCRIPT_SOURCE_EXTENSIONS: readonly string[] = ['docx', 'vtt', 'srt', 'txt', 'md'];

/**
 * Converts an interview source (Word document, WebVTT or SRT captions, an Otter text export, plain text or
 * Markdown) to the study's transcript convention. The format follows the extension, and the content where
 * the extension does not decide it (a .txt that is really WebVTT or an Otter export). Deterministic: the
 * same bytes always give the same text. Throws TranscriptConversionError for a source it cannot read.
 */
export async function convertTranscript(fileName: string, bytes: Uint8Array): Promise<TranscriptConversion> {
  const extension = extensionOf(fileName);
  const advice = OTHER_DOCUMENTS[extension];
  if (advice !== undefined) throw new TranscriptConversionError(advice);
  let conversion: TranscriptConversion;
  // A zip under another name is most likely a renamed Word document; mammoth says so if it is not.
  if (extension === 'docx' || isZip(bytes)) conversion = await convertDocx(bytes);
  else if (!TEXT_EXTENSIONS.has(extension))
    throw new TranscriptConversionError(
      `a .${extension} file: Grounded imports Word documents (.docx), captions (.vtt, .srt) and text (.txt, .md)`,
    );
  else {
    const text = decodeSourceText(bytes);
    conversion = convertText(textFormat(extension, text), text);
  }
  if (conversion.turns === 0) throw new TranscriptConversionError('it has no text to import');
  return conversion;
}

/** Read as text; no extension too (caption tools and scripts sometimes leave it out). */
const TEXT_EXTENSIONS = new Set(['vtt', 'srt', 'txt', 'md', 'text', 'markdown', '']);

/** Documents people have transcripts in that are not read here, with what to do instead. */
const OTHER_DOCUMENTS: Readonly<Record<string, string>> = {
  doc: 'an old Word .doc file; open it in Word and save it as .docx',
  rtf: 'an RTF file; open it in Word (or LibreOffice) and save it as .docx',
  odt: 'an OpenDocument text; save it as .docx in LibreOffice (File › Save As › Word 2007-365)',
  pdf: 'a PDF; export its text from the tool that made it as .docx or .txt (PDF text loses paragraphs and speakers)',
  pages: 'a Pages document; export it as Word (.docx) in Pages (File › Export To › Word)',
};

function convertText(format: Exclude<TranscriptFormat, 'docx'>, text: string): TranscriptConversion {
  switch (format) {
    case 'vtt':
      return convertVtt(text);
    case 'srt':
      return convertSrt(text);
    case 'otter':
      return convertOtter(text);
    case 'text':
      return convertPlainText(text);
  }
}

/** The caption extensions decide; a .txt or .md may still hold captions or an Otter export. */
function textFormat(extension: string, text: string): Exclude<TranscriptFormat, 'docx'> {
  if (extension === 'vtt') return 'vtt';
  if (extension === 'srt') return 'srt';
  if (looksLikeVtt(text)) return 'vtt';
  if (looksLikeSrt(text)) return 'srt';
  if (extension !== 'md' && looksLikeOtter(text)) return 'otter';
  return 'text';
}

function extensionOf(fileName: string): string {
  const name = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** A zip archive's local-file-header signature, which every .docx starts with. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
