import { makeRng, type Rng } from "./random";

export interface BootstrapOptions {
  /** Seed of the PRNG (src/analysis/random.ts); the same seed gives the same interval. */
  seed: number;
  /** An injected generator to draw from instead of makeRng(seed) (to share one stream across several intervals). */
  rng?: Rng;
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
  if (h === lo) return sorted[lo];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

/**
 * Percentile interval of resampled statistics, the finite ones only (a
 * resample whose statistic is undefined, NaN, is dropped):
 *
 *   α = 1 − level,  CI = [Q(α/2), Q(1 − α/2)]  ({@link quantileSorted})
 *
 * [NaN, NaN] when no statistic is finite.
 *
 * @example percentileInterval([4, NaN, 1, 3, 2], 0.5) // [1.75, 3.25]
 */
export function percentileInterval(stats: ArrayLike<number>, level = 0.95): CI {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const finite: number[] = [];
  for (let k = 0; k < stats.length; k++) if (Number.isFinite(stats[k])) finite.push(stats[k]);
  if (finite.length === 0) return [NaN, NaN];
  const sorted = Float64Array.from(finite).sort();
  const alpha = 1 - level;
  return [quantileSorted(sorted, alpha / 2), quantileSorted(sorted, 1 - alpha / 2)];
}

/**
 * Multiplicities of one bootstrap resample of n units: n draws with
 * replacement, out[i] = how often unit i was drawn (Σ out = n), to weight
 * units instead of copying them (weighted F1, weighted AUC, a cluster's rows).
 *
 *   for k = 1..n: out[rng.int(n)] += 1
 *
 * @example resampleCounts(3, makeRng(1)) // e.g. [1, 0, 2]: three draws of units 0..2
 */
export function resampleCounts(n: number, rng: Rng, out = new Float64Array(n)): Float64Array {
  out.fill(0);
  for (let i = 0; i < n; i++) out[rng.int(n)]++;
  return out;
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
 * Resamples whose statistic is not finite are dropped; if none is left, [NaN, NaN].
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
  const rng = opts.rng ?? makeRng(opts.seed);
  const idx = new Int32Array(nRows);
  const stats = new Float64Array(iterations);
  for (let b = 0; b < iterations; b++) {
    rng.fillInt(idx, nRows);
    stats[b] = statistic(idx);
  }
  return percentileInterval(stats, level);
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
