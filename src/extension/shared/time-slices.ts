/** How long a stretch of loading may hold the extension host's thread before it lets other work run. */
export const SLICE_MS = 10;

/**
 * A pause for the core's long passes (LoadStudyOptions.pause) that yields to the event loop only once the
 * current stretch has lasted `sliceMs`, and otherwise returns at once: timers, decorations and other extensions
 * get a turn at least every few milliseconds of loading, and a load that has nothing long pays next to nothing.
 */
export function timeSlicedPause(
  sliceMs = SLICE_MS,
  now: () => number = () => performance.now(),
  nextTurn: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): () => Promise<void> {
  let sliceStart = now();
  return async () => {
    if (now() - sliceStart < sliceMs) return;
    await nextTurn();
    sliceStart = now();
  };
}
