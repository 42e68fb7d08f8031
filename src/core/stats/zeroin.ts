/**
 * Brent's root finder as in R's uniroot (R_zeroin2), step for step, with uniroot's defaults
 * (tol = .Machine$double.eps^0.25, maxiter = 1000). R's fisher.test finds its odds ratio and CI with
 * uniroot, so reproducing R's numbers means stopping exactly where uniroot stops, not at the true root.
 */
export const UNIROOT_TOLERANCE = Math.pow(Number.EPSILON, 0.25);

export function uniroot(f: (x: number) => number, lower: number, upper: number, tol = UNIROOT_TOLERANCE): number {
  let a = lower;
  let b = upper;
  let fa = f(a);
  let fb = f(b);
  let c = a;
  let fc = fa;
  if (fa === 0) return a;
  if (fb === 0) return b;
  for (let iteration = 0; iteration <= 1000; iteration++) {
    const previousStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 2 * Number.EPSILON * Math.abs(b) + tol / 2;
    let step = (c - b) / 2;
    if (Math.abs(step) <= tolerance || fb === 0) return b;
    if (Math.abs(previousStep) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      const cb = c - b;
      let p: number;
      let q: number;
      if (a === c) {
        const t1 = fb / fa; // only two distinct points: linear interpolation
        p = cb * t1;
        q = 1 - t1;
      } else {
        // inverse quadratic interpolation
        const qa = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1));
        q = (qa - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolerance * q) / 2 && p < Math.abs((previousStep * q) / 2)) step = p / q;
    }
    if (Math.abs(step) < tolerance) step = step > 0 ? tolerance : -tolerance;
    a = b;
    fa = fb;
    b += step;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return b;
}
