import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Coding } from '../../src/core/model';
import { quoteSelector } from '../../src/core/anchoring/selector';
import { OffsetMap } from '../../src/core/text/canonical';
import { hashText } from '../../src/core/text/hash';
import { serializeSidecar } from '../../src/core/sidecar/format';
import { serializeCodebook } from '../../src/core/codebook/format';
import { Random as SeededRandom } from '../../test/unit/support/random';

/** Sizes of the synthetic studies (issue 3 item 5). */
export interface StudySize {
  readonly name: string;
  readonly transcripts: number;
  readonly codingsPerTranscript: number;
  readonly surveyRows: number;
  /** Words per transcript, drawn uniformly between these. */
  readonly words: readonly [number, number];
}

export const SIZES: readonly StudySize[] = [
  { name: 'S', transcripts: 44, codingsPerTranscript: 150, surveyRows: 44, words: [5000, 15000] },
  { name: 'L', transcripts: 200, codingsPerTranscript: 250, surveyRows: 200, words: [5000, 15000] },
  { name: 'XL', transcripts: 500, codingsPerTranscript: 200, surveyRows: 5000, words: [5000, 15000] },
];

export const CODERS = ['amara', 'jonas'] as const;
export const SURVEY_COLUMNS = 30;

/** The tests' mulberry32 (seeded, identical on every machine), so every run benchmarks the same bytes. */
class Random extends SeededRandom {
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }
}

// Mostly ASCII with the non-ASCII a real transcript has (names, dashes, quotes), and a rare astral
// character so the code-point/UTF-16 mapping is exercised on its slow path too.
const WORDS = (
  'the a to and of I it that was you in my so he she they mentor mentoring program resident chief attending ' +
  'really think just like know honestly because time feedback career research fellowship paper meeting ' +
  'department hospital support advice sponsor sponsorship training clinic rounds schedule Müller Nguyễn ' +
  'café naïve — “said” ‘well’ actually never always maybe sometimes we our their about with from when'
).split(' ');
const SPEAKER_NOTES = ['[pause]', '[laughs]', '[inaudible 00:12:04]', '[crosstalk]'];

function transcriptText(random: Random, id: string, words: number): string {
  const lines = [`Study: Synthetic benchmark study`, `Participant: ${id}`, `Date: 2025-03-0${random.int(1, 9)}`, ''];
  let written = 0;
  let seconds = 4;
  let turn = 0;
  while (written < words) {
    const speaker = turn++ % 2 === 0 ? 'Interviewer' : id;
    const turnWords = speaker === 'Interviewer' ? random.int(8, 30) : random.int(40, 220);
    const parts: string[] = [];
    for (let i = 0; i < turnWords; i++) {
      const roll = random.next();
      if (roll < 0.01) parts.push(random.pick(SPEAKER_NOTES));
      else if (roll < 0.0012 + 0.01) parts.push('🙂');
      else parts.push(random.pick(WORDS) + (random.next() < 0.08 ? '.' : random.next() < 0.05 ? ',' : ''));
    }
    seconds += random.int(5, 90);
    const stamp = new Date(seconds * 1000).toISOString().slice(11, 19);
    lines.push(`[${stamp}] ${speaker}: ${parts.join(' ')}`, '');
    written += turnWords;
  }
  return lines.join('\n');
}

function codebookCodes(): { id: string; name: string; parent?: string; color: string }[] {
  const codes: { id: string; name: string; parent?: string; color: string }[] = [];
  const categories = ['barriers', 'benefits', 'structures', 'identity', 'sponsorship', 'wellbeing'];
  for (const category of categories) {
    codes.push({ id: category, name: category[0]!.toUpperCase() + category.slice(1), color: '#4e79a7' });
    for (let i = 1; i <= 7; i++)
      codes.push({ id: `${category}-${i}`, name: `${category} ${i}`, parent: category, color: '#f28e2b' });
  }
  return codes;
}

