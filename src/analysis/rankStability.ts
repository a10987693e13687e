import { COUNTRIES, type Country } from "../catalog/countries";
import { TOPICS, type Topic } from "../catalog/topics";
import { VALUES, type Value } from "../catalog/values";
import type { Protocol } from "../protocol";
import type { CrossedWeights } from "./crossedBootstrap";
import { hasNoMissing, weightedValueDistance, type DistanceForm } from "./distance";
import type { ResampleScheme } from "./interval";
import { assertScenarioMatrix, ROWS_OF_COUNTRY, ROWS_OF_TOPIC, type Matrix } from "./matrix";

/** Bootstrap stability of one ranking of the 56 values by distance. */
export interface RankStability {
  scheme: ResampleScheme;
  /** Observed rank of each value (1 = largest distance; ties by group order, as rankValues). */
  rank: Record<Value, number>;
  /** 95% interval of each value's rank over the resamples (integer: floor / ceil of the percentiles). */
  rankCi95: Record<Value, [number, number]>;
  /** The observed top 5 and the share of resamples in which each is still in the top 5. */
  top5: Array<{ value: Value; rank: number; pTop5: number }>;
  /** Share of resamples whose first value is the observed first. */
  pTop1Stays: number;
  resamples: number;
}

export interface RankingStability {
  form: DistanceForm;
  seed: number;
  resamples: number;
  overall: RankStability;
  byCountry: Record<Country, RankStability>;
  byTopic: Record<Topic, RankStability>;
}

/**
 * Ranks of distances: rank_k = 1 + #{j : d_j > d_k, or d_j = d_k and j < k};
 * NaN distances rank last (in group order), as analysis/ranking.ts orders them.
 * (Distances are ≥ 0, so NaN is keyed as −∞.)
 */
export function ranksOf(d: ArrayLike<number>, out: Int32Array = new Int32Array(d.length)): Int32Array {
  const n = d.length;
  if (rankKey.length !== n) {
    rankKey = new Float64Array(n);
    rankSorted = new Float64Array(n);
  }
  const key = rankKey;
  const sorted = rankSorted;
  for (let k = 0; k < n; k++) key[k] = Number.isNaN(d[k]) ? -Infinity : d[k];
  // A native numeric sort and two binary searches per value (this runs ~24,000 times per model).
  sorted.set(key);
  sorted.sort();
  let seen: Map<number, number> | null = null;
  for (let k = 0; k < n; k++) {
    const x = key[k];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    let before = 0;
    // Ties are rare: look for the first equal entry only when the one below the last equal is equal too.
    if (lo >= 2 && sorted[lo - 2] === x) {
      seen ??= new Map();
      before = seen.get(x) ?? 0;
      seen.set(x, before + 1);
    }
    out[k] = 1 + (n - lo) + before;
  }
  return out;
}

let rankKey = new Float64Array(56);
let rankSorted = new Float64Array(56);

function stability(
  observed: Float64Array,
  resamples: number,
  scheme: ResampleScheme,
  level: number,
  distancesOf: (b: number, out: Float64Array) => void,
): RankStability {
  const n = VALUES.length;
  const obsRank = ranksOf(observed);
  const ranks = new Int32Array(resamples * n);
  const d = new Float64Array(n);
  const r = new Int32Array(n);
  for (let b = 0; b < resamples; b++) {
    distancesOf(b, d);
    ranksOf(d, r);
    ranks.set(r, b * n);
  }
  const alpha = 1 - level;
  // Ranks are integers 1..n: their sorted order is a histogram, so a quantile is read off the
  // cumulative counts (quantileSorted's type-7 rule at the two neighbouring order statistics).
  const hist = new Int32Array(n + 1);
  const orderStat = (index: number): number => {
    let seen = 0;
    for (let r = 1; r <= n; r++) {
      seen += hist[r];
      if (seen > index) return r;
    }
    return n;
  };
  const quantile = (q: number): number => {
    const h = (resamples - 1) * q;
    const lo = Math.floor(h);
    const x = orderStat(lo);
    return h === lo ? x : x + (h - lo) * (orderStat(lo + 1) - x);
  };
  const rank = {} as Record<Value, number>;
  const rankCi95 = {} as Record<Value, [number, number]>;
  VALUES.forEach((v, k) => {
    hist.fill(0);
    for (let b = 0; b < resamples; b++) hist[ranks[b * n + k]]++;
    rank[v] = obsRank[k];
    rankCi95[v] = [Math.floor(quantile(alpha / 2)), Math.ceil(quantile(1 - alpha / 2))];
  });
  const byRank = Array.from({ length: n }, (_, k) => k).sort((x, y) => obsRank[x] - obsRank[y]);
  const share = (k: number, maxRank: number) => {
    let hits = 0;
    for (let b = 0; b < resamples; b++) if (ranks[b * n + k] <= maxRank) hits++;
    return hits / resamples;
  };
  return {
    scheme,
    rank,
    rankCi95,
    top5: byRank.slice(0, 5).map((k) => ({ value: VALUES[k], rank: obsRank[k], pTop5: share(k, 5) })),
    pTop1Stays: share(byRank[0], 1),
    resamples,
  };
}

