import { performance } from 'node:perf_hooks';

export const log = (message: string): void => console.log(`[bench] ${message}`);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A deterministic pseudo-random generator (mulberry32), so every run codes the same text. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Resolves with the probe's first truthy value, polling every 20 ms. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

/** Resolves with the time (ms after t0) each condition first held, polling every millisecond or so. */
export function timeUntil(
  conditions: Record<string, () => boolean>,
  t0: number,
  timeoutMs: number,
): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const poll = () => {
      for (const [name, holds] of Object.entries(conditions))
        if (times[name] === undefined && holds()) times[name] = performance.now() - t0;
      if (Object.keys(times).length === Object.keys(conditions).length) resolve(times);
      else if (performance.now() - t0 > timeoutMs)
        reject(new Error(`timed out after ${timeoutMs} ms; reached: ${JSON.stringify(times)}`));
      else setTimeout(poll, 1);
    };
    poll();
  });
}
