/** How long a stretch of loading may hold the extension host's thread before it lets other work run. */
export const SLICE_MS = 10;

/** Resolves in a task of its own, after the current one and the timers already set (a zero-delay timer). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A pause for the core's long passes (LoadStudyOptions.pause) that yields to the event loop only once the
 * current stretch has lasted `sliceMs`, and otherwise returns at once: timers, decorations and other extensions
 * get a turn at least every few milliseconds of loading, and a load that has nothing long pays next to nothing.
 */
export function timeSlicedPause(
  sliceMs = SLICE_MS,
  now: () => number = () => performance.now(),
  yieldTurn: () => Promise<void> = nextTurn,
): () => Promise<void> {
  let sliceStart = now();
  return async () => {
    if (now() - sliceStart < sliceMs) return;
    await yieldTurn();
    sliceStart = now();
  };
}
