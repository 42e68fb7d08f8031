import assert from 'node:assert/strict';
import { addCodings } from '../../../../src/core/study/coding-operations';
import {
  matchSpeaker,
  speakersAcross,
  speakersOf,
  speakerTurnCodings,
  turnSpeeches,
} from '../../../../src/core/speaker-turns/turn-speech';
import { cpSlice, memoryFixture } from '../helpers';

/** What the converters write for a Zoom call: one timed turn per paragraph, an emoji before P07's turns. */
const ZOOM = [
  'Participant: P07',
  '',
  '[00:00:05] Dr. Okafor: 🙂 Welcome. How did you find your mentor?',
  '',
  '[00:00:12] P07: The program gave us a list.',
  'I found my own people later.',
  '',
  '[00:00:30] Dr. Okafor: And then?',
  '',
  '[00:00:41] P07:',
  '',
  '[00:00:44] P07: An attending stayed after rounds — Müller.',
  '',
].join('\n');

describe('turn speech', () => {
  it("is each named turn's text after its label, continuation lines included, in code points", () => {
    const speeches = turnSpeeches(ZOOM);
    assert.deepEqual(
      speeches.map(({ speaker, line, start, end }) => [speaker, line, cpSlice(ZOOM, start, end)]),
      [
        ['Dr. Okafor', 2, '🙂 Welcome. How did you find your mentor?'],
        ['P07', 4, 'The program gave us a list.\nI found my own people later.'],
        ['Dr. Okafor', 7, 'And then?'],
        // "[00:00:41] P07:" says nothing: no passage to code.
        ['P07', 11, 'An attending stayed after rounds — Müller.'],
      ],
    );
  });

  it('leaves out subtitle cues that name no speaker', () => {
    const srt = '[00:00:01] Where were we?\n[00:00:03] Interviewer: The rota.\n[00:00:05] Right.\n';
    assert.deepEqual(
      turnSpeeches(srt).map(({ speaker, start, end }) => [speaker, cpSlice(srt, start, end)]),
      [['Interviewer', 'The rota.']],
    );
    assert.deepEqual(speakersOf('[00:00:01] Only cues.\n[00:00:02] Nobody named.\n'), []);
  });

  it('reads a CRLF text into the same turns, each speech keeping its own line breaks', () => {
    const crlf = ZOOM.replaceAll('\n', '\r\n');
    const lf = turnSpeeches(ZOOM);
    assert.deepEqual(
      turnSpeeches(crlf).map(({ speaker, line }) => [speaker, line]),
      lf.map(({ speaker, line }) => [speaker, line]),
    );
    const second = turnSpeeches(crlf)[1]!;
    assert.equal(
      cpSlice(crlf, second.start, second.end),
      'The program gave us a list.\r\nI found my own people later.',
    );
  });

  it('lists the speakers in the order they first speak, with their turns', () => {
    assert.deepEqual(speakersOf(ZOOM), [
      { speaker: 'Dr. Okafor', turns: 2 },
      { speaker: 'P07', turns: 2 },
    ]);
  });

  it('counts the speakers of several transcripts: turns in all, and in how many transcripts they speak', () => {
    const other = 'Interviewer: Hello.\n\nP07: Hi.\n\nInterviewer: Bye.\n';
    assert.deepEqual(speakersAcross([ZOOM, other, '[00:00:01] A cue.\n']), [
      { speaker: 'Dr. Okafor', turns: 2, transcripts: 1 },
      { speaker: 'P07', turns: 3, transcripts: 2 },
      { speaker: 'Interviewer', turns: 2, transcripts: 1 },
    ]);
  });

  it('codes every turn of the speaker once per code, and never a turn of someone else', () => {
    const codings = speakerTurnCodings(ZOOM, 'P07', ['participant', 'mentoring'], 'speaker code');
    assert.deepEqual(
      codings.map(({ code, start, end, memo }) => [code, cpSlice(ZOOM, start, end).slice(0, 15), memo]),
      [
        ['participant', 'The program gav', 'speaker code'],
        ['mentoring', 'The program gav', 'speaker code'],
        ['participant', 'An attending st', 'speaker code'],
        ['mentoring', 'An attending st', 'speaker code'],
      ],
    );
    assert.deepEqual(speakerTurnCodings(ZOOM, 'p07', ['participant']), [], 'names are exact here');
  });

  it('adds nothing the second time through the write path, nor for a turn already coded by hand', async () => {
    const fixture = await memoryFixture({ 'transcripts/P07.txt': ZOOM });
    const transcript = await fixture.transcript('transcripts/P07.txt');
    const [first] = speakerTurnCodings(ZOOM, 'P07', ['participant']);
    await addCodings(fixture.fs, transcript, 'amara', [first!]);
    const added = await addCodings(fixture.fs, transcript, 'amara', speakerTurnCodings(ZOOM, 'P07', ['participant']));
    assert.deepEqual(
      added.map((coding) => coding.quote),
      ['An attending stayed after rounds — Müller.'],
    );
    const again = await addCodings(fixture.fs, transcript, 'amara', speakerTurnCodings(ZOOM, 'P07', ['participant']));
    assert.deepEqual(again, []);
  });

  it('matches a typed speaker exactly, else by case when that names one speaker', () => {
    const found = ['Interviewer', 'P07', 'dr lee', 'Dr Lee'];
    assert.equal(matchSpeaker(found, 'P07'), 'P07');
    assert.equal(matchSpeaker(found, ' interviewer '), 'Interviewer');
    assert.equal(matchSpeaker(found, 'Dr Lee'), 'Dr Lee');
    assert.equal(matchSpeaker(found, 'DR LEE'), undefined, 'two speakers differ only by case');
    assert.equal(matchSpeaker(found, 'P7'), undefined);
  });
});
