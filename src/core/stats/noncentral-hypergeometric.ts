import factorialln from '@stdlib/math-base-special-factorialln';

/** log C(n, k). */
export function logChoose(n: number, k: number): number {
  return factorialln(n) - factorialln(k) - factorialln(n - k);
}

/**
 * Fisher's noncentral hypergeometric distribution of the [1,1] cell of a 2 × 2 table with fixed margins,
 * built exactly like the helpers inside R's fisher.test (dnhyper, mnhyper, pnhyper), which it needs to
 * reproduce R's p-value, conditional MLE and exact CI.
 */
export class NoncentralHypergeometric {
  readonly lo: number;
  readonly hi: number;
  private readonly support: number[];
  private readonly logCentral: number[];

  /** m = first column total, n = second column total, k = first row total (R's names). */
  constructor(m: number, n: number, k: number) {
    this.lo = Math.max(0, k - n);
    this.hi = Math.min(k, m);
    this.support = [];
    for (let x = this.lo; x <= this.hi; x++) this.support.push(x);
    const logTotal = logChoose(m + n, k);
    this.logCentral = this.support.map((x) => logChoose(m, x) + logChoose(n, k - x) - logTotal);
  }

  /** Probabilities over lo..hi for odds ratio `ncp` (0 < ncp < ∞). */
  density(ncp: number): number[] {
    const logs = this.logCentral.map((d, i) => d + Math.log(ncp) * (this.support[i] as number));
    const top = logs.reduce((a, b) => Math.max(a, b), -Infinity); // no spread: the support can be long
    const scaled = logs.map((d) => Math.exp(d - top));
    const sum = scaled.reduce((a, b) => a + b, 0);
    return scaled.map((d) => d / sum);
  }

  mean(ncp: number): number {
    if (ncp === 0) return this.lo;
    if (ncp === Infinity) return this.hi;
    return this.density(ncp).reduce((sum, d, i) => sum + (this.support[i] as number) * d, 0);
  }

  /** P(X ≤ q), or P(X ≥ q) with upperTail. */
  tail(q: number, ncp: number, upperTail: boolean): number {
    if (ncp === 0) return Number(upperTail ? q <= this.lo : q >= this.lo);
    if (ncp === Infinity) return Number(upperTail ? q <= this.hi : q >= this.hi);
    const density = this.density(ncp);
    let sum = 0;
    this.support.forEach((x, i) => {
      if (upperTail ? x >= q : x <= q) sum += density[i] as number;
    });
    return sum;
  }
}
