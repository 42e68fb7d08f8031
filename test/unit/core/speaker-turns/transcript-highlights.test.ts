import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transcriptHighlights } from '../../../../src/core/speaker-turns/transcript-highlights';

const EXAMPLE = join(__dirname, '../../../../examples/mentorship-study/transcripts');

/** Each highlight as "line:kind:the text it covers", in the order given. */
function shown(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  return transcriptHighlights(text).map(
    ({ line, start, length, kind }) => `${line}:${kind}:${lines[line]!.slice(start, start + length)}`,
  );
}

describe('transcriptHighlights', () => {
  it('highlights header keys and values, timestamps, interviewers, participants, inaudible passages and notes', () => {
    const text = [
      'Study: Mentorship',
      'Participant:   P07  ',
      '',
      '[00:00:05] Interviewer: How did you find your mentor? [00:00:07] Take your time.',
      '',
      '[00:00:12] P07: I found her myself. [laughs] She was [inaudible 00:00:14] great [UNCLEAR].',
      'Note: [pause] a second paragraph line is no turn.',
      '',
      'Q: Thanks.',
      '',
      '[01:10,500] And a subtitle cue without a speaker.',
    ].join('\n');
    assert.deepEqual(shown(text), [
      '0:headerKey:Study',
      '0:headerValue:Mentorship',
      '1:headerKey:Participant',
      '1:headerValue:P07',
      '3:timestamp:00:00:05',
      '3:interviewer:Interviewer',
      '3:timestamp:00:00:07',
      '5:timestamp:00:00:12',
      '5:participant:P07',
      '5:note:[laughs]',
      '5:inaudible:[inaudible 00:00:14]',
      '5:inaudible:[UNCLEAR]',
      '6:note:[pause]',
      '8:interviewer:Q',
      '10:timestamp:01:10,500',
    ]);
  });

  it('finds the speakers Zoom and Teams write after a timestamp, commas and brackets included', () => {
    assert.deepEqual(shown('[00:00:03] Okafor, Rebecca (she/her): Welcome.\n'), [
      '0:timestamp:00:00:03',
      '0:participant:Okafor, Rebecca (she/her)',
    ]);
  });

  it('reads CRLF files line by line, and a file without header or turns gives nothing', () => {
    // A first line "Interviewer: Hello." is that speaker's turn (not a header) because they speak again.
    assert.deepEqual(shown('Interviewer: Hello.\r\n\r\nP01: Hi [laughs].\r\n\r\nInterviewer: Bye.\r\n'), [
      '0:interviewer:Interviewer',
      '2:participant:P01',
      '2:note:[laughs]',
      '4:interviewer:Interviewer',
    ]);
    assert.deepEqual(shown(''), []);
    assert.deepEqual(shown('just some words, no [ closing bracket\n'), []);
  });

  it('gives tokens in document order that never overlap, on every transcript of the example study', () => {
    for (const name of readdirSync(EXAMPLE).filter((file) => file.endsWith('.txt'))) {
      const text = readFileSync(join(EXAMPLE, name), 'utf8');
      const lines = text.split('\n');
      const highlights = transcriptHighlights(text);
      assert.ok(
        highlights.some((highlight) => highlight.kind === 'participant'),
        `${name} has participant labels`,
      );
      assert.ok(
        highlights.some((highlight) => highlight.kind === 'interviewer'),
        `${name} has interviewer labels`,
      );
      highlights.forEach((highlight, index) => {
        assert.ok(highlight.length > 0, `${name}: empty highlight`);
        assert.ok(highlight.start + highlight.length <= lines[highlight.line]!.length, `${name}: past the line`);
        const previous = highlights[index - 1];
        if (previous && previous.line === highlight.line) {
          assert.ok(previous.start + previous.length <= highlight.start, `${name} line ${highlight.line}: overlap`);
        } else if (previous) assert.ok(previous.line < highlight.line, `${name}: out of order`);
      });
    }
  });
});
