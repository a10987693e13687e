import { makeRng } from "./random";

export interface ClusterTest {
  /** Pearson's X² = Σ (k_i − e_i)² / e_i over the levels with units, e_i = K·n_i / N. */
  statistic: number;
  /** P(X² ≥ observed) under the null below. */
  p: number;
  /** "exact": every outcome enumerated; "monte-carlo": `iterations` seeded draws. */
  method: "exact" | "monte-carlo";
  /** Outcomes enumerated (exact) or draws made (Monte Carlo). */
  iterations: number;
  /** Levels with at least one unit (the test's categories). */
  levels: number;
  /** K, the marked units. */
  marked: number;
}

export interface ClusterTestOptions {
  seed: number;
  /** Monte Carlo draws when the exact enumeration is too large; default 10,000. */
  iterations?: number;
  /** Enumerate exactly when C(K + L − 1, L − 1), a bound on the outcomes, is at most this; default 100,000. */
  maxExact?: number;
}

/**
 * Are K marked units (e.g. refusals) spread over the levels of a factor
 * (countries, topics, values) as the design predicts, i.e. in proportion to
 * the units each level holds?
 *
 *   n_i units at level i (N in all), k_i of them marked (K in all).
 *   H0: the K marked units are K of the N drawn at random without replacement,
 *   so (k_1..k_L) is multivariate hypergeometric:
 *     P(k) = Π_i C(n_i, k_i) / C(N, K),  expected e_i = K·n_i / N.
 *   Statistic: Pearson's X² = Σ_i (k_i − e_i)² / e_i (large when the marks cluster).
 *   p = Σ_{k : X²(k) ≥ X²obs} P(k)                      (exact: all outcomes)
 *   p = (1 + #{draws with X² ≥ X²obs}) / (1 + B)          (Monte Carlo, B seeded draws)
 *
 * The without-replacement null is the permutation null of "which units are
 * marked", so it is exact for small K, where the chi-square approximation
 * is not. Levels without units are left out (they can hold no mark); null
 * when fewer than two levels remain or nothing is marked (nothing to compare).
 *
 * @example clusterTest([2, 0], [2, 2], { seed: 1 }) // { statistic: 2, p: 1/3, method: "exact", ... }
 */
export function clusterTest(marked: ArrayLike<number>, sizes: ArrayLike<number>, opts: ClusterTestOptions): ClusterTest | null {
  if (marked.length !== sizes.length) throw new RangeError(`marked and sizes differ in length: ${marked.length} vs ${sizes.length}`);
  const k: number[] = [];
  const n: number[] = [];
  for (let i = 0; i < sizes.length; i++) {
    const ni = sizes[i];
    const ki = marked[i];
    if (!Number.isInteger(ni) || !Number.isInteger(ki) || ni < 0 || ki < 0 || ki > ni) throw new RangeError(`level ${i}: need integers 0 ≤ marked ≤ size, got ${ki} of ${ni}`);
    if (ni === 0) continue;
    k.push(ki);
    n.push(ni);
  }
  const L = n.length;
  const N = n.reduce((a, b) => a + b, 0);
  const K = k.reduce((a, b) => a + b, 0);
  if (L < 2 || K === 0) return null;
  const e = n.map((ni) => (K * ni) / N);
  const chi = (ks: ArrayLike<number>) => {
    let s = 0;
    for (let i = 0; i < L; i++) s += (ks[i] - e[i]) ** 2 / e[i];
    return s;
  };
  const observed = chi(k);
  // Ties count as extreme; allow for rounding in the sums.
  const bar = observed - 1e-9 * Math.max(1, observed);
  const B = opts.iterations ?? 10000;
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`iterations must be a positive integer, got ${B}`);

  if (compositionsBound(K, L) <= (opts.maxExact ?? 100000)) {
    const lf = logFactorials(N);
    const logC = (a: number, b: number) => lf[a] - lf[b] - lf[a - b];
    const total = logC(N, K);
    // Units left at the levels after i, so a branch that cannot place the remaining marks is cut.
    const after = new Array<number>(L + 1).fill(0);
    for (let i = L - 1; i >= 0; i--) after[i] = after[i + 1] + n[i];
    let p = 0;
    let outcomes = 0;
    const walk = (i: number, left: number, logP: number, x2: number) => {
      if (i === L - 1) {
        outcomes++;
        const s = x2 + (left - e[i]) ** 2 / e[i];
        if (s >= bar) p += Math.exp(logP + logC(n[i], left) - total);
        return;
      }
      const lo = Math.max(0, left - after[i + 1]);
      const hi = Math.min(n[i], left);
      for (let ki = lo; ki <= hi; ki++) walk(i + 1, left - ki, logP + logC(n[i], ki), x2 + (ki - e[i]) ** 2 / e[i]);
    };
    walk(0, K, 0, 0);
    return { statistic: observed, p: Math.min(1, p), method: "exact", iterations: outcomes, levels: L, marked: K };
  }

  const rng = makeRng(opts.seed);
  const rest = new Int32Array(L);
  const draw = new Int32Array(L);
  let extreme = 0;
  for (let it = 0; it < B; it++) {
    for (let i = 0; i < L; i++) {
      rest[i] = n[i];
      draw[i] = 0;
    }
    // K sequential draws without replacement: unit u of the N − j left falls in the level holding it.
    for (let j = 0; j < K; j++) {
      let u = rng.int(N - j);
      let i = 0;
      while (u >= rest[i]) u -= rest[i++];
      rest[i]--;
      draw[i]++;
    }
    if (chi(draw) >= bar) extreme++;
  }
  return { statistic: observed, p: (1 + extreme) / (1 + B), method: "monte-carlo", iterations: B, levels: L, marked: K };
}

/** C(K + L − 1, L − 1): the outcomes without the n_i bounds, an upper bound on the enumeration (capped at Infinity). */
function compositionsBound(K: number, L: number): number {
  let c = 1;
  for (let j = 1; j <= L - 1; j++) {
    c = (c * (K + j)) / j;
    if (!Number.isFinite(c) || c > 1e15) return Infinity;
  }
  return Math.round(c);
}

function logFactorials(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) out[i] = out[i - 1] + Math.log(i);
  return out;
}
