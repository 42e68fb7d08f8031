import type { Span } from '../editing/boundaries';
import { descendantsOf, type Study, type StudyTranscript } from '../study/study';
import type { DismissedPassages } from './dismissals';
import type { MergedSurvey } from '../survey/index';
import type { ReportFilter } from '../analysis/report-types';
import { passesFilters } from '../analysis/filters';
import type { PassageUnit } from './passages';
import { queryTerms } from './query-terms';
import type { SimilarIndex } from './similar-index';

export const DEFAULT_SIMILAR_LIMIT = 20;

/** A passage of the study on which a search must not land (the selection or coding it started from). */
export interface PlaceInTranscript extends Span {
  readonly transcriptUri: string;
}

export interface SimilarRequest {
  /** The words to find passages like: a selection, a coding's quote, or a code's quotes joined. */
  readonly text: string;
  /** The code the passages are for: passages overlapping a coding of it (or of a sub-code) and those dismissed for it are left out. */
  readonly code?: string;
  readonly unit?: PassageUnit;
  readonly limit?: number;
  /** Only transcripts of these participants (a survey filter's result); undefined: every transcript. */
  readonly participants?: ReadonlySet<string>;
  /** Passages overlapping these are left out (where the query came from). */
  readonly exclude?: readonly PlaceInTranscript[];
  readonly dismissed?: DismissedPassages;
}

export interface SimilarPassage {
  readonly transcript: StudyTranscript;
  readonly unit: PassageUnit;
  /** Code points over the canonical text, end exclusive, like a coding's. */
  readonly start: number;
  readonly end: number;
  /** 1-based line where the passage starts. */
  readonly line: number;
  /** BM25 score: higher is more similar; comparable within one search only. */
  readonly score: number;
  readonly text: string;
}

/**
 * The passages of the study most like the request's text, best first, that are not yet coded with the code,
 * not dismissed for it, not where the query came from and inside the participant filter. `study` supplies
 * the codings to leave out; call `index.update(study.transcripts)` first when the study may have changed.
 */
export function findSimilarPassages(index: SimilarIndex, study: Study, request: SimilarRequest): SimilarPassage[] {
  const unit = request.unit ?? 'sentence';
  const limit = request.limit ?? DEFAULT_SIMILAR_LIMIT;
  const units = index.unit(unit);
  const hits = units.query(queryTerms(request.text, units));
  const transcripts = new Map(study.transcripts.map((t) => [t.uri, t]));
  const taken = takenPlaces(study, request);
  const results: SimilarPassage[] = [];
  for (const { passage, score } of hits) {
    if (results.length >= limit) break;
    const transcript = transcripts.get(passage.transcriptUri);
    if (!transcript) continue;
    if (request.participants && !(transcript.participant && request.participants.has(transcript.participant))) continue;
    if (overlapsAny(taken.get(transcript.uri), passage)) continue;
    const text = units.textOf(passage);
    if (request.code !== undefined && request.dismissed?.has(request.code, transcript.path, text)) continue;
    results.push({
      transcript,
      unit,
      start: passage.start,
      end: passage.end,
      line: lineAt(transcript.text, passage.start16),
      score,
      text,
    });
  }
  return results;
}

/** The quotes of a code and its sub-codes, one per line: the query for "passages like this code". */
export function codeQueryText(study: Study, code: string): string {
  const codes = descendantsOf(study.codebook, code);
  return study.transcripts
    .flatMap((t) => t.sidecars.flatMap((s) => s.sidecar.codings.filter((c) => codes.has(c.code)).map((c) => c.quote)))
    .join('\n');
}

/** Per transcript URI, the spans a result must not overlap: codings of the code and its sub-codes, and exclusions. */
function takenPlaces(study: Study, request: SimilarRequest): Map<string, Span[]> {
  const taken = new Map<string, Span[]>();
  const add = (uri: string, span: Span) => {
    const list = taken.get(uri);
    if (list) list.push(span);
    else taken.set(uri, [span]);
  };
  for (const place of request.exclude ?? []) add(place.transcriptUri, place);
  if (request.code !== undefined) {
    const codes = descendantsOf(study.codebook, request.code);
    for (const transcript of study.transcripts)
      for (const sidecar of transcript.sidecars)
        for (const coding of sidecar.sidecar.codings) if (codes.has(coding.code)) add(transcript.uri, coding);
  }
  return taken;
}

function overlapsAny(spans: readonly Span[] | undefined, passage: Span): boolean {
  if (!spans) return false;
  // An empty span (a cursor) overlaps the passage it sits in.
  return spans.some((s) => s.start < passage.end && passage.start < Math.max(s.end, s.start + 1));
}

function lineAt(text: string, utf16: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < utf16; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The participants whose survey row passes every filter (as `--where` and the Retrieve view filter them). */
export function participantsMatching(survey: MergedSurvey, filters: readonly ReportFilter[]): Set<string> {
  const columns = new Map(survey.columns.map((column) => [column.name, column]));
  return new Set(survey.rows.filter((row) => passesFilters(columns, row.values, filters)).map((row) => row.id));
}
