import { bootstrapCI, percentileInterval } from "./bootstrap";
import { crossedRatios, crossedWeights, type CrossedWeights } from "./crossedBootstrap";
import type { ResampleScheme } from "./interval";
import { pairedPermutationTest } from "./permutation";

/**
 * Paired comparisons on shared units (issue 10 item 8, design.md §8): two
 * scores measured on the SAME units — two models on the same scenarios, two
 * countries on the same topics, a predictor and its baseline on the same
 * test items — compared through the per-unit differences
 *
 *   d_i = a_i − b_i,   D = Σ_i d_i / n   (units with both scores finite)
 *
 * Two designs:
 *  - {@link pairedTest}: independent units, or independent CLUSTERS of units
 *    (e.g. gap-prediction items grouped by scenario: items of one scenario
 *    share its answers, so the scenario is the unit of resampling). With
 *    cluster sums S_g = Σ_{i∈g} d_i and sizes n_g:
 *      p  = sign-flip permutation test of the S_g (each cluster's difference is
 *           as likely to be −S_g under H0: no difference), two-sided,
 *           exact over all 2^G sign vectors when 2^G ≤ permutations, else
 *           Monte Carlo with p = (1 + #extreme) / (1 + B) (analysis/permutation.ts);
 *      CI = percentile bootstrap of Σ S*_g / Σ n*_g over clusters drawn with replacement.
 *  - {@link crossedPairedTest}: per-scenario scores of the crossed study
 *    (12 countries × 11 topics), e.g. model-vs-model F1. Sign flips of single
 *    scenarios would ignore the country and topic effects the two models
 *    share, so both the CI and the p-value come from the crossed bootstrap
 *    (analysis/crossedBootstrap.ts) of D:
 *      CI = percentile interval of D*_b,
 *      p  = min(1, 2 · (1 + #{b : D*_b on the far side of 0}) / (1 + B))
 *           (the percentile interval inverted: p < 0.05 iff 0 lies outside the 95% CI,
 *            up to the +1 that keeps a resampling p-value above 0).
 *
 * Use the result's `p` with {@link benjaminiHochberg} (multipleTesting.ts)
 * when several comparisons are claimed at once.
 */
export interface PairedResult {
  /** Mean paired difference D = mean(a − b). */
  diff: number;
  ci95: [number, number];
  /** Two-sided p-value of H0: no difference. */
  p: number;
  scheme: ResampleScheme;
  seed: number;
  resamples: number;
  /** Sign patterns evaluated (0 for the crossed design, whose p comes from the resamples). */
  permutations: number;
  /** Units compared (pairs with both scores finite). */
  n: number;
  /** Clusters (= n without clustering; 132 scenarios for the crossed design). */
  clusters: number;
  /** True when the permutation p enumerated every sign vector. */
  exact: boolean;
}

export interface PairedOptions {
  seed: number;
  /** Bootstrap resamples; default 1000. */
  resamples?: number;
  /** Sign-flip permutations; default 10000 (exact below that many sign vectors). */
  permutations?: number;
  level?: number;
  /** Cluster id of each unit (any integers); units of one cluster are resampled and sign-flipped together. */
  clusters?: ArrayLike<number>;
  /** Scheme recorded on the result; default "scenarios-paired" (e.g. "topics" for two countries, "items-paired"). */
  scheme?: ResampleScheme;
}

/**
 * Paired sign-flip test and paired (cluster) bootstrap of mean(a − b); see the module comment.
 *
 * @example
 * // two countries on their 11 shared topics
 * pairedTest(f1OfCountry1ByTopic, f1OfCountry2ByTopic, { seed: 1, scheme: "topics" })
 * // gap prediction: model vs baseline correctness per test item, clustered by scenario
 * pairedTest(correctModel, correctBaseline, { seed: 1, clusters: scenarioOfItem, scheme: "items-paired" })
 */
export function pairedTest(a: ArrayLike<number>, b: ArrayLike<number>, opts: PairedOptions): PairedResult {
  if (a.length !== b.length) throw new RangeError(`paired samples differ in length: ${a.length} vs ${b.length}`);
  if (opts.clusters && opts.clusters.length !== a.length) throw new RangeError(`${opts.clusters.length} cluster ids for ${a.length} units`);
  const resamples = opts.resamples ?? 1000;
  const permutations = opts.permutations ?? 10000;
  const index = new Map<number, number>();
  const sums: number[] = [];
  const sizes: number[] = [];
  let n = 0;
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    if (!Number.isFinite(d)) continue;
    const id = opts.clusters ? opts.clusters[i] : i;
    let g = index.get(id);
    if (g === undefined) {
      g = sums.length;
      index.set(id, g);
      sums.push(0);
      sizes.push(0);
    }
    sums[g] += d;
    sizes[g]++;
    n++;
    total += d;
  }
  const scheme = opts.scheme ?? "scenarios-paired";
  const G = sums.length;
  if (G === 0) {
    return { diff: NaN, ci95: [NaN, NaN], p: NaN, scheme, seed: opts.seed, resamples, permutations: 0, n: 0, clusters: 0, exact: false };
  }
  const S = Float64Array.from(sums);
  const N = Float64Array.from(sizes);
  const perm = pairedPermutationTest(S, new Float64Array(G), { seed: opts.seed, iterations: permutations });
  const ci95 = bootstrapCI(
    G,
    (idx) => {
      let s = 0;
      let m = 0;
      for (let k = 0; k < idx.length; k++) {
        s += S[idx[k]];
        m += N[idx[k]];
      }
      return s / m;
    },
    { seed: opts.seed, iterations: resamples, level: opts.level },
  );
  return { diff: total / n, ci95, p: perm.p, scheme, seed: opts.seed, resamples, permutations: perm.iterations, n, clusters: G, exact: perm.exact };
}

/**
 * Paired comparison of two per-scenario scores (132 each, SCENARIOS order)
 * by the crossed bootstrap; scenarios where either score is NaN are left out.
 * Pass the model's weight table to share its resamples, or options to draw one.
 *
 * @example crossedPairedTest(rateA.scenarios.f1, rateB.scenarios.f1, { seed: 1 }) // model A vs model B
 */
export function crossedPairedTest(a: ArrayLike<number>, b: ArrayLike<number>, weights: CrossedWeights | { seed: number; resamples?: number; level?: number }): PairedResult {
  if (a.length !== b.length) throw new RangeError(`paired samples differ in length: ${a.length} vs ${b.length}`);
  const w = "country" in weights ? weights : crossedWeights(weights);
  const num = new Float64Array(a.length);
  const den = new Float64Array(a.length);
  let n = 0;
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    if (!Number.isFinite(d)) continue;
    num[i] = d;
    den[i] = 1;
    n++;
    total += d;
  }
  const diff = n === 0 ? NaN : total / n;
  const stats = crossedRatios(w, num, den);
  let below = 0;
  let above = 0;
  let used = 0;
  for (const s of stats) {
    if (!Number.isFinite(s)) continue;
    used++;
    if (s <= 0) below++;
    if (s >= 0) above++;
  }
  const far = diff >= 0 ? below : above;
  const p = used === 0 || n === 0 ? NaN : Math.min(1, (2 * (1 + far)) / (1 + used));
  return {
    diff,
    ci95: percentileInterval(stats, w.level),
    p,
    scheme: "crossed",
    seed: w.seed,
    resamples: w.resamples,
    permutations: 0,
    n,
    clusters: n,
    exact: false,
  };
}
