import { makeRng } from "./random";

export interface BootstrapOptions {
  /** Seed of the PRNG (src/analysis/random.ts); the same seed gives the same interval. */
  seed: number;
  /** Resamples; default 1000. */
  iterations?: number;
  /** Coverage of the interval; default 0.95. */
  level?: number;
}

/** A confidence interval [lower, upper]. */
export type CI = [number, number];

/**
 * Quantile of sorted values with linear interpolation between order
 * statistics (numpy's default, Hyndman–Fan type 7):
 *
 *   h = (n − 1)·q,  Q(q) = x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋)
 *
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Seeded percentile bootstrap confidence interval, resampling rows (scenarios):
 *
 *   for b = 1..B: draw I_b = n row indices uniformly with replacement,
 *                 θ_b = statistic(I_b)
 *   CI = [Q(α/2), Q(1 − α/2)] of the finite θ_b,  α = 1 − level
 *
 * `statistic` receives one reused Int32Array of row indices: read it, do not
 * keep it. For speed, precompute per-row values (e.g. per-scenario F1) so the
 * statistic is a mean over the resampled rows ({@link bootstrapMeanCI}).
 * Resamples whose statistic is NaN are dropped; if none is left, [NaN, NaN].
 *
 * @example
 * const f1 = rate.scenarios.f1; // 132 per-scenario F1s
 * bootstrapCI(132, (idx) => { let s = 0; for (const i of idx) s += f1[i]; return s / idx.length; }, { seed: 1 })
 */
export function bootstrapCI(nRows: number, statistic: (rowIndices: Int32Array) => number, opts: BootstrapOptions): CI {
  const iterations = opts.iterations ?? 1000;
  const level = opts.level ?? 0.95;
  if (!Number.isInteger(nRows) || nRows < 1) return [NaN, NaN];
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError(`iterations must be a positive integer, got ${iterations}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const rng = makeRng(opts.seed);
  const idx = new Int32Array(nRows);
  const stats = new Float64Array(iterations);
  let kept = 0;
  for (let b = 0; b < iterations; b++) {
    rng.fillInt(idx, nRows);
    const s = statistic(idx);
    if (!Number.isNaN(s)) stats[kept++] = s;
  }
  if (kept === 0) return [NaN, NaN];
  const sorted = stats.subarray(0, kept).sort();
  const alpha = 1 - level;
  return [quantileSorted(sorted, alpha / 2), quantileSorted(sorted, 1 - alpha / 2)];
}

/**
 * Bootstrap CI of the mean of per-row values (NaN rows left out first):
 * the fast path for aggregates such as a country's mean F1 over its scenarios.
 *
 *   x = finite values (optionally only at `indices`), CI of mean(x*) over resamples x* of x
 *
 * @example bootstrapMeanCI(rate.scenarios.f1, { seed: 7 }) // CI of the overall F1
 */
export function bootstrapMeanCI(values: ArrayLike<number>, opts: BootstrapOptions, indices?: ArrayLike<number>): CI {
  const xs: number[] = [];
  const len = indices ? indices.length : values.length;
  for (let k = 0; k < len; k++) {
    const x = values[indices ? indices[k] : k];
    if (Number.isFinite(x)) xs.push(x);
  }
  const x = Float64Array.from(xs);
  const n = x.length;
  return bootstrapCI(
    n,
    (idx) => {
      let s = 0;
      for (let k = 0; k < n; k++) s += x[idx[k]];
      return s / n;
    },
    opts,
  );
}
