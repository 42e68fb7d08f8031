import type { Study } from './study';

/** Who has coded one transcript: a coder has when their sidecar for it exists, even with no codings in it. */
export interface TranscriptProgress {
  readonly uri: string;
  /** Relative to the study root. */
  readonly path: string;
  readonly participant?: string;
  /** Coders with a sidecar for this transcript, sorted. */
  readonly codedBy: readonly string[];
  /** Codings per coder (0 for an empty sidecar: "read, nothing applies"). */
  readonly codings: Readonly<Record<string, number>>;
}

export interface CoderProgress {
  readonly coder: string;
  /** Transcripts this coder has a sidecar for. */
  readonly coded: number;
  /** Of them, transcripts marked coded without a coding (an empty sidecar). */
  readonly codedEmpty: number;
}

export interface CodingProgress {
  readonly transcripts: readonly TranscriptProgress[];
  /** Every transcript of the study. */
  readonly total: number;
  /** Transcripts at least one coder has coded. */
  readonly codedByAnyone: number;
  /** One entry per coder with a sidecar (plus `alsoCoders`), most transcripts first, then by name. */
  readonly coders: readonly CoderProgress[];
}

/**
 * Coding progress per transcript and coder. "Coded" is explicit: a sidecar exists. A transcript nobody has a
 * sidecar for is not coded (its codes are unknown, not absent), whatever its text says.
 * `alsoCoders`: coders to list even with nothing coded yet (the person at the keyboard).
 */
export function codingProgress(study: Study, alsoCoders: readonly string[] = []): CodingProgress {
  const transcripts: TranscriptProgress[] = study.transcripts.map((transcript) => {
    const codings: Record<string, number> = Object.create(null);
    for (const { coder, sidecar } of transcript.sidecars)
      codings[coder] = (codings[coder] ?? 0) + sidecar.codings.length;
    return {
      uri: transcript.uri,
      path: transcript.path,
      ...(transcript.participant !== undefined ? { participant: transcript.participant } : {}),
      codedBy: Object.keys(codings).sort(),
      codings,
    };
  });
  const byCoder = new Map<string, { coded: number; codedEmpty: number }>();
  for (const coder of alsoCoders) byCoder.set(coder, { coded: 0, codedEmpty: 0 });
  for (const transcript of transcripts) {
    for (const coder of transcript.codedBy) {
      const entry = byCoder.get(coder) ?? { coded: 0, codedEmpty: 0 };
      entry.coded++;
      if (transcript.codings[coder] === 0) entry.codedEmpty++;
      byCoder.set(coder, entry);
    }
  }
  const coders = [...byCoder]
    .map(([coder, counts]) => ({ coder, ...counts }))
    .sort((a, b) => b.coded - a.coded || (a.coder < b.coder ? -1 : a.coder > b.coder ? 1 : 0));
  return {
    transcripts,
    total: transcripts.length,
    codedByAnyone: transcripts.filter((t) => t.codedBy.length > 0).length,
    coders,
  };
}

/** "38 / 44 coded by amara, 10 / 44 by jonas" (or "0 / 44 coded" before anyone starts). */
export function describeProgress(progress: CodingProgress): string {
  if (progress.coders.length === 0) return `0 / ${progress.total} coded`;
  return progress.coders
    .map((c, index) => `${c.coded} / ${progress.total} ${index === 0 ? 'coded ' : ''}by ${c.coder}`)
    .join(', ');
}
