import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTranscriptStructure } from '../../../../src/core/speaker-turns/transcript-structure';

const EXAMPLE = join(__dirname, '../../../../examples/mentorship-study/transcripts');

describe('parseTranscriptStructure', () => {
  it('reads the header block and each timed or untimed speaker turn', () => {
    const text = [
      'Participant: T02',
      'Date: 2024-03-01',
      '',
      '[00:00:05] Interviewer: How did you find your mentor?',
      '',
      '[00:00:12] T02: I found her myself.',
      'Note: she was new.',
      '',
      'Interviewer: Thanks.',
    ].join('\n');
    const structure = parseTranscriptStructure(text);
    assert.deepEqual(structure.header, { startLine: 0, endLine: 1 });
    assert.deepEqual(
      structure.turns.map((turn) => [turn.line, turn.endLine, turn.timestamp, turn.speaker, turn.text]),
      [
        [3, 3, '[00:00:05]', 'Interviewer', 'How did you find your mentor?'],
        // "Note:" inside a paragraph continues the turn.
        [5, 6, '[00:00:12]', 'T02', 'I found her myself.'],
        [8, 8, undefined, 'Interviewer', 'Thanks.'],
      ],
    );
    assert.equal(structure.turns[1]!.labelEnd, '[00:00:12] T02:'.length);
  });

  it('takes each timed subtitle line without a speaker as a turn of nobody, consecutive lines included', () => {
    const text = ['[00:00:01] Where were we?', '[00:00:03.500] Right, the rota.', '', '[00:00:09]'].join('\n');
    const { header, turns } = parseTranscriptStructure(text);
    assert.equal(header, undefined);
    assert.deepEqual(
      turns.map((turn) => [turn.line, turn.endLine, turn.timestamp, turn.speaker, turn.text, turn.labelEnd]),
      [
        [0, 0, '[00:00:01]', undefined, 'Where were we?', '[00:00:01] '.length],
        [1, 1, '[00:00:03.500]', undefined, 'Right, the rota.', '[00:00:03.500] '.length],
        [3, 3, '[00:00:09]', undefined, '', '[00:00:09]'.length],
      ],
    );
  });

  it('reads the names caption tools write after a timestamp, commas, brackets and fractions of seconds included', () => {
    const text = [
      '[00:00:01.240] Okafor, Rebecca (she/her): Shall we start?',
      '',
      '[00:00:04,500] Chen Li: Yes.',
      '',
      '[1:02] Speaker 2: Otter numbers its speakers.',
    ].join('\n');
    assert.deepEqual(
      parseTranscriptStructure(text).turns.map((turn) => [turn.timestamp, turn.speaker, turn.text]),
      [
        ['[00:00:01.240]', 'Okafor, Rebecca (she/her)', 'Shall we start?'],
        ['[00:00:04,500]', 'Chen Li', 'Yes.'],
        ['[1:02]', 'Speaker 2', 'Otter numbers its speakers.'],
      ],
    );
  });

  it('takes a one-line opening as the first turn when its speaker speaks again, else as a header', () => {
    const dialogue = 'Interviewer: Hello.\n\nP07: Hi.\n\nInterviewer: Shall we?\n';
    const opening = parseTranscriptStructure(dialogue);
    assert.equal(opening.header, undefined);
    assert.deepEqual(
      opening.turns.map((turn) => [turn.line, turn.speaker, turn.text]),
      [
        [0, 'Interviewer', 'Hello.'],
        [2, 'P07', 'Hi.'],
        [4, 'Interviewer', 'Shall we?'],
      ],
    );
    const header = parseTranscriptStructure('Participant: P07\n\nInterviewer: Hello.\n\nP07: Hi.\n');
    assert.deepEqual(header.header, { startLine: 0, endLine: 0 });
    assert.deepEqual(
      header.turns.map((turn) => turn.speaker),
      ['Interviewer', 'P07'],
    );
  });

  it('reads CRLF transcripts line by line', () => {
    const { turns } = parseTranscriptStructure('[00:00:01] A: one\r\n\r\n[00:00:02] B: two\r\n');
    assert.deepEqual(
      turns.map((turn) => [turn.line, turn.speaker, turn.text]),
      [
        [0, 'A', 'one'],
        [2, 'B', 'two'],
      ],
    );
  });

  it("finds every paragraph of the example study's transcripts as a turn with its speaker", () => {
    for (const name of ['P01.txt', 'P07.txt']) {
      const text = readFileSync(join(EXAMPLE, name), 'utf8');
      const paragraphs = text
        .split('\n\n')
        .filter((paragraph) => /^\[\d\d:\d\d:\d\d\] /.test(paragraph))
        .map((paragraph) => /^\[[\d:]+\] ([^:]+):/.exec(paragraph)![1]);
      const { header, turns } = parseTranscriptStructure(text);
      assert.ok(header, `${name} has a header`);
      assert.deepEqual(
        turns.map((turn) => turn.speaker),
        paragraphs,
        name,
      );
    }
  });
});
