import type { MergedRow, MergedSurvey } from './types';

export interface TranscriptParticipant {
  readonly path: string;
  readonly participant?: string;
}

export interface ParticipantMatch {
  readonly participant: string;
  /** Paths of the participant's transcripts, in input order. */
  readonly transcripts: readonly string[];
  readonly row: MergedRow;
}

export interface UnmatchedTranscript {
  readonly path: string;
  readonly participant: string;
  /** A survey id equal to `participant` but for case: a hint for the user, never used to join. */
  readonly sameIgnoringCase?: string;
}

export interface ParticipantJoin {
  /** In survey row order. */
  readonly matched: readonly ParticipantMatch[];
  readonly transcriptsWithoutRow: readonly UnmatchedTranscript[];
  /** Paths of transcripts no participant id could be derived for. */
  readonly transcriptsWithoutParticipant: readonly string[];
  readonly rowsWithoutTranscript: readonly { readonly id: string; readonly line: number; readonly uri: string }[];
}

/**
 * Pairs transcripts with survey rows by participant id. Ids are trimmed, then compared exactly and
 * case-sensitively: "P01" and "p01" are different participants unless the user says otherwise (settings
 * overrides). Nothing is matched fuzzily; everything unmatched is returned for the report.
 */
export function joinParticipants(survey: MergedSurvey, transcripts: readonly TranscriptParticipant[]): ParticipantJoin {
  const byId = new Map(survey.rows.map((row) => [row.id, row]));
  const byLowerId = new Map<string, string>();
  for (const row of survey.rows) if (!byLowerId.has(row.id.toLowerCase())) byLowerId.set(row.id.toLowerCase(), row.id);

  const pathsById = new Map<string, string[]>();
  const transcriptsWithoutRow: UnmatchedTranscript[] = [];
  const transcriptsWithoutParticipant: string[] = [];
  for (const transcript of transcripts) {
    const participant = transcript.participant?.trim() ?? '';
    if (participant === '') {
      transcriptsWithoutParticipant.push(transcript.path);
    } else if (byId.has(participant)) {
      const paths = pathsById.get(participant) ?? [];
      paths.push(transcript.path);
      pathsById.set(participant, paths);
    } else {
      const near = byLowerId.get(participant.toLowerCase());
      transcriptsWithoutRow.push(
        near === undefined
          ? { path: transcript.path, participant }
          : { path: transcript.path, participant, sameIgnoringCase: near },
      );
    }
  }

  const matched: ParticipantMatch[] = [];
  const rowsWithoutTranscript: { id: string; line: number; uri: string }[] = [];
  for (const row of survey.rows) {
    const paths = pathsById.get(row.id);
    if (paths) matched.push({ participant: row.id, transcripts: paths, row });
    else rowsWithoutTranscript.push({ id: row.id, line: row.line, uri: row.uri });
  }
  return { matched, transcriptsWithoutRow, transcriptsWithoutParticipant, rowsWithoutTranscript };
}
