import * as assert from 'node:assert/strict';
import { overlapSegments, type Span } from '../../../../src/extension/decorations/overlaps';

/** The plain reading of "covered by two or more spans": count every code point, then merge the runs. */
function overlapsByCounting(spans: readonly Span[]): Span[] {
  const length = Math.max(0, ...spans.map((s) => s.end));
  const depth = new Array<number>(length).fill(0);
  for (const { start, end } of spans) for (let at = start; at < end; at++) depth[at]!++;
  const result: Span[] = [];
  for (let at = 0; at < length; at++) {
    if (depth[at]! < 2) continue;
    const last = result[result.length - 1];
    if (last && last.end === at) result[result.length - 1] = { start: last.start, end: at + 1 };
    else result.push({ start: at, end: at + 1 });
  }
  return result;
}

function randomSpans(seed: number, count: number, length: number): Span[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => {
    const start = Math.floor(next() * length);
    // Some empty and some reversed spans, as a coding being edited can have for a moment.
    return { start, end: start + Math.floor(next() * 40) - 3 };
  });
}

describe('overlapSegments', () => {
  it('marks only stretches covered twice or more; touching spans do not overlap', () => {
    assert.deepEqual(overlapSegments([]), []);
    assert.deepEqual(
      overlapSegments([
        { start: 0, end: 10 },
        { start: 10, end: 20 },
      ]),
      [],
    );
    assert.deepEqual(
      overlapSegments([
        { start: 0, end: 10 },
        { start: 5, end: 20 },
        { start: 8, end: 12 },
        { start: 30, end: 31 },
        { start: 30, end: 31 },
      ]),
      [
        { start: 5, end: 12 },
        { start: 30, end: 31 },
      ],
    );
  });

  it('equals counting every code point, on random spans in any order', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const spans = randomSpans(seed, 1 + (seed % 60), 200);
      assert.deepEqual(overlapSegments(spans), overlapsByCounting(spans), `seed ${seed}`);
    }
  });
});
