import { WebVTTCueTextParser, WebVTTCueTimingsAndSettingsParser, type CueTextNode, type CueTimes } from 'webvtt-parser';
import entities from 'webvtt-parser/html-entities.json';
import { DroppedCounter } from './dropped';
import { oneLine, type Turn } from './turns';

/** A caption cue: its start as written, and its text split where a voice tag names a speaker. */
export interface Cue {
  readonly time: string;
  readonly voices: readonly { readonly speaker?: string; readonly text: string }[];
}

export interface CaptionBlocks {
  readonly cues: readonly Cue[];
  readonly dropped: DroppedCounter;
  /** Blocks that hold a timing line, readable or not: none means the file has no captions at all. */
  readonly timingLines: number;
}

/**
 * The cues of a WebVTT or SRT file in the order the file has them. Blocks (separated by blank lines) are
 * read here; each cue's timing line and text go through webvtt-parser, the W3C's parser (tags, classes,
 * voices, entities). Its whole-file parse is not used because it sorts cues by time, reordering cues that
 * start together, and drops a cue with a bad timing line without saying so; here such a cue is counted,
 * with its line, in `dropped`. A text block without a timing line continues the cue before it (a blank
 * line typed inside a subtitle), so no words are lost.
 */
export function readCaptionBlocks(text: string, kind: 'vtt' | 'srt'): CaptionBlocks {
  const dropped = new DroppedCounter();
  const cues: Cue[] = [];
  const unreadable: number[] = [];
  let timingLines = 0;
  let previous: { time: string; text: string; start: number } | undefined;
  const finish = (): void => {
    if (previous) cues.push(cueOf(previous.time, previous.text, previous.start, dropped));
    previous = undefined;
  };
  for (const whole of blocksOf(text)) {
    let block = whole;
    if (kind === 'vtt' && block.index === 0) {
      dropped.add('WEBVTT header', 'WEBVTT headers');
      // Without the blank line after the header, the first cue follows it directly.
      const timing = block.lines.findIndex((line) => line.includes('-->'));
      if (timing < 0) continue;
      const from = Math.max(1, timing - 1);
      block = { ...block, firstLine: block.firstLine + from, lines: block.lines.slice(from) };
    }
    const keyword = kind === 'vtt' ? /^(NOTE|STYLE|REGION)(?:[ \t]|$)/u.exec(block.lines[0] ?? '') : null;
    if (keyword) {
      finish();
      dropped.add(`${keyword[1]} block`, `${keyword[1]} blocks`);
      continue;
    }
    const timingIndex = block.lines.findIndex((line) => line.includes('-->'));
    // Lines before the cue's identifier (or all of a block without a timing line) were split from the cue
    // before them by a blank line: they continue it.
    const continued = timingIndex < 0 ? block.lines : block.lines.slice(0, Math.max(0, timingIndex - 1));
    if (continued.length > 0) {
      if (previous) previous.text += '\n' + continued.join('\n');
      else dropped.add('text block before the first cue', 'text blocks before the first cue');
    }
    if (timingIndex < 0) continue;
    finish();
    timingLines++;
    const timingLine = block.lines[timingIndex] as string;
    const times: CueTimes = { startTime: 0, endTime: 0 };
    const parseable = kind === 'srt' ? timingLine.replace(/(\d),(\d)/gu, '$1.$2') : timingLine;
    if (!new WebVTTCueTimingsAndSettingsParser(parseable, () => {}).parse(times, 0)) {
      unreadable.push(block.firstLine + timingIndex);
      continue;
    }
    previous = {
      time: timingLine.trim().split(/\s*-->/u)[0] as string,
      text: block.lines.slice(timingIndex + 1).join('\n'),
      start: times.startTime,
    };
  }
  finish();
  if (unreadable.length > 0) {
    const where = unreadable.slice(0, 5).join(', ') + (unreadable.length > 5 ? ', …' : '');
    dropped.add(
      `cue with an unreadable time (line ${where})`,
      `cues with unreadable times (lines ${where})`,
      unreadable.length,
    );
  }
  return { cues, dropped, timingLines };
}

interface Block {
  readonly index: number;
  /** 1-based line of the block's first line. */
  readonly firstLine: number;
  readonly lines: readonly string[];
}

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let firstLine = 1;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push({ index: blocks.length, firstLine, lines: current });
      current = [];
      return;
    }
    if (current.length === 0) firstLine = index + 1;
    current.push(line);
  });
  if (current.length > 0) blocks.push({ index: blocks.length, firstLine, lines: current });
  return blocks;
}

/** ASS positioning such as {\an8}, which some SRT files carry: layout, not words. */
const ASS_OVERRIDE = /\{\\[^}]*\}/gu;

function cueOf(time: string, raw: string, start: number, dropped: DroppedCounter): Cue {
  const tree = new WebVTTCueTextParser(raw.replace(ASS_OVERRIDE, ''), () => {}, 'metadata', entities).parse(
    start,
    start,
  );
  const voices: { speaker?: string; text: string }[] = [];
  const walk = (nodes: readonly CueTextNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') {
        if (voices.length === 0) voices.push({ text: '' });
        (voices[voices.length - 1] as { text: string }).text += String(node.value ?? '');
      } else if (node.type === 'object') {
        if (node.name === 'v') {
          const speaker = oneLine(String(node.value ?? ''));
          voices.push(speaker === '' ? { text: '' } : { speaker, text: '' });
        }
        walk(node.children ?? []);
      }
    }
  };
  walk(tree.children);
  const kept = voices.map((voice) => ({ ...voice, text: oneLine(voice.text) })).filter((voice) => voice.text !== '');
  if (kept.length === 0) dropped.add('empty cue', 'empty cues');
  return { time, voices: kept };
}

/**
 * "Name: " at the start of a cue, as Zoom and many SRT files name speakers: a short label of up to five
 * words starting with a letter or digit. Only taken as a speaker when most cues of the file have one (see
 * captionTurns), so "Well: …" in one subtitle does not become a speaker.
 */
const NAME_PREFIX = /^([\p{L}\p{N}][\p{L}\p{N}\p{M} .'’_()-]{0,39}?):[ \t]+(?=\S)/u;

function namePrefix(text: string): string | undefined {
  const match = NAME_PREFIX.exec(text);
  if (!match) return undefined;
  const name = (match[1] as string).trim();
  return name.split(' ').length <= 5 && !/^\d+$/u.test(name) ? name : undefined;
}

/** The cues as turns: voice tags name the speaker, else `Name:` prefixes when most cues have one. */
export function captionTurns(cues: readonly Cue[]): Turn[] {
  const unvoiced = cues.flatMap((cue) => cue.voices.filter((voice) => voice.speaker === undefined));
  const prefixed = unvoiced.filter((voice) => namePrefix(voice.text) !== undefined).length;
  const prefixesAreSpeakers = prefixed > 0 && prefixed * 2 > unvoiced.length;
  const turns: Turn[] = [];
  for (const cue of cues) {
    for (const voice of cue.voices) {
      const name = voice.speaker === undefined && prefixesAreSpeakers ? namePrefix(voice.text) : undefined;
      if (name !== undefined) turns.push({ time: cue.time, speaker: name, text: voice.text.replace(NAME_PREFIX, '') });
      else
        turns.push({
          time: cue.time,
          ...(voice.speaker !== undefined ? { speaker: voice.speaker } : {}),
          text: voice.text,
        });
    }
  }
  return turns;
}
