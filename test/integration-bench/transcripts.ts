import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Coding, Sidecar } from '../../src/core/model';
import { PREFIX_LENGTH, SUFFIX_LENGTH } from '../../src/core/model';
import { serializeSidecar } from '../../src/core/sidecar/format';
import { hashText } from '../../src/core/text/hash';
import { random } from './support';

const WORDS = (
  'mentor program resident faculty advice career research clinic patient team support feedback pressure time ' +
  'meeting email question answer sponsor student nurse family schedule paper grant conference rotation ' +
  'hospital department chair colleague friend sister lab project review decision confidence training'
).split(' ');

/** Offsets of each sentence of a turn (ASCII only, so code points = UTF-16 units). */
export interface Turn {
  sentences: { start: number; end: number }[];
}

/** A generated transcript, its sidecar of `codings` codings by one coder, and where both were written. */
export interface BenchTranscript {
  name: string;
  text: string;
  turns: Turn[];
  sidecar: Sidecar;
  sidecarPath: string;
  sidecarBytes: number;
}

function sentence(next: () => number): string {
  const words = Array.from(
    { length: 8 + Math.floor(next() * 10) },
    () => WORDS[Math.floor(next() * WORDS.length)] ?? 'word',
  );
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** An interview of `turnCount` timestamped turns of four sentences, alternating interviewer and participant. */
export function generateText(name: string, turnCount: number, seed: number): { text: string; turns: Turn[] } {
  const next = random(seed);
  const lines = ['Study: Latency benchmark (generated)', `Participant: ${name}`, ''];
  const turns: Turn[] = [];
  let offset = lines.join('\n').length + 1;
  for (let i = 0; i < turnCount; i++) {
    const seconds = i * 17;
    const stamp = `[${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}]`;
    const label = `${stamp} ${i % 2 === 0 ? 'Interviewer' : name}: `;
    const parts = Array.from({ length: 4 }, () => sentence(next));
    const sentences: Turn['sentences'] = [];
    let at = offset + label.length;
    for (const part of parts) {
      sentences.push({ start: at, end: at + part.length });
      at += part.length + 1;
    }
    const line = label + parts.join(' ');
    lines.push(line, '');
    turns.push({ sentences });
    offset += line.length + 2;
  }
  return { text: lines.join('\n'), turns };
}

export function coding(text: string, code: string, range: { start: number; end: number }, by: string): Coding {
  return {
    id: randomUUID(),
    code,
    start: range.start,
    end: range.end,
    quote: text.slice(range.start, range.end),
    prefix: text.slice(Math.max(0, range.start - PREFIX_LENGTH), range.start),
    suffix: text.slice(range.end, range.end + SUFFIX_LENGTH),
    by,
  };
}

/**
 * Writes `<name>.txt` and `<name>.<coder>.codes.yaml` into the transcripts folder: `codings` distinct codings
 * over sentences 0–2 of the turns (sentence 3 stays uncoded for the benchmark's own codings), in all codes.
 */
export function writeBenchTranscript(options: {
  folder: string;
  name: string;
  turns: number;
  codings: number;
  codes: readonly string[];
  coder: string;
  seed: number;
}): BenchTranscript {
  const { folder, name, codes, coder } = options;
  const { text, turns } = generateText(name, options.turns, options.seed);
  const next = random(options.seed + 4);
  const codings: Coding[] = [];
  const used = new Set<string>();
  while (codings.length < options.codings) {
    const turn = turns[Math.floor(next() * turns.length)];
    const index = Math.floor(next() * 3);
    const first = turn?.sentences[index];
    const last = turn?.sentences[Math.min(2, index + Math.floor(next() * 2))];
    const code = codes[Math.floor(next() * codes.length)] ?? 'x';
    if (!first || !last) continue;
    const key = `${first.start}-${last.end}-${code}`;
    if (used.has(key)) continue;
    used.add(key);
    codings.push(coding(text, code, { start: first.start, end: last.end }, coder));
  }
  const sidecar: Sidecar = { transcript: `${name}.txt`, coder, textHash: hashText(text), codings };
  const sidecarPath = path.join(folder, `${name}.${coder}.codes.yaml`);
  const serialized = serializeSidecar(sidecar);
  writeFileSync(path.join(folder, `${name}.txt`), text);
  writeFileSync(sidecarPath, serialized);
  return { name, text, turns, sidecar, sidecarPath, sidecarBytes: Buffer.byteLength(serialized) };
}
