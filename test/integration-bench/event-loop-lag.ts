import { performance } from 'node:perf_hooks';

export const TICK_MS = 10;

/** How late a 10 ms interval timer fired during a stretch of time, in ms. */
export interface Lag {
  max: number;
  /** When the worst tick fired, ms after the start of the stretch: tells which phase held the thread. */
  maxAt: number;
  p99: number;
  ticks: number;
  ms: number;
}

/**
 * A 10 ms interval timer in the extension host that records how late each tick fires: while the host's
 * thread is held by anything (ours or another extension's), the next tick waits, and the delay is the lag a
 * person feels in every extension of the window.
 */
export class LagRecorder {
  private readonly delays: { at: number; delay: number }[] = [];
  private last = performance.now();
  private readonly timer = setInterval(() => {
    const now = performance.now();
    this.delays.push({ at: now, delay: Math.max(0, now - this.last - TICK_MS) });
    this.last = now;
  }, TICK_MS);

  /** Stops the timer; the stretch since the last tick counts too (a block at the very end would be missed). */
  stop(): void {
    clearInterval(this.timer);
    const now = performance.now();
    this.delays.push({ at: now, delay: Math.max(0, now - this.last - TICK_MS) });
  }

  /** The lag of the ticks that fired at or after `from` (performance.now()). */
  since(from: number): Lag {
    const picked = this.delays.filter((d) => d.at >= from);
    const sorted = picked.map((d) => d.delay).sort((a, b) => a - b);
    const last = picked[picked.length - 1]?.at ?? from;
    const worst = picked.reduce<{ at: number; delay: number } | undefined>(
      (w, d) => (w === undefined || d.delay > w.delay ? d : w),
      undefined,
    );
    return {
      max: sorted[sorted.length - 1] ?? 0,
      maxAt: (worst?.at ?? from) - from,
      p99: sorted[Math.max(0, Math.ceil(0.99 * sorted.length) - 1)] ?? 0,
      ticks: sorted.length,
      ms: last - from,
    };
  }
}

/** The lag over `ms` of an otherwise idle host: the baseline. */
export async function idleLag(ms: number): Promise<Lag> {
  const recorder = new LagRecorder();
  const from = performance.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  recorder.stop();
  return recorder.since(from);
}
