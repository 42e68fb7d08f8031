import assert from 'node:assert/strict';
import { kruskalWallis, welchAnova } from '../../../../src/core/stats';
import { assertAllClose, assertClose, cases, P_TOLERANCE, STATISTIC_TOLERANCE, type RCase } from './reference';

const missingIn = (groups: (number | null)[][]): number => groups.flat().filter((v) => v === null).length;

function compare(r: ReturnType<typeof welchAnova> | ReturnType<typeof kruskalWallis>, c: RCase): void {
  assert.equal(r.missing, missingIn(c.groups));
  assert.equal(r.n, c.groups.flat().length - r.missing);
  if (c.expected.error) {
    assert.equal(r.p, null, `R refused (${c.expected.error})`);
    assert.ok(r.reason);
    return;
  }
  assertClose(r.statistic, c.expected.statistic, STATISTIC_TOLERANCE, 'statistic');
  assertClose(r.p, c.expected.p, P_TOLERANCE, 'p');
}

describe('stats: Welch ANOVA = oneway.test(y ~ g) (var.equal = FALSE)', () => {
  for (const c of cases('welchAnova')) {
    it(c.label, () => {
      const r = welchAnova(c.groups);
      compare(r, c);
      if (!c.expected.error) assertAllClose(r.df as [number, number], c.expected.df, STATISTIC_TOLERANCE, 'df');
    });
  }
});

describe('stats: Kruskal–Wallis = kruskal.test(y, g)', () => {
  for (const c of cases('kruskalWallis')) {
    it(c.label, () => {
      const r = kruskalWallis(c.groups);
      compare(r, c);
      if (!c.expected.error) assert.equal(r.df, c.expected.df);
    });
  }
});
