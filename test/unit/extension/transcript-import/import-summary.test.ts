import assert from 'node:assert/strict';
import type { TranscriptImportResult } from '../../../../src/core/index';
import { importMessages, importReport } from '../../../../src/extension/transcript-import/import-summary';

const written = (source: string, name: string, dropped: string[] = []): TranscriptImportResult => ({
  source,
  status: 'written',
  uri: `file:///study/transcripts/${name}`,
  conversion: { text: 'P01: Hi.\n', format: 'vtt', dropped, turns: 4 },
});
const refused = (source: string, reason: string): TranscriptImportResult => ({ source, status: 'refused', reason });
const shown = (uri: string) => uri.replace('file:///study/', '');

describe('transcript import: what it says', () => {
  it('lists every file: where it went and what it left out, or why nothing was written for it', () => {
    const results = [
      written('P01.vtt', 'P01.txt', ['1 WEBVTT header', '2 NOTE blocks']),
      refused('P02.vtt', 'P02.txt already exists; nothing was written (rename or move the existing transcript first)'),
      written('P03.docx', 'P03.txt'),
    ];
    assert.deepEqual(importReport('transcripts', results, shown), [
      'Imported 2 of 3 file(s) into transcripts',
      '  P01.vtt → transcripts/P01.txt (4 paragraph(s); left out 1 WEBVTT header, 2 NOTE blocks)',
      '  P02.vtt: not imported: P02.txt already exists; nothing was written (rename or move the existing transcript first)',
      '  P03.docx → transcripts/P03.txt (4 paragraph(s))',
    ]);
  });

  it('names each refused file with its reason, and says the others were imported', () => {
    const { done, refused: error } = importMessages('transcripts', [
      written('P01.vtt', 'P01.txt'),
      refused('broken.docx', 'not a readable Word document (.docx): the file is damaged or not a zip'),
      refused('P02.srt', 'it has no text to import.'),
    ]);
    assert.equal(done, 'Imported 1 transcript(s) into transcripts.');
    assert.equal(
      error,
      'Grounded did not import 2 of 3 file(s), and wrote nothing for them. broken.docx: not a readable Word document (.docx): the file is damaged or not a zip. P02.srt: it has no text to import. The other 1 file(s) were imported.',
    );
  });

  it('says only what came in when nothing was refused, pointing at the output for what was left out', () => {
    assert.deepEqual(importMessages('transcripts', [written('P01.vtt', 'P01.txt', ['1 NOTE block'])]), {
      done: 'Imported 1 transcript(s) into transcripts (what the sources had besides the spoken text and was left out is listed in the output).',
    });
    assert.deepEqual(importMessages('transcripts', [refused('a.vtt', 'x')]), {
      refused: 'Grounded did not import 1 of 1 file(s), and wrote nothing for it. a.vtt: x.',
    });
  });
});
