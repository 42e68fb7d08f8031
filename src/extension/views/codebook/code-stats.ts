import { allCodings, descendantsOf, type Study } from '../../../core/index';

export interface CodeStats {
  /** Codings of the code and of every code below it (a category counts its children's codings). */
  readonly codings: number;
  /** Distinct participants (transcript paths where a transcript has no participant id) among those codings. */
  readonly participants: number;
}

/**
 * Counts for every code of a study. Participants rather than segments are what researchers report as
 * prevalence (segment counts grow with talkativeness), so both are shown.
 */
export function codeStats(study: Study): ReadonlyMap<string, CodeStats> {
  const direct = new Map<string, { codings: number; who: Set<string> }>();
  for (const { transcript, coding } of allCodings(study)) {
    let entry = direct.get(coding.code);
    if (!entry) direct.set(coding.code, (entry = { codings: 0, who: new Set() }));
    entry.codings++;
    entry.who.add(transcript.participant ?? transcript.path);
  }
  const result = new Map<string, CodeStats>();
  for (const code of study.codebook.codes) {
    let codings = 0;
    const who = new Set<string>();
    for (const id of descendantsOf(study.codebook, code.id)) {
      const entry = direct.get(id);
      if (!entry) continue;
      codings += entry.codings;
      for (const participant of entry.who) who.add(participant);
    }
    result.set(code.id, { codings, participants: who.size });
  }
  return result;
}

export function statsText(stats: CodeStats | undefined): string {
  const codings = stats?.codings ?? 0;
  const participants = stats?.participants ?? 0;
  return `${codings} ${codings === 1 ? 'coding' : 'codings'} · ${participants} ${participants === 1 ? 'participant' : 'participants'}`;
}
