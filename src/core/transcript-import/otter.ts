import { TranscriptConversionError, type TranscriptConversion } from './conversion';
import { DroppedCounter } from './dropped';
import { formatTurns, oneLine, type Turn } from './turns';

/**
 * A turn header of an Otter.ai text export: the speaker, two or more spaces (or a tab), the time as
 * [h:]mm:ss; or only the time when speaker names were not exported.
 */
const HEADER = /^(?:(\S.*?)(?: {2,}|\t+))?((?:\d{1,2}:)?\d{1,2}:\d{2})[ \t]*$/u;
/** The line Otter adds at the end of free-plan exports. */
const FOOTER = /^Transcribed by https?:\/\/otter\.ai\S*\s*$/iu;

/**
 * An Otter export has a turn header followed by a line of text among its first lines (a title may come
 * first when someone added one).
 */
export function looksLikeOtter(text: string): boolean {
  const lines = text
    .split('\n', 200)
    .filter((line) => line.trim() !== '')
    .slice(0, 4);
  return lines.some(
    (line, index) => HEADER.test(line) && index + 1 < lines.length && !HEADER.test(lines[index + 1] as string),
  );
}

/**
 * An Otter.ai text export as speaker turns: each "Speaker  0:03" header and the text under it become
 * "[0:03] Speaker: text", the time as Otter writes it. Otter's own paragraphs are kept (a person may have
 * split a long turn while editing); lines within one are joined. Text before the first header (a title) is
 * kept as its own paragraph; the "Transcribed by otter.ai" footer is dropped and counted.
 */
export function convertOtter(text: string): TranscriptConversion {
  const dropped = new DroppedCounter();
  const turns: Turn[] = [];
  let current: { time?: string; speaker?: string; lines: string[] } | undefined;
  const finish = (): void => {
    if (current && current.lines.length > 0) {
      const { lines, ...label } = current;
      turns.push({ ...label, text: oneLine(lines.join(' ')) });
    } else if (current) dropped.add('turn header without text', 'turn headers without text');
    current = undefined;
  };
  for (const line of text.split('\n')) {
    if (FOOTER.test(line.trim())) {
      dropped.add('"Transcribed by otter.ai" line', '"Transcribed by otter.ai" lines');
      continue;
    }
    const header = HEADER.exec(line);
    if (header) {
      finish();
      current = { time: header[2] as string, ...(header[1] ? { speaker: header[1].trim() } : {}), lines: [] };
    } else if (line.trim() === '') {
      if (current && current.time === undefined) finish();
    } else {
      current ??= { lines: [] };
      current.lines.push(line.trim());
    }
  }
  finish();
  if (turns.length === 0)
    throw new TranscriptConversionError('an Otter export without any text under its turn headers');
  return { text: formatTurns(turns), format: 'otter', dropped: dropped.list(), turns: turns.length };
}