function codings(random: Random, text: string, count: number, coder: string, codeIds: readonly string[]): Coding[] {
  const map = new OffsetMap(text);
  const length = map.codePointLength;
  const result: Coding[] = [];
  for (let i = 0; i < count; i++) {
    const start = random.int(0, Math.max(0, length - 500));
    const end = Math.min(length, start + random.int(20, 400));
    const uuid = `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-a${random.hex(3)}-${random.hex(12)}`;
    result.push({
      id: uuid,
      code: random.pick(codeIds),
      start,
      end,
      ...quoteSelector(map, start, end),
      by: coder,
      ...(random.next() < 0.05 ? { memo: `Memo ${i}: "compare with" the\nprevious passage` } : {}),
    });
  }
  return result;
}

function surveyCsv(random: Random, rows: number): string {
  const header = ['participant_id', 'gender', 'role', 'site'];
  for (let i = 1; i <= 12; i++) header.push(`likert_${i}`);
  for (let i = 1; i <= 6; i++) header.push(`yesno_${i}`);
  header.push(
    'active_mentors',
    'burnout_score',
    'resilience_score',
    'publications',
    'years_in_training',
    'age',
    'hours_per_week',
    'comment',
  );
  const lines = [header.join(',')];
  for (let row = 1; row <= rows; row++) {
    const cells = [
      participantId(row),
      random.pick(['female', 'male', 'nonbinary']),
      random.pick(['student', 'resident', 'chief', 'attending', 'administrator']),
      random.pick(['north', 'south', 'east', 'west']),
    ];
    for (let i = 1; i <= 12; i++) cells.push(random.next() < 0.03 ? 'NA' : String(random.int(1, 5)));
    for (let i = 1; i <= 6; i++) cells.push(random.next() < 0.03 ? 'NA' : random.pick(['yes', 'no']));
    cells.push(
      String(random.int(0, 7)),
      String(random.int(5, 45)),
      String(random.int(10, 40)),
      String(random.int(0, 30)),
      String(random.int(1, 8)),
      String(random.int(22, 65)),
      String(random.int(30, 90)),
      random.next() < 0.5 ? '"more time, please"' : '',
    );
    lines.push(cells.join(','));
  }
  if (header.length !== 30) throw new Error(`survey has ${header.length} columns`);
  return lines.join('\n') + '\n';
}

function participantId(index: number): string {
  return `P${String(index).padStart(4, '0')}`;
}

/** Writes a study of `size` into `folder` (emptied first). Same bytes on every run. */
export function generateStudy(folder: string, size: StudySize): { codings: number; bytes: number } {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, 'transcripts'), { recursive: true });
  const random = new Random(0x5eed + size.transcripts);
  const codes = codebookCodes();
  const codeIds = codes.filter((code) => code.parent !== undefined).map((code) => code.id);
  writeFileSync(
    join(folder, 'grounded.yaml'),
    [
      'grounded: 1',
      'transcripts:',
      '  - transcripts/*.txt',
      'codebook: codebook.yaml',
      'survey:',
      '  files:',
      '    - survey.csv',
      '  idColumn: participant_id',
      '',
    ].join('\n'),
  );
  writeFileSync(join(folder, 'codebook.yaml'), serializeCodebook({ codes }));
  writeFileSync(join(folder, 'survey.csv'), surveyCsv(random, size.surveyRows));
  let total = 0;
  let bytes = 0;
  for (let t = 1; t <= size.transcripts; t++) {
    const id = participantId(t);
    const text = transcriptText(random, id, random.int(size.words[0], size.words[1]));
    writeFileSync(join(folder, 'transcripts', `${id}.txt`), text);
    const textHash = hashText(text);
    CODERS.forEach((coder, index) => {
      const count =
        Math.floor(size.codingsPerTranscript / CODERS.length) +
        (index < size.codingsPerTranscript % CODERS.length ? 1 : 0);
      const sidecar = serializeSidecar({
        transcript: `${id}.txt`,
        coder,
        textHash,
        codings: codings(random, text, count, coder, codeIds),
      });
      writeFileSync(join(folder, 'transcripts', `${id}.${coder}.codes.yaml`), sidecar);
      total += count;
      bytes += Buffer.byteLength(sidecar);
    });
  }
  return { codings: total, bytes };
}
