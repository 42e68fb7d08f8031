/** How many recently used code ids are remembered per study. */
export const RECENT_LIMIT = 30;
/** Quick-code slots (keys 1–9). */
export const QUICK_SLOTS = 9;

/** The recent list after using `used` (most recent first, no duplicates, capped). */
export function noteUsed(recent: readonly string[], used: readonly string[], limit = RECENT_LIMIT): string[] {
  const front = [...new Set(used)];
  return [...front, ...recent.filter((id) => !front.includes(id))].slice(0, limit);
}

/**
 * Codes ordered for a picker: recently used first (most recent first), then the rest in their given
 * order. Recent ids that are no longer in the codebook are skipped.
 */
export function recentFirst<T extends { readonly id: string }>(
  codes: readonly T[],
  recent: readonly string[],
): { recent: T[]; rest: T[] } {
  const byId = new Map(codes.map((code) => [code.id, code]));
  const first: T[] = [];
  for (const id of recent) {
    const code = byId.get(id);
    if (code && !first.includes(code)) first.push(code);
  }
  return { recent: first, rest: codes.filter((code) => !first.includes(code)) };
}

/**
 * The code id behind each quick-code key 1–9: a pinned id (setting `grounded.quickCodes`, "" or a missing
 * entry leaves the slot free) wins; free slots take the most recent codes not pinned elsewhere. Ids that
 * are not in the codebook are ignored, so a stale pin never codes with an unknown code.
 */
export function quickCodeSlots(
  pinned: readonly string[],
  recent: readonly string[],
  known: ReadonlySet<string>,
  slots = QUICK_SLOTS,
): (string | undefined)[] {
  const result: (string | undefined)[] = Array.from({ length: slots }, (_, index) => {
    const id = pinned[index];
    return id && known.has(id) ? id : undefined;
  });
  const taken = new Set(result.filter((id): id is string => id !== undefined));
  const fillers = recent.filter((id) => known.has(id) && !taken.has(id));
  for (let index = 0; index < slots && fillers.length > 0; index++) {
    if (result[index] === undefined) result[index] = fillers.shift();
  }
  return result;
}

/** `grounded.quickCodes` after pinning `id` to slot `slot` (1-based); an undefined id unpins the slot. */
export function pinQuickCode(
  pinned: readonly string[],
  slot: number,
  id: string | undefined,
  slots = QUICK_SLOTS,
): string[] {
  const next = Array.from({ length: slots }, (_, index) => pinned[index] ?? '');
  // One code sits on one key: pinning it elsewhere frees its old key.
  if (id !== undefined) for (let index = 0; index < slots; index++) if (next[index] === id) next[index] = '';
  next[slot - 1] = id ?? '';
  while (next.length > 0 && next[next.length - 1] === '') next.pop();
  return next;
}

/** A code id for a new code named `name` that is not yet taken: "time-pressure", then "time-pressure-2", … */
export function uniqueCodeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
