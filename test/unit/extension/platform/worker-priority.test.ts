import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { WORKER_NICENESS } from '../../../../src/extension/platform/node-worker-parent';

/** A thread's niceness: field 19 of /proc/…/stat, counted after the command name in parentheses. */
const NICENESS = `(path) => {
  const stat = require('node:fs').readFileSync(path, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}`;
const nicenessOf = (path: string): number => {
  const stat = readFileSync(path, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
};

// The worker calls nodeWorkerParent() as the report and similar-passages workers do, then says how nice its
// own thread and the process's main thread are.
const WORKER = `
const { nodeWorkerParent } = require(${JSON.stringify(require.resolve('../../../../src/extension/platform/node-worker-parent'))});
const nicenessOf = ${NICENESS};
const parent = nodeWorkerParent();
parent.post({ worker: nicenessOf('/proc/thread-self/stat'), main: nicenessOf('/proc/self/stat') });
`;

describe('desktop workers', () => {
  it('run their thread below the priority of the thread that started them, which stays as it was', async function () {
    if (process.platform !== 'linux') this.skip();
    const host = nicenessOf('/proc/thread-self/stat');
    const worker = new Worker(WORKER, { eval: true, execArgv: ['--require', 'tsx/cjs'] });
    try {
      const reported = await new Promise<{ worker: number; main: number }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      assert.deepEqual(reported, { worker: Math.min(19, host + WORKER_NICENESS), main: host });
      assert.equal(nicenessOf('/proc/thread-self/stat'), host);
    } finally {
      await worker.terminate();
    }
  });
});