/**
 * Stability of the alignment rankings (issue 10 item 7): for each ranking,
 * recompute the 56 distances on every resample, rank them, and report each
 * value's rank interval and how often the observed top 5 stays in the top 5.
 *
 *   country c:  resample its topics (multiplicities n_t):   D*_k = dist over {(c, t) : n_t}
 *   topic t:    resample its countries (m_c)
 *   overall:    crossed (w_ct = m_c · n_t)
 *   dist = weightedValueDistance in `form` (the published rankings use group-mean)
 *
 * All from one crossed weight table (crossedBootstrap.ts), so the resamples
 * are the model's other intervals' resamples.
 *
 * @example rankingStability(V, A, "paper", crossedWeights({ seed: 1 })).byCountry.Philippines.top5
 */
export function rankingStability(V: Matrix, A: Matrix, protocol: Protocol, w: CrossedWeights, form: DistanceForm = "group-mean"): RankingStability {
  assertScenarioMatrix(V, "V");
  assertScenarioMatrix(A, "A");
  const NC = COUNTRIES.length;
  const NT = TOPICS.length;
  const weights = new Float64Array(V.rows);
  // Known once for the ~24,000 distance calls below (the matrices do not change during them).
  const complete = hasNoMissing(V) && hasNoMissing(A);
  const observedOf = (rows?: ArrayLike<number>) => {
    const d = new Float64Array(V.cols);
    weightedValueDistance(V, A, new Float64Array(V.rows).fill(1), form, protocol, d, rows, complete);
    return d;
  };
  const overall = stability(observedOf(), w.resamples, "crossed", w.level, (b, out) => {
    for (let c = 0; c < NC; c++) for (let t = 0; t < NT; t++) weights[c * NT + t] = w.country[b * NC + c] * w.topic[b * NT + t];
    weightedValueDistance(V, A, weights, form, protocol, out, undefined, complete);
  });
  // One marginal ranking: the rows of a country (resampling topics) or of a topic (resampling countries).
  const marginal = (rows: Int32Array, multiplicity: Float64Array, units: number, scheme: ResampleScheme) =>
    stability(observedOf(rows), w.resamples, scheme, w.level, (b, out) => {
      for (let u = 0; u < units; u++) weights[rows[u]] = multiplicity[b * units + u];
      weightedValueDistance(V, A, weights, form, protocol, out, rows, complete);
    });
  const byCountry = Object.fromEntries(COUNTRIES.map((c) => [c, marginal(ROWS_OF_COUNTRY[c], w.topic, NT, "topics")])) as Record<
    Country,
    RankStability
  >;
  const byTopic = Object.fromEntries(TOPICS.map((t) => [t, marginal(ROWS_OF_TOPIC[t], w.country, NC, "countries")])) as Record<
    Topic,
    RankStability
  >;
  return { form, seed: w.seed, resamples: w.resamples, overall, byCountry, byTopic };
}
