import { allCodings, descendantsOf, type Study } from '../core/index';

export interface Usage {
  readonly codings: number;
  readonly transcripts: number;
  readonly participants: number;
}

/** How much one code is used: by its own codings, and in total with every code below it. */
export interface CodeUsage {
  readonly id: string;
  readonly name: string;
  readonly parent: string | null;
  /** 0 for top-level codes. */
  readonly depth: number;
  /** False for a code that codings use but the codebook does not define. */
  readonly inCodebook: boolean;
  readonly own: Usage;
  readonly total: Usage;
}

interface Tally {
  codings: number;
  readonly transcripts: Set<string>;
  readonly participants: Set<string>;
}

/**
 * Usage of every code in tree order (each code followed by its children, siblings by name). A category's
 * total counts a transcript or participant once even when several of its children code it.
 */
export function codeUsage(study: Study): CodeUsage[] {
  const tallies = new Map<string, Tally>();
  for (const { transcript, coding } of allCodings(study)) {
    let tally = tallies.get(coding.code);
    if (!tally) tallies.set(coding.code, (tally = { codings: 0, transcripts: new Set(), participants: new Set() }));
    tally.codings++;
    tally.transcripts.add(transcript.path);
    if (transcript.participant !== undefined) tally.participants.add(transcript.participant);
  }
  const { codes } = study.codebook;
  const known = new Set(codes.map((code) => code.id));
  const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
    compare(a.name.toLowerCase(), b.name.toLowerCase()) || compare(a.id, b.id);
  const result: CodeUsage[] = [];
  const visit = (parent: string | undefined, depth: number) => {
    for (const code of codes.filter((c) => c.parent === parent).sort(byName)) {
      const total = mergeTallies([...descendantsOf(study.codebook, code.id)].map((id) => tallies.get(id)));
      result.push({
        id: code.id,
        name: code.name,
        parent: code.parent ?? null,
        depth,
        inCodebook: true,
        own: usageOf(tallies.get(code.id)),
        total: usageOf(total),
      });
      visit(code.id, depth + 1);
    }
  };
  visit(undefined, 0);
  for (const id of [...tallies.keys()].filter((id) => !known.has(id)).sort(compare)) {
    const usage = usageOf(tallies.get(id));
    result.push({ id, name: id, parent: null, depth: 0, inCodebook: false, own: usage, total: usage });
  }
  return result;
}

function mergeTallies(tallies: readonly (Tally | undefined)[]): Tally {
  const merged: Tally = { codings: 0, transcripts: new Set(), participants: new Set() };
  for (const tally of tallies) {
    if (!tally) continue;
    merged.codings += tally.codings;
    for (const t of tally.transcripts) merged.transcripts.add(t);
    for (const p of tally.participants) merged.participants.add(p);
  }
  return merged;
}

function usageOf(tally: Tally | undefined): Usage {
  return tally
    ? { codings: tally.codings, transcripts: tally.transcripts.size, participants: tally.participants.size }
    : { codings: 0, transcripts: 0, participants: 0 };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
