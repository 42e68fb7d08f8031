import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { convertTranscript } from '../../../../src/core/transcript-import/convert-transcript';
import { TranscriptConversionError } from '../../../../src/core/transcript-import/conversion';
import { commented, docx, FOOTNOTE_RUN, IMAGE_RUN, paragraph, table } from './docx-fixture';

describe('Word documents (.docx)', () => {
  it('keeps paragraph text exactly (runs joined, smart quotes, non-ASCII) and collapses empty paragraphs', async () => {
    const body =
      paragraph('Interviewer: ', '“Where did you ', 'train?”') +
      '<w:p/>' +
      paragraph('') +
      paragraph('   ') +
      paragraph('P03: In Zürich — at the Universitätsspital. It’s where I met Dr. Ngũgĩ.') +
      paragraph('P03: 田中先生 too.') +
      '<w:p><w:r><w:t>Line one</w:t><w:br/><w:br/><w:t xml:space="preserve">  line two</w:t></w:r></w:p>';
    const result = await convertTranscript('P03.docx', docx(body));
    assert.equal(
      result.text,
      [
        'Interviewer: “Where did you train?”',
        '',
        'P03: In Zürich — at the Universitätsspital. It’s where I met Dr. Ngũgĩ.',
        '',
        'P03: 田中先生 too.',
        '',
        'Line one',
        'line two',
        '',
      ].join('\n'),
    );
    assert.equal(result.format, 'docx');
    assert.equal(result.turns, 4);
    assert.deepEqual(result.dropped, []);
  });

  it('leaves out headers, footers, comments and footnotes, and counts images and footnotes', async () => {
    const body =
      `<w:p><w:r><w:t xml:space="preserve">Before the picture </w:t></w:r>${IMAGE_RUN}` +
      `<w:r><w:t>after it.</w:t></w:r>${FOOTNOTE_RUN}</w:p>` +
      commented('Commented passage.') +
      `<w:p>${IMAGE_RUN}</w:p>`;
    const result = await convertTranscript('x.docx', docx(body));
    assert.equal(result.text, 'Before the picture after it.\n\nCommented passage.\n');
    for (const hidden of ['CONFIDENTIAL HEADER', 'Page footer', 'Comment words', 'Footnote words'])
      assert.ok(!result.text.includes(hidden), hidden);
    assert.deepEqual(result.dropped, ['2 images', '1 footnote']);
  });

  it('reads an NVivo-style table (time / speaker / text) as turns, joining consecutive rows of a speaker', async () => {
    const body =
      paragraph('Interview P05, 12 March') +
      table([
        ['Timespan', 'Speaker', 'Content'],
        ['0:00.0 - 0:07.4', 'Interviewer', 'Tell me about <your> first year & after.'],
        ['0:07.4 - 0:15.0', 'P05', 'It was hard.'],
        ['0:15.0 - 0:20.1', 'P05', 'Really hard.'],
        ['0:20.1 - 0:22.0', '', 'Unattributed words.'],
      ]);
    const result = await convertTranscript('P05.docx', docx(body));
    assert.equal(
      result.text,
      [
        'Interview P05, 12 March',
        '',
        '[0:00.0] Interviewer: Tell me about <your> first year & after.',
        '',
        '[0:07.4] P05: It was hard. Really hard.',
        '',
        '[0:20.1] Unattributed words.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(result.dropped, ['1 table header row']);
  });

  it('reads speaker / text tables, and other tables row by row without losing a cell', async () => {
    const body =
      table([
        ['Interviewer', 'And then?'],
        ['Participant', 'We left.'],
      ]) + table([['Age: 34, joined 2019.', 'Department of medicine.', 'Full time.']]);
    const result = await convertTranscript('x.docx', docx(body));
    assert.equal(
      result.text,
      'Interviewer: And then?\n\nParticipant: We left.\n\nAge: 34, joined 2019.\tDepartment of medicine.\tFull time.\n',
    );
  });

  it('is deterministic', async () => {
    const bytes = docx(paragraph('Same ', 'every time.') + table([['0:01', 'A', 'x']]));
    assert.deepEqual(await convertTranscript('a.docx', bytes), await convertTranscript('a.docx', bytes));
  });

  for (const [name, bytes, message] of [
    ['a truncated file', docx(paragraph('x')).subarray(0, 200), /not a readable Word document.*damaged/],
    ['a zip without a document', zipSync({ 'hello.txt': strToU8('hi') }), /not a readable Word document/],
    ['text named .docx', strToU8('Interviewer: hello'), /not a readable Word document/],
    ['a document with no text', docx('<w:p/>'), /no text to import/],
  ] as const)
    it(`refuses ${name}`, async () => {
      await assert.rejects(convertTranscript('broken.docx', bytes), (error: unknown) => {
        assert.ok(error instanceof TranscriptConversionError, String(error));
        assert.match(error.message, message);
        assert.ok(!error.message.includes('\n    at '), 'no stack trace in the message');
        return true;
      });
    });
});
