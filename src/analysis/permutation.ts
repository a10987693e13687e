import { makeRng } from "./random";

export interface PermutationResult {
  /** Observed mean paired difference, mean_i (a_i − b_i). */
  diff: number;
  /** Two-sided p-value. */
  p: number;
  /** Sign patterns evaluated (2^n when the test was exact). */
  iterations: number;
  /** Pairs used (both values finite). */
  n: number;
  /** True when all 2^n sign patterns were enumerated. */
  exact: boolean;
}

/**
 * Paired permutation (sign-flip) test of the difference between two models
 * scored on the same rows (e.g. per-scenario F1 of model a and model b):
 *
 *   d_i = a_i − b_i,  D = mean_i d_i
 *   Under H0 (no difference) each d_i is as likely to be −d_i, so
 *   D*_s = mean_i s_i·d_i for random signs s_i ∈ {−1, +1}, and
 *   p = (1 + #{s : |D*_s| ≥ |D|}) / (1 + B)       (Monte Carlo, B random sign vectors)
 *   p = #{s : |D*_s| ≥ |D|} / 2^n                 (exact, when 2^n ≤ B: all sign vectors)
 *
 * The +1 keeps a Monte Carlo p-value valid (never 0). Pairs with a NaN are
 * dropped. Identical models give d = 0, D = 0 and p = 1.
 *
 * @example
 * pairedPermutationTest(f1OfModelA, f1OfModelB, { seed: 1 }) // { diff, p, iterations: 10000, ... }
 */
export function pairedPermutationTest(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  opts: { seed: number; iterations?: number },
): PermutationResult {
  if (a.length !== b.length) throw new RangeError(`paired samples differ in length: ${a.length} vs ${b.length}`);
  const B = opts.iterations ?? 10000;
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`iterations must be a positive integer, got ${B}`);
  const ds: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    if (Number.isFinite(d)) ds.push(d);
  }
  const n = ds.length;
  if (n === 0) return { diff: NaN, p: NaN, iterations: 0, n: 0, exact: false };
  const d = Float64Array.from(ds);
  let total = 0;
  for (let i = 0; i < n; i++) total += d[i];
  const observed = Math.abs(total);
  // Compare sums, not means, and allow for rounding so ties count as extreme.
  const tol = 1e-9 * Math.max(1, observed);
  if (n < 31 && 2 ** n <= B) {
    const patterns = 2 ** n;
    // Gray-code order: consecutive sign vectors differ in one sign, so each step is one update
    // (step s flips sign b = lowest set bit of s; it is negative now iff bit b of s ^ (s >> 1) is set).
    let extreme = 0;
    let sum = total;
    const signs = new Int8Array(n).fill(1);
    for (let s = 0; s < patterns; s++) {
      if (s > 0) {
        const b = 31 - Math.clz32(s & -s);
        signs[b] = -signs[b];
        sum += 2 * signs[b] * d[b];
      }
      if (Math.abs(sum) >= observed - tol) extreme++;
    }
    return { diff: total / n, p: extreme / patterns, iterations: patterns, n, exact: true };
  }
  const rng = makeRng(opts.seed);
  let extreme = 0;
  for (let it = 0; it < B; it++) {
    let sum = 0;
    let bits = 0;
    for (let i = 0; i < n; i++) {
      if ((i & 31) === 0) bits = rng.uint32();
      sum += bits & (1 << (i & 31)) ? -d[i] : d[i];
    }
    if (Math.abs(sum) >= observed - tol) extreme++;
  }
  return { diff: total / n, p: (1 + extreme) / (1 + B), iterations: B, n, exact: false };
}
