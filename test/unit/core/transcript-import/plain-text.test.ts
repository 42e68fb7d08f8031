import assert from 'node:assert/strict';
import { convertTranscript } from '../../../../src/core/transcript-import/convert-transcript';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('plain text and Markdown', () => {
  it('normalises line ends, trailing spaces and blank-line runs, keeping every word and line', async () => {
    const source = '\ufeff\r\n\r\nInterviewer: Hello.  \r\nSecond line\t\r\n\r\n \r\n\r\nP01: “Grüße”\r\n\r\n\r\n';
    const result = await convertTranscript('P01.txt', utf8(source));
    assert.equal(result.text, 'Interviewer: Hello.\nSecond line\n\nP01: “Grüße”\n');
    assert.equal(result.turns, 2);
    assert.equal(result.format, 'text');
  });

  it('reads UTF-16 big-endian with a BOM', async () => {
    const text = 'P02: naïve\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xfe, 0xff]);
    [...text].forEach((c, i) => bytes.set([c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff], 2 + i * 2));
    assert.equal((await convertTranscript('P02.txt', bytes)).text, 'P02: naïve\n');
  });

  it('refuses documents it does not read and files that are not transcripts, saying what to do', async () => {
    await assert.rejects(convertTranscript('P01.rtf', utf8('{\\rtf1\\ansi hello}')), /RTF file; open it in Word/);
    await assert.rejects(convertTranscript('P01.pdf', utf8('%PDF-1.7')), /a PDF; export its text/);
    await assert.rejects(convertTranscript('survey.csv', utf8('id,age\nP01,34\n')), /a \.csv file: Grounded imports/);
    assert.equal((await convertTranscript('README', utf8('P01: no extension\n'))).format, 'text');
  });

  it('refuses Latin-1 bytes and an old .doc, saying what to do', async () => {
    await assert.rejects(
      convertTranscript('x.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9])),
      /not a text file.*UTF-8/,
    );
    await assert.rejects(convertTranscript('x.doc', new Uint8Array([0xd0, 0xcf])), /save it as \.docx/);
  });
});
