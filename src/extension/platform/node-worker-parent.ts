// Inside a worker_threads worker: the end that talks to the extension host. Bundled only into desktop workers.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { MessageEnd } from '../shared/worker-messages';

/** How much nicer a worker's thread is than the thread that started it (niceness tops out at 19). */
export const WORKER_NICENESS = 10;

/** Undefined when this code does not run in a worker (nothing to serve). */
export function nodeWorkerParent<Out, In>(): MessageEnd<Out, In> | undefined {
  const port = parentPort;
  if (!port) return undefined;
  yieldToHost();
  return {
    post: (message, transfer) => port.postMessage(message, transfer ? [...transfer] : undefined),
    onMessage: (listener) => port.on('message', (message: In) => listener(message)),
  };
}

/**
 * A worker builds a report (seconds at large studies) while the person keeps coding: on a machine with few
 * cores it would take CPU time from the extension host's thread, and every coding would wait for it. On Linux a
 * thread has its own priority, so this worker's thread lowers its own: the host's work comes first and the
 * report uses what is left (all of it when the person is not coding). Elsewhere it runs as it is.
 */
function yieldToHost(): void {
  if (process.platform !== 'linux') return;
  try {
    // "<pid>/task/<tid>": the thread reading the link is this worker's.
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isSafeInteger(thread) && thread > 0)
      setPriority(thread, Math.min(19, getPriority(thread) + WORKER_NICENESS));
  } catch {
    // No /proc, or not allowed: the worker keeps the host's priority.
  }
}
