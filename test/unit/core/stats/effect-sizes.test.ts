import assert from 'node:assert/strict';
import { cohensD, cramersV, hedgesG, oddsRatio, riskDifference } from '../../../../src/core/stats';
import { assertAllClose, assertClose, cases, P_TOLERANCE, STATISTIC_TOLERANCE } from './reference';

describe("stats: Cohen's d and Hedges' g with Hedges–Olkin CI (formula run in R)", () => {
  for (const c of cases('smd')) {
    it(c.label, () => {
      const d = cohensD(c.x, c.y);
      const g = hedgesG(c.x, c.y);
      assert.equal(d.name, 'cohens-d');
      assert.equal(g.name, 'hedges-g');
      assertClose(d.value, c.d, STATISTIC_TOLERANCE, 'd');
      assertAllClose(d.ci, c.dCi, P_TOLERANCE, 'd CI');
      assertClose(g.value, c.g, STATISTIC_TOLERANCE, 'g');
      assertAllClose(g.ci, c.gCi, P_TOLERANCE, 'g CI');
    });
  }
  it('constant data: value null with a reason', () => {
    const r = hedgesG([2, 2, 2], [2, 2]);
    assert.equal(r.value, null);
    assert.match(r.reason ?? '', /constant/);
  });
  it('a group of one: value null with a reason', () => {
    assert.equal(cohensD([1], [2, 3, 4]).reason, 'fewer than 2 observations per group');
  });
});

describe('stats: odds ratio (Woolf CI)', () => {
  for (const c of cases('oddsRatio')) {
    it(c.label, () => {
      const r = oddsRatio(c.table);
      assert.equal(r.name, 'odds-ratio');
      if (c.value === null) {
        assert.equal(r.value, null);
        assert.match(r.reason ?? '', /cell is 0/);
      } else {
        assertClose(r.value, c.value, STATISTIC_TOLERANCE, 'OR');
        assertAllClose(r.ci, c.ci, P_TOLERANCE, 'CI');
      }
    });
  }
});

describe('stats: risk difference (Newcombe CI from R Wilson intervals)', () => {
  for (const c of cases('riskDifference')) {
    it(c.label, () => {
      const r = riskDifference(c.table);
      assertClose(r.value, c.value, STATISTIC_TOLERANCE, 'RD');
      assertAllClose(r.ci, c.ci, P_TOLERANCE, 'CI');
    });
  }
});

describe("stats: Cramér's V (uncorrected χ²)", () => {
  for (const c of cases('cramersV')) {
    it(c.label, () => assertClose(cramersV(c.table).value, c.value, STATISTIC_TOLERANCE, 'V'));
  }
});
