import assert from 'node:assert/strict';
import { convertTranscript } from '../../../../src/core/transcript-import/convert-transcript';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** An Otter.ai "Export text" file: "Speaker  m:ss" header lines, text, a blank line, the footer. */
const OTTER = `Mentoring interview 4

Speaker 1  0:03
So, um, could you start by telling me about your first mentor?

Ana Lúcia Souza  0:09
Yes. It was, it was my PI, actually.
She was very hands-on.

Ana Lúcia Souza  1:02:15
And then later — much later — things changed.

Transcribed by https://otter.ai
`;

describe('Otter text exports', () => {
  it('turn headers become "[time] Speaker: text" with the time as Otter writes it', async () => {
    const result = await convertTranscript('interview-4.txt', utf8(OTTER));
    assert.equal(result.format, 'otter');
    assert.equal(
      result.text,
      [
        'Mentoring interview 4',
        '',
        '[0:03] Speaker 1: So, um, could you start by telling me about your first mentor?',
        '',
        '[0:09] Ana Lúcia Souza: Yes. It was, it was my PI, actually. She was very hands-on.',
        '',
        '[1:02:15] Ana Lúcia Souza: And then later — much later — things changed.',
        '',
      ].join('\n'),
    );
    assert.equal(result.turns, 4);
    assert.deepEqual(result.dropped, ['1 "Transcribed by otter.ai" line']);
  });

  it('headers without speaker names keep the time only', async () => {
    const result = await convertTranscript('x.txt', utf8('0:00\nHello.\n\n0:04\nHi there.\n'));
    assert.equal(result.text, '[0:00] Hello.\n\n[0:04] Hi there.\n');
  });

  it('a .md file is never read as an Otter export', async () => {
    const result = await convertTranscript('notes.md', utf8('Agenda  10:30\nItems\n'));
    assert.equal(result.format, 'text');
    assert.equal(result.text, 'Agenda  10:30\nItems\n');
  });
});
