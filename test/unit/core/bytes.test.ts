import assert from 'node:assert/strict';
import { sameBytes } from '../../../src/core/bytes';

describe('sameBytes', () => {
  const bytes = (length: number, offset = 0): Uint8Array => {
    const buffer = new Uint8Array(length + offset + 3);
    for (let i = 0; i < buffer.length; i++) buffer[i] = (i * 37) % 251;
    return buffer.subarray(offset, offset + length);
  };

  it('tells equal bytes from different ones at every position, whatever the lengths and alignments', () => {
    for (const length of [0, 1, 3, 4, 5, 8, 13, 64, 1001]) {
      for (const [offsetA, offsetB] of [
        [0, 0],
        [0, 1],
        [2, 2],
        [4, 0],
        [3, 1],
      ] as const) {
        const a = bytes(length, offsetA);
        const b = new Uint8Array(new ArrayBuffer(length + offsetB), offsetB, length);
        b.set(a);
        assert.ok(sameBytes(a, b), `equal: length ${length}, offsets ${offsetA}/${offsetB}`);
        for (const at of new Set([0, length >> 1, length - 2, length - 1].filter((i) => i >= 0 && i < length))) {
          const changed = b.slice();
          changed[at] = (changed[at]! + 1) % 256;
          assert.ok(!sameBytes(a, changed), `differs at ${at}: length ${length}, offsets ${offsetA}/${offsetB}`);
        }
      }
    }
  });

  it('treats two absent arrays as equal and one absent or a shorter one as different', () => {
    assert.ok(sameBytes(undefined, undefined));
    assert.ok(!sameBytes(bytes(0), undefined));
    assert.ok(!sameBytes(bytes(8), bytes(8).subarray(0, 7)));
  });
});
