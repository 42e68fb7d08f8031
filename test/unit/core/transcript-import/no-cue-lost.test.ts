import assert from 'node:assert/strict';
import { convertTranscript } from '../../../../src/core/transcript-import/convert-transcript';
import { Random } from '../../support/random';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Words as captions have them: punctuation, apostrophes, non-ASCII, characters VTT must escape. */
const WORDS = [
  'so',
  'I',
  "didn't",
  'know,',
  'café',
  'Müller',
  '—',
  'well…',
  '“yes”',
  'AT&T',
  '<3',
  'a>b',
  '42',
  '(laughs)',
  'ok.',
];
const SPEAKERS = ['Interviewer', 'P07', 'Dr. Lee', 'Ana Lúcia'];

interface RandomCue {
  readonly speaker?: string;
  readonly lines: readonly (readonly string[])[];
}

function randomCues(random: Random, withSpeakers: boolean): RandomCue[] {
  return Array.from({ length: random.int(1, 40) }, () => {
    const lines = Array.from({ length: random.int(1, 3) }, () =>
      Array.from({ length: random.int(1, 6) }, () => random.pick(WORDS)),
    );
    return withSpeakers ? { speaker: random.pick(SPEAKERS), lines } : { lines };
  });
}

function time(seconds: number, separator: '.' | ','): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}${separator}000`;
}

const escapeVtt = (word: string): string => word.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

function vttOf(cues: readonly RandomCue[], random: Random): string {
  const blocks = cues.map((cue, index) => {
    const text = cue.lines.map((line) => line.map(escapeVtt).join(random.pick([' ', ' ', '&nbsp;']))).join('\n');
    const styled = random.next() < 0.3 ? `<i>${text}</i>` : text;
    const spoken =
      cue.speaker === undefined
        ? styled
        : random.next() < 0.5
          ? `<v ${cue.speaker}>${styled}</v>`
          : `${cue.speaker}: ${styled}`;
    const id = random.next() < 0.5 ? `${index + 1}\n` : '';
    return `${id}${time(index * 2, '.')} --> ${time(index * 2 + 2, '.')}\n${spoken}`;
  });
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

function srtOf(cues: readonly RandomCue[]): string {
  const blocks = cues.map((cue, index) => {
    const text = cue.lines.map((line) => line.map(escapeVtt).join(' ')).join('\n');
    const spoken = cue.speaker === undefined ? text : `${cue.speaker}: ${text}`;
    return `${index + 1}\n${time(index * 2, ',')} --> ${time(index * 2 + 2, ',')}\n${spoken}`;
  });
  return blocks.join('\n\n') + '\n';
}

/** The spoken words of a transcript: each paragraph without its "[time] Speaker:" label. */
function spokenWords(transcript: string, speakers: boolean): string[] {
  return transcript
    .split('\n\n')
    .map((paragraph) => {
      const withoutTime = paragraph.replace(/^\[[^\]]+\] /u, '');
      if (!speakers) return withoutTime;
      const speaker = SPEAKERS.find((name) => withoutTime.startsWith(`${name}: `));
      assert.ok(speaker, `a turn without a known speaker: ${paragraph}`);
      return withoutTime.slice(speaker.length + 2);
    })
    .join(' ')
    .split(/\s+/u)
    .filter((word) => word !== '');
}

describe('no cue text is lost or reordered (seeded random cue lists)', () => {
  for (const [format, withSpeakers] of [
    ['vtt', true],
    ['vtt', false],
    ['srt', true],
    ['srt', false],
  ] as const)
    it(`${format} ${withSpeakers ? 'with' : 'without'} speakers: every cue's words appear once, in order`, async () => {
      const random = new Random(format === 'vtt' ? 1405 : 2206);
      for (let run = 0; run < 60; run++) {
        const cues = randomCues(random, withSpeakers);
        const source = format === 'vtt' ? vttOf(cues, random) : srtOf(cues);
        const result = await convertTranscript(`case.${format}`, utf8(source));
        const expected = cues.flatMap((cue) => cue.lines.flat());
        assert.deepEqual(spokenWords(result.text, withSpeakers), expected, `run ${run}:\n${source}`);
        if (withSpeakers) {
          const changes = cues.filter((cue, i) => i === 0 || cues[i - 1]?.speaker !== cue.speaker).length;
          assert.equal(result.turns, changes, `run ${run}: one turn per change of speaker`);
        } else assert.equal(result.turns, cues.length, `run ${run}: one paragraph per cue`);
      }
    });
});
