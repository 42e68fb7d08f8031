import type { StudyData } from '../analysis/study-data';
import type { Study } from '../study/study';
import { buildCodeNetwork, type NetworkCoding, type NetworkParticipant } from './build-network';
import type { CodeNetwork } from './network-types';

export interface StudyNetworkOptions {
  /** Only these coders' codings (default: every coder, pooled). */
  readonly coders?: readonly string[];
  /** Only these participants (a filter or one group of a comparison); default: every coded participant. */
  readonly participants?: ReadonlySet<string>;
  /** Add co-occurrence edges with at least this Jaccard. */
  readonly minJaccard?: number;
}

/**
 * The code network of a loaded study: its participants are those with a transcript that an included coder
 * has a sidecar for (an empty one included), as in the report's code figures; transcripts without a
 * participant id are left out. Orphaned codings count for their code but not for overlaps (their offsets
 * are not trustworthy).
 */
export function codeNetworkOfStudy(study: Study, options: StudyNetworkOptions = {}): CodeNetwork {
  const coders = options.coders && options.coders.length > 0 ? new Set(options.coders) : undefined;
  const codesOf = new Map<string, Set<string>>();
  const codings: NetworkCoding[] = [];
  for (const transcript of study.transcripts) {
    const participant = transcript.participant;
    if (participant === undefined) continue;
    if (options.participants && !options.participants.has(participant)) continue;
    for (const sidecar of transcript.sidecars) {
      if (coders && !coders.has(sidecar.coder)) continue;
      let codes = codesOf.get(participant);
      if (!codes) codesOf.set(participant, (codes = new Set()));
      for (const coding of sidecar.sidecar.codings) {
        codes.add(coding.code);
        if (coding.status === 'orphan') continue;
        codings.push({
          id: coding.id,
          code: coding.code,
          transcript: transcript.path,
          coder: sidecar.coder,
          start: coding.start,
          end: coding.end,
        });
      }
    }
  }
  const participants: NetworkParticipant[] = [...codesOf].map(([id, codes]) => ({ id, codes }));
  return buildCodeNetwork({
    codebook: study.codebook,
    relationTypes: study.settings.relationTypes,
    participants,
    codings,
    ...(options.minJaccard !== undefined ? { minJaccard: options.minJaccard } : {}),
  });
}

/**
 * The code network over the participants and codings of a report's study data (its coders, filters and what an
 * uncoded participant counts as already applied): what `grounded export network` writes and the panel exports.
 * Participants whose codes are unknown (no transcript coded by an included coder) are left out.
 */
export function codeNetworkOfStudyData(study: Study, data: StudyData, minJaccard?: number): CodeNetwork {
  return buildCodeNetwork({
    codebook: study.codebook,
    relationTypes: study.settings.relationTypes,
    participants: data.records
      .filter((record) => record.codesKnown)
      .map((record) => ({
        id: record.id,
        codes: Object.keys(record.present).filter((code) => record.present[code] === 1),
      })),
    codings: data.codings
      .filter((c) => c.coding.status !== 'orphan')
      .map((c) => ({
        id: c.coding.id,
        code: c.coding.code,
        transcript: c.transcript.path,
        coder: c.coder,
        start: c.coding.start,
        end: c.coding.end,
      })),
    ...(minJaccard !== undefined ? { minJaccard } : {}),
  });
}
