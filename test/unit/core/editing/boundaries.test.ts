import assert from 'node:assert/strict';
import { sentenceSpan, trimSpan, turnSpan } from '../../../../src/core/editing/boundaries';
import { OffsetMap } from '../../../../src/core/text/canonical';

const TEXT = [
  '[00:00:05] Interviewer: How were you assigned a mentor?',
  '',
  '[00:00:12] P07: The program gave us a list. My assigned mentor was a chief I had never met! Did it help? Not really.',
  'It took months… to find someone.',
  '',
  'Dr. Okafor: 🙂 Then I found my own people. An attending stayed after rounds.',
  'P07: Yes.',
  '',
].join('\n');

const map = new OffsetMap(TEXT);
/** Code-point range of the first occurrence of `fragment`. */
function at(fragment: string, from = 0): { start: number; end: number } {
  const index = TEXT.indexOf(fragment, map.toUtf16(from));
  assert.ok(index >= 0, `"${fragment}" not in the text`);
  return { start: map.toCodePoint(index), end: map.toCodePoint(index + fragment.length) };
}
const slice = (span: { start: number; end: number } | undefined) =>
  span ? map.slice(span.start, span.end) : undefined;

describe('editing: turn and sentence boundaries', () => {
  it('a turn is its paragraph without the timestamp and speaker label', () => {
    assert.equal(
      slice(turnSpan(TEXT, at('assigned mentor was'))),
      'The program gave us a list. My assigned mentor was a chief I had never met! Did it help? Not really.\nIt took months… to find someone.',
    );
    assert.equal(slice(turnSpan(TEXT, at('How were'))), 'How were you assigned a mentor?');
  });

  it('a speaker label inside a paragraph starts a new turn', () => {
    assert.equal(
      slice(turnSpan(TEXT, at('after rounds'))),
      '🙂 Then I found my own people. An attending stayed after rounds.',
    );
    assert.equal(slice(turnSpan(TEXT, at('Yes'))), 'Yes.');
  });

  it('a range over two turns grows to both; a blank line alone has no turn', () => {
    const range = { start: at('Not really').start, end: at('Then I').end };
    assert.equal(
      slice(turnSpan(TEXT, range)),
      'The program gave us a list. My assigned mentor was a chief I had never met! Did it help? Not really.\nIt took months… to find someone.\n\nDr. Okafor: 🙂 Then I found my own people. An attending stayed after rounds.',
    );
    const blank = at('\n\n[00:00:12]');
    assert.equal(turnSpan(TEXT, { start: blank.start + 1, end: blank.start + 1 }), undefined);
  });

  it('a sentence ends at . ! ? and never includes the label', () => {
    assert.equal(slice(sentenceSpan(TEXT, at('assigned mentor'))), 'My assigned mentor was a chief I had never met!');
    assert.equal(slice(sentenceSpan(TEXT, at('program'))), 'The program gave us a list.');
    assert.equal(slice(sentenceSpan(TEXT, at('Did'))), 'Did it help?');
    assert.equal(slice(sentenceSpan(TEXT, at('Then I'))), '🙂 Then I found my own people.');
  });

  it('a range across sentences grows to whole sentences; a cursor picks its sentence', () => {
    assert.equal(
      slice(sentenceSpan(TEXT, { start: at('a list').start, end: at('My assigned').end })),
      'The program gave us a list. My assigned mentor was a chief I had never met!',
    );
    const cursor = at('attending').start;
    assert.equal(slice(sentenceSpan(TEXT, { start: cursor, end: cursor })), 'An attending stayed after rounds.');
  });

  it('offsets are code points (an emoji before the range counts once)', () => {
    const span = sentenceSpan(TEXT, at('found my own'));
    assert.ok(span);
    assert.equal(Array.from(TEXT).slice(span.start, span.end).join(''), '🙂 Then I found my own people.');
  });

  it('trimSpan drops spaces around a selection', () => {
    const range = at(' a list. ');
    assert.equal(slice(trimSpan(TEXT, range)), 'a list.');
  });
});
