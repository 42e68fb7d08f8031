import { XMLParser } from 'fast-xml-parser';
import { TranscriptConversionError, type TranscriptConversion } from './conversion';
import { DroppedCounter } from './dropped';
import { madeOnce } from '../made-once';
import { formatTurns, joinSpeakerTurns, oneLine, type Turn } from './turns';

/**
 * A Word document as a transcript. mammoth reads the document body (headers, footers and comments are not
 * part of it) as HTML, which keeps paragraphs and tables apart; its raw-text mode would flatten tables.
 * Paragraphs keep their text exactly (runs joined, quotes and non-ASCII as typed); empty paragraphs
 * disappear. A table of turns, as NVivo and transcription services write them (time / speaker / text,
 * or speaker / text), becomes speaker turns; images and footnotes are dropped and counted.
 */
export async function convertDocx(bytes: Uint8Array): Promise<TranscriptConversion> {
  const dropped = new DroppedCounter();
  let html: string;
  try {
    // Imported here, not at the top: the desktop extension loads mammoth only when a document is read.
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.convertToHtml(
      // Node's mammoth reads `buffer`, the browser build `arrayBuffer`; both take the bytes as they are.
      { buffer: bytes, arrayBuffer: bytes } as unknown as Parameters<typeof mammoth.convertToHtml>[0],
      {
        convertImage: mammoth.images.imgElement(async () => {
          dropped.add('image', 'images');
          return { src: '' };
        }),
      },
    );
    html = result.value;
  } catch (error) {
    throw new TranscriptConversionError(`not a readable Word document (.docx): ${describe(error)}`);
  }
  const turns = joinSpeakerTurns(blockTurns(parseHtml(html), dropped));
  return { text: formatTurns(turns), format: 'docx', dropped: dropped.list(), turns: turns.length };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/end of central directory|corrupted zip|is this a zip/iu.test(message)) return 'the file is damaged or not a zip';
  if (/word\/document\.xml|main document part/iu.test(message)) return 'it is a zip, but not a Word document';
  return message.split('\n')[0] as string;
}

/** A node of fast-xml-parser's ordered output: one key (the tag, or "#text"), attributes under ":@". */
type HtmlNode = { readonly [tag: string]: unknown } & { readonly ':@'?: Readonly<Record<string, string>> };

const parser = madeOnce(
  () =>
    new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      processEntities: true,
      htmlEntities: true,
    }),
);

function parseHtml(html: string): HtmlNode[] {
  return parser().parse(`<body>${html}</body>`)[0]?.body ?? [];
}

function tagOf(node: HtmlNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

function childrenOf(node: HtmlNode): HtmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as HtmlNode[]) : [];
}

const NOTE_ID = /^(footnote|endnote)-(?:ref-)?\d+$/u;

/** The paragraphs and table rows of the document body, in order. */
function blockTurns(nodes: readonly HtmlNode[], dropped: DroppedCounter): Turn[] {
  const turns: Turn[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'table') turns.push(...tableTurns(node, dropped));
    else if (tag === 'ul' || tag === 'ol') {
      for (const item of childrenOf(node)) {
        const id = item[':@']?.['id'] ?? '';
        const note = NOTE_ID.exec(id);
        if (note) dropped.add(note[1] as string, `${note[1]}s`);
        else turns.push(...blockTurns([{ p: inlineOnly(item) }, ...blockChildren(item)], dropped));
      }
    } else if (tag === '#text') {
      const text = textOf([node]).trim();
      if (text !== '') turns.push({ text });
    } else {
      // Line breaks (Shift+Enter) stay line breaks inside the paragraph; several in a row would read as a
      // paragraph break and split the turn, so they count as one.
      const text = textOf(childrenOf(node))
        .replace(/[ \t]*\n\s*/gu, '\n')
        .replace(/\s+$/u, '')
        .replace(/^\s+/u, '');
      if (text.trim() !== '') turns.push({ text });
    }
  }
  return turns;
}

/** A list item's own text, without the lists nested in it. */
function inlineOnly(item: HtmlNode): HtmlNode[] {
  return childrenOf(item).filter((child) => !['ul', 'ol', 'table', 'p'].includes(tagOf(child)));
}

function blockChildren(item: HtmlNode): HtmlNode[] {
  return childrenOf(item).filter((child) => ['ul', 'ol', 'table', 'p'].includes(tagOf(child)));
}

/** The text of inline content: runs joined as they are, line breaks kept, note references left out. */
function textOf(nodes: readonly HtmlNode[]): string {
  let text = '';
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === '#text') text += String(node['#text'] ?? '');
    else if (tag === 'br') text += '\n';
    else if (tag === 'a' && NOTE_ID.test(node[':@']?.['id'] ?? '')) continue;
    else if (tag === 'p') text += (text === '' ? '' : ' ') + textOf(childrenOf(node));
    else text += textOf(childrenOf(node));
  }
  return text;
}

/** A time as transcripts write it, alone or as the start of a span ("0:00.0 - 0:15.3", "[00:01:02]"). */
const TIME_CELL =
  /^\[?((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\]?(?:\s*[-–—]\s*\[?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\]?)?$/u;
/** The labels of a header row of a transcript table (Timespan, Speaker, Content…). */
const HEADER_CELL = /^(time|timespan|timestamp|start|start time|speaker|name|content|text|transcript|utterance|#)$/iu;

function tableTurns(table: HtmlNode, dropped: DroppedCounter): Turn[] {
  const rows = rowsOf(table).map((row) => row.map((cell) => oneLine(textOf(childrenOf(cell)))));
  const turns: Turn[] = [];
  rows.forEach((cells, index) => {
    if (index === 0 && cells.length > 1 && cells.every((cell) => HEADER_CELL.test(cell) || cell === '')) {
      dropped.add('table header row', 'table header rows');
      return;
    }
    const turn = rowTurn(cells.filter((cell) => cell !== ''));
    if (turn) turns.push(turn);
  });
  return turns;
}

function rowsOf(node: HtmlNode): HtmlNode[][] {
  const rows: HtmlNode[][] = [];
  for (const child of childrenOf(node)) {
    const tag = tagOf(child);
    if (tag === 'tr') rows.push(childrenOf(child).filter((cell) => ['td', 'th'].includes(tagOf(cell))));
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') rows.push(...rowsOf(child));
  }
  return rows;
}

function isSpeaker(cell: string): boolean {
  return cell.length <= 40 && cell.split(' ').length <= 5 && !/[.?!]$/u.test(cell);
}

/** time / speaker / text, time / text or speaker / text; any other row is its cells' text, tab-separated. */
function rowTurn(cells: readonly string[]): Turn | undefined {
  if (cells.length === 0) return undefined;
  const time = TIME_CELL.exec(cells[0] as string)?.[1];
  const rest = time === undefined ? cells : cells.slice(1);
  if (rest.length === 0) return { text: cells[0] as string };
  const [first, ...others] = rest as [string, ...string[]];
  if (others.length > 0 && isSpeaker(first))
    return { ...(time !== undefined ? { time } : {}), speaker: first, text: others.join(' ') };
  if (time !== undefined) return { time, text: rest.join(' ') };
  return { text: cells.join('\t') };
}
