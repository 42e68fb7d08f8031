import type { Code, Coding, Sidecar } from '../../src/core/model';
import { serializeCodebook } from '../../src/core/codebook/format';
import { serializeSidecar, sidecarFileName } from '../../src/core/sidecar/format';
import { OffsetMap } from '../../src/core/text/canonical';
import { hashText } from '../../src/core/text/hash';
import { buildCodebook, CORE_CATEGORY, EXAMPLE_RELATIONS } from './codebook';
import { CODING_MEMOS, dedupe, secondCoderSpans, toCoding } from './codings';
import { Composer, type ComposedTranscript } from './compose';
import type { Span } from './markup';
import { MEMOS } from './memos';
import { makeParticipant, type Participant } from './people';
import { Random } from './prng';
import { generateSurvey, surveyCsv, type SurveyRow } from './survey';

export const SEED = 20240312;
export const CODERS = { full: 'amara', partial: 'jonas' } as const;
const MAX_CODINGS = 20;
const SECOND_CODER_TRANSCRIPTS = 10;

const SETTINGS = `grounded: 1
transcripts:
  - transcripts/*.txt
codebook: codebook.yaml
memos: memos
survey:
  files:
    - survey.csv
  idColumn: participant_id
participants:
  pattern: "^(?<id>P\\\\d{2})"
`;

export interface GeneratedStudy {
  /** File contents by path relative to the study folder ('/' separated). */
  readonly files: Map<string, string>;
  readonly survey: readonly SurveyRow[];
  readonly codebook: readonly Code[];
  readonly transcripts: ReadonlyMap<string, ComposedTranscript>;
  readonly sidecars: readonly Sidecar[];
}

/** The whole example study, deterministically from SEED. Pure: the caller writes the files. */
export function generateStudy(): GeneratedStudy {
  const root = new Random(SEED);
  const files = new Map<string, string>();
  const survey = generateSurvey(root.fork('survey'));
  const codebook = buildCodebook(root.fork('codebook'));
  const knownCodes = new Set(codebook.map((code) => code.id));
  const participants: Participant[] = survey.map((row, index) =>
    makeParticipant(row, index, root.fork(`people-${row.participant_id}`)),
  );
  const composer = new Composer(root.fork('transcripts'), knownCodes);
  const emojiParticipant = survey.find((row) => row.role === 'student' && row.active_mentors >= 1)?.participant_id;
  const secondCoded = new Set(
    root
      .fork('second-coder')
      .shuffle(survey.map((row) => row.participant_id))
      .slice(0, SECOND_CODER_TRANSCRIPTS),
  );

  const transcripts = new Map<string, ComposedTranscript>();
  const memoCursor = new Map<object, number>();
  const sidecars: Sidecar[] = [];
  for (const participant of participants) {
    const id = participant.profile.row.participant_id;
    const composed = composer.compose(participant, id === emojiParticipant);
    transcripts.set(id, composed);
    const fileName = `${id}.txt`;
    files.set(`transcripts/${fileName}`, composed.text);
    const map = new OffsetMap(composed.text);
    const textHash = hashText(composed.text);
    const codingRandom = root.fork(`codings-${id}`);

    // Amara codes a stretch once when a code runs on across sentences, and in a dense transcript leaves
    // out repeated instances of a code before anything else, as coders do.
    const merged = mergeRuns(composed.text, dedupe(composed.spans));
    const first = thin(codingRandom, merged, codingRandom.int(10, MAX_CODINGS));
    const memos = new Map<Span, string>();
    for (const entry of CODING_MEMOS) {
      const span = first.find((s) => s.code === entry.code);
      if (!span) continue;
      const seen = memoCursor.get(entry) ?? 0;
      memoCursor.set(entry, seen + 1);
      if (seen === entry.skip && !memos.has(span)) memos.set(span, entry.memo);
    }
    sidecars.push(
      sidecar(
        fileName,
        CODERS.full,
        textHash,
        first.map((span) => toCoding(codingRandom, map, CODERS.full, span, memos.get(span))),
      ),
    );
    if (secondCoded.has(id)) {
      const jonasRandom = root.fork(`second-coder-${id}`);
      // He reads the same passages closely: what she coded, plus a few stretches she left out.
      const leftOut = jonasRandom.shuffle(merged.filter((s) => !first.includes(s))).slice(0, jonasRandom.int(1, 4));
      const base = [...first, ...leftOut].sort(
        (a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code),
      );
      const second = secondCoderSpans(jonasRandom, composed.text, base);
      sidecars.push(
        sidecar(
          fileName,
          CODERS.partial,
          textHash,
          second.map((span) => toCoding(jonasRandom, map, CODERS.partial, span)),
        ),
      );
    }
  }
  for (const car of sidecars)
    files.set(`transcripts/${sidecarFileName(car.transcript, car.coder)}`, serializeSidecar(car));
  files.set('survey.csv', surveyCsv(survey));
  files.set(
    'codebook.yaml',
    serializeCodebook({
      codes: codebook.map((code) => (code.id === CORE_CATEGORY ? { ...code, core: true } : code)),
      relations: EXAMPLE_RELATIONS,
    }),
  );
  files.set('grounded.yaml', SETTINGS);
  for (const memo of MEMOS) files.set(`memos/${memo.file}`, memo.text);
  return { files, survey, codebook, transcripts, sidecars };
}

/** Merges spans of the same code separated only by spaces or bracketed notes within one turn. */
function mergeRuns(text: string, spans: readonly Span[]): Span[] {
  const chars = [...text];
  const sorted = [...spans].sort((a, b) => a.code.localeCompare(b.code) || a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    const gap =
      last && last.code === span.code && span.start >= last.end
        ? chars.slice(last.end, span.start).join('')
        : undefined;
    if (last && gap !== undefined && /^( |\[[^\]\n]*\])*$/.test(gap))
      merged[merged.length - 1] = { ...last, end: Math.max(last.end, span.end) };
    else merged.push(span);
  }
  return merged.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
}

/** Codes tied to a survey item: a coder reading for them does not skip them. */
const KEY_CODES = new Set([
  'structures-rejected',
  'sponsorship-confusion',
  'sponsorship-distinguished',
  'structures-wants-more',
  'training-wanting',
  'training-skepticism',
  'wellbeing-burnout',
  'wellbeing-resilience',
]);

/**
 * Drops codings down to `target`: repeated instances of a code first, so each code's presence survives,
 * then codes not tied to a survey item.
 */
function thin(random: Random, spans: readonly Span[], target: number): Span[] {
  let kept = [...spans];
  while (kept.length > target) {
    const repeated = kept.filter((s) => kept.filter((o) => o.code === s.code).length > 1);
    const minor = kept.filter((s) => !KEY_CODES.has(s.code));
    const pool = repeated.length > 0 ? repeated : minor;
    if (pool.length === 0) break;
    const victim = random.pick(pool);
    kept = kept.filter((s) => s !== victim);
  }
  return kept;
}

function sidecar(transcript: string, coder: string, textHash: string, codings: Coding[]): Sidecar {
  return { transcript, coder, textHash, codings };
}
