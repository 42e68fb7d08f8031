import { compareStrings } from '../sidecar/order';
import { allCodings, type Study } from '../study/study';

/** How many codings came from accepted model suggestions, in all and per model (most first). */
export interface AssistedCount {
  readonly total: number;
  readonly byModel: readonly { readonly model: string; readonly codings: number }[];
}

/** Assisted codings of the study, of the given coders only when some are given. */
export function assistedCount(study: Study, coders: readonly string[] = []): AssistedCount {
  const counts = new Map<string, number>();
  for (const { coding, sidecar } of allCodings(study)) {
    if (coding.assisted === undefined || (coders.length > 0 && !coders.includes(sidecar.coder))) continue;
    counts.set(coding.assisted, (counts.get(coding.assisted) ?? 0) + 1);
  }
  const byModel = [...counts]
    .map(([model, codings]) => ({ model, codings }))
    .sort((a, b) => b.codings - a.codings || compareStrings(a.model, b.model));
  return { total: byModel.reduce((sum, entry) => sum + entry.codings, 0), byModel };
}
