import type { GeneratedStudy } from './study';

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Counts to check the example against its brief (printed by the generator). */
export function summarize(study: GeneratedStudy): string {
  const words = [...study.transcripts.values()].map((t) => t.words);
  const byCoder = new Map<string, number[]>();
  for (const car of study.sidecars) byCoder.set(car.coder, [...(byCoder.get(car.coder) ?? []), car.codings.length]);
  const ids = [...study.transcripts.keys()];
  let maxShared = 0;
  let maxPair = '';
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = new Set(study.transcripts.get(ids[i] as string)?.passages);
      const shared = (study.transcripts.get(ids[j] as string)?.passages ?? []).filter((p) => a.has(p)).length;
      if (shared > maxShared) {
        maxShared = shared;
        maxPair = `${ids[i]}/${ids[j]}`;
      }
    }
  }
  const lines = [
    `transcripts: ${ids.length}; words min/median/max ${Math.min(...words)}/${median(words)}/${Math.max(...words)}`,
    ...[...byCoder].map(
      ([coder, counts]) =>
        `${coder}: ${counts.length} sidecars, ${counts.reduce((a, b) => a + b, 0)} codings (min ${Math.min(...counts)}, max ${Math.max(...counts)})`,
    ),
    `codes: ${study.codebook.length} (${study.codebook.filter((c) => !c.parent).length} categories)`,
    `most answer passages shared by two transcripts: ${maxShared} (${maxPair})`,
  ];
  return lines.join('\n');
}
