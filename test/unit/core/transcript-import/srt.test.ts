import assert from 'node:assert/strict';
import { convertTranscript } from '../../../../src/core/transcript-import/convert-transcript';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('SRT subtitles', () => {
  it('without speakers: each cue its own paragraph with its start as written, no speaker invented', async () => {
    const srt = [
      '1',
      '00:00:01,000 --> 00:00:03,200',
      '<i>So where do we</i>',
      'start?',
      '',
      '2',
      '00:00:03,500 --> 00:00:05,000',
      '{\\an8}<font color="#ffff00">From the beginning.</font>',
      '',
      '3',
      '00:00:05,000 --> 00:00:06,000',
      'AT&amp;T &amp; more',
      '',
    ].join('\r\n');
    const result = await convertTranscript('episode.srt', utf8(srt));
    assert.equal(
      result.text,
      '[00:00:01,000] So where do we start?\n\n[00:00:03,500] From the beginning.\n\n[00:00:05,000] AT&T & more\n',
    );
    assert.equal(result.format, 'srt');
    assert.equal(result.turns, 3);
    assert.deepEqual(result.dropped, []);
  });

  it('with Name: prefixes: speakers, consecutive cues of one speaker joined', async () => {
    const srt =
      '1\n00:00:01,000 --> 00:00:02,000\nInterviewer: How did it\n\n2\n00:00:02,000 --> 00:00:03,000\nInterviewer: start?\n\n' +
      '3\n00:00:03,500 --> 00:00:05,000\nP07: With a list.\n';
    const result = await convertTranscript('P07.srt', utf8(srt));
    assert.equal(result.text, '[00:00:01,000] Interviewer: How did it start?\n\n[00:00:03,500] P07: With a list.\n');
  });

  it('an empty cue does not swallow the next one', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nHere.\n';
    const result = await convertTranscript('x.srt', utf8(srt));
    assert.equal(result.text, '[00:00:03,000] Here.\n');
    assert.deepEqual(result.dropped, ['1 empty cue']);
  });

  it('recognises SRT content in a .txt file', async () => {
    const result = await convertTranscript('captions.txt', utf8('1\n00:00:01,000 --> 00:00:02,000\nHi\n'));
    assert.equal(result.format, 'srt');
  });

  it('refuses an SRT without cues', async () => {
    await assert.rejects(convertTranscript('x.srt', utf8('just some words\n')), /SRT file without cues/);
  });
});
