import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

/**
 * Watches files from a thread of its own and tells when one first holds some bytes. Polling from the
 * extension host's thread would put the benchmark's own reads of a sidecar of hundreds of KB on the very
 * thread whose latency it measures, right as Grounded draws.
 */
export interface DiskWatcher {
  /**
   * Resolves once the watcher has seen the file as it is now (without `block`); `found` then resolves with
   * when (ms on this thread's performance clock) the file first held `block`.
   */
  watch(path: string, block: string): Promise<{ found: Promise<number> }>;
  dispose(): void;
}

// Runs in the worker: stat every millisecond, read (as bytes) only when the size or the mtime changed.
const WATCHER = `
const { parentPort } = require('node:worker_threads');
const { readFileSync, statSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
parentPort.on('message', ({ path, block }) => {
  const wanted = Buffer.from(block);
  let seen = '';
  let first = true;
  const poll = () => {
    let holds = false;
    try {
      const stat = statSync(path);
      const signature = stat.size + ':' + stat.mtimeMs;
      if (signature !== seen) {
        seen = signature;
        holds = readFileSync(path).includes(wanted);
      }
    } catch {}
    if (holds) parentPort.postMessage({ found: performance.timeOrigin + performance.now() });
    else {
      if (first) parentPort.postMessage({ ready: true });
      setTimeout(poll, 1);
    }
    first = false;
  };
  poll();
});
`;

export function startDiskWatcher(): DiskWatcher {
  const worker = new Worker(WATCHER, { eval: true });
  worker.unref();
  return {
    watch(path, block) {
      return new Promise((ready, failed) => {
        let announce: (at: number) => void = () => undefined;
        const found = new Promise<number>((resolve) => (announce = resolve));
        const onMessage = (message: { ready?: true; found?: number }) => {
          if (message.ready) ready({ found });
          if (message.found !== undefined) {
            worker.off('message', onMessage);
            worker.off('error', failed);
            // The worker's clock has its own origin: both are brought to the wall clock's high-resolution time.
            announce(message.found - performance.timeOrigin);
            ready({ found }); // already there when first looked at
          }
        };
        worker.on('message', onMessage);
        worker.once('error', failed);
        worker.postMessage({ path, block });
      });
    },
    dispose: () => void worker.terminate(),
  };
}
