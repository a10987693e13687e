/**
 * Benjamini–Hochberg adjusted p-values (q-values) controlling the false
 * discovery rate over m simultaneous claims (design.md §8: per value ×
 * country claims such as "largest gaps"):
 *
 *   p_(1) ≤ … ≤ p_(m) sorted,  q_(k) = min_{j ≥ k} min(1, m · p_(j) / j)
 *
 * and q is returned in the input order; claiming every test with q ≤ α keeps
 * the expected share of false claims ≤ α (independent or positively
 * dependent tests). NaN p-values (tests that could not be run) are left out
 * of m and get q = NaN.
 *
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03, 0.5]) // [0.04, 0.0533…, 0.0533…, 0.5]
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const order: number[] = [];
  for (let i = 0; i < p.length; i++) {
    if (Number.isNaN(p[i])) continue;
    if (!(p[i] >= 0 && p[i] <= 1)) throw new RangeError(`p-values must be in [0, 1], got ${p[i]} at ${i}`);
    order.push(i);
  }
  order.sort((x, y) => p[x] - p[y] || x - y);
  const m = order.length;
  const q = new Array<number>(p.length).fill(NaN);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const i = order[k];
    running = Math.min(running, (m * p[i]) / (k + 1));
    q[i] = Math.min(1, running);
  }
  return q;
}
