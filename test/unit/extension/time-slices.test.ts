/** The extension's pause for long loads yields to the event loop only once a slice of work has run out. */
import assert from 'node:assert/strict';
import { timeSlicedPause } from '../../../src/extension/shared/time-slices';

describe('time-sliced pause', () => {
  it('returns at once inside a slice, yields once it has lasted 10 ms, and starts a new slice after', async () => {
    let clock = 1000;
    let turns = 0;
    const pause = timeSlicedPause(
      10,
      () => clock,
      async () => void turns++,
    );
    clock += 4;
    await pause();
    clock += 5;
    await pause();
    assert.equal(turns, 0, 'within the slice');
    clock += 1;
    await pause();
    assert.equal(turns, 1, 'the slice ran out');
    clock += 9;
    await pause();
    assert.equal(turns, 1, 'a new slice began after the yield');
    clock += 1;
    await pause();
    assert.equal(turns, 2);
  });

  it('by default gives timers their turn', async () => {
    const pause = timeSlicedPause(0);
    let fired = false;
    setTimeout(() => (fired = true), 0);
    await pause();
    assert.ok(fired);
  });
});
