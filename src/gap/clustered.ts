import { bootstrapCI, type CI } from "../analysis/bootstrap";
import { confusion, f1 } from "../analysis/classification";
import { pairedTest } from "../analysis/paired";
import { rocAuc, sortedOrder } from "./auc";

/**
 * Scores of out-of-fold predictions with uncertainty that respects the
 * clustering of rows in scenarios (the rows of one scenario share its texts
 * and, for `choice`, the two rows of a pair have complementary labels):
 * every interval resamples SCENARIOS, never rows.
 */
export interface Clusters {
  /** Cluster (0..count−1) of every row. */
  of: Int32Array;
  count: number;
}

export function clustersOf(keys: readonly string[]): Clusters {
  const index = new Map<string, number>();
  const of = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    let c = index.get(keys[i]);
    if (c === undefined) index.set(keys[i], (c = index.size));
    of[i] = c;
  }
  return { of, count: index.size };
}

export interface Predictions {
  score: Float64Array;
  pred: Uint8Array;
}

function rowWeights(c: Clusters, multiplicity: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = multiplicity[c.of[i]];
  return out;
}

/**
 * 95% percentile intervals of AUC and F1 of one predictor by the scenario
 * cluster bootstrap: B resamples of the clusters with replacement, each row
 * weighted by its cluster's multiplicity (seeded; analysis/bootstrap.ts).
 */
export function clusterIntervals(y: Uint8Array, p: Predictions, c: Clusters, B: number, seed: number): { auc: CI; f1: CI } {
  const order = sortedOrder(p.score);
  const w = new Float64Array(y.length);
  const m = new Float64Array(c.count);
  const weightsOf = (idx: Int32Array) => {
    m.fill(0);
    for (let k = 0; k < idx.length; k++) m[idx[k]]++;
    return rowWeights(c, m, w);
  };
  const auc = bootstrapCI(c.count, (idx) => rocAuc(y, p.score, weightsOf(idx), order) ?? NaN, { seed, iterations: B });
  const f = bootstrapCI(c.count, (idx) => f1(confusion(y, p.pred, 1, weightsOf(idx))), { seed: seed + 1, iterations: B });
  return { auc, f1: f };
}

/**
 * Per-row AUC pseudo-values from DeLong's structural components:
 *   positive i: V_i = (#{negatives j: s_j < s_i} + ½ #{s_j = s_i}) / n₀
 *   negative j: V_j = (#{positives i: s_i > s_j} + ½ #{s_i = s_j}) / n₁
 *   ψ_i = AUC + (n / n_{y_i}) · (V_i − AUC)
 * The mean of ψ over all n rows is the AUC, and resampling rows gives the
 * mean of ψ DeLong's variance S₁₀/n₁ + S₀₁/n₀ to first order, so the AUC
 * difference of two predictors is the mean of per-row differences ψᴮ − ψᴬ:
 * a paired mean that analysis/paired.ts can test on clustered units.
 * Example: y = [0,0,1,1], s = [0.1,0.4,0.35,0.8]: AUC ¾, V = [1, ½, ½, 1],
 * ψ = [1.25, 0.25, 0.25, 1.25] (mean ¾).
 */
export function aucComponents(y: ArrayLike<number>, score: ArrayLike<number>): Float64Array {
  const order = sortedOrder(score);
  let n1 = 0;
  for (let i = 0; i < y.length; i++) n1 += y[i] ? 1 : 0;
  const n = y.length;
  const n0 = n - n1;
  const psi = new Float64Array(n);
  if (n1 === 0 || n0 === 0) return psi.fill(NaN);
  let negBelow = 0;
  let posBelow = 0;
  let auc = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    let p = 0;
    let q = 0;
    while (j < order.length && score[order[j]] === score[order[i]]) {
      if (y[order[j]]) p++;
      else q++;
      j++;
    }
    const vPos = (negBelow + q / 2) / n0;
    const vNeg = (n1 - posBelow - p + p / 2) / n1;
    for (let k = i; k < j; k++) psi[order[k]] = y[order[k]] ? vPos : vNeg;
    auc += p * vPos;
    negBelow += q;
    posBelow += p;
    i = j;
  }
  auc /= n1;
  for (let k = 0; k < n; k++) psi[k] = auc + (n / (y[k] ? n1 : n0)) * (psi[k] - auc);
  return psi;
}

export type Gain = {
  /** b − a (positive = b better), on the pooled out-of-fold predictions. */
  auc: number;
  f1: number;
  ci95: { auc: CI; f1: CI };
  /** Two-sided paired permutation p of the AUC gain (scenario-wise sign flips). */
  p: number;
  scheme: "scenarios-paired";
  resamples: number;
  permutations: number;
};

/**
 * The gain of predictor b over predictor a on the same rows, with scenarios
 * as the shared units:
 * - AUC: analysis/paired.ts `pairedTest` on the per-row structural components
 *   ψᴮ − ψᴬ (aucComponents) clustered by scenario: paired cluster bootstrap CI
 *   and sign-flip permutation p of the scenario sums (the components are held
 *   at their full-data values, DeLong's linearization);
 * - F1: paired scenario bootstrap of F1ᴮ − F1ᴬ, both recomputed on the same
 *   resampled scenarios (analysis/bootstrap.ts).
 */
export function pairedGain(y: Uint8Array, a: Predictions, b: Predictions, c: Clusters, B: number, seed: number): Gain {
  const t = pairedTest(aucComponents(y, b.score), aucComponents(y, a.score), { seed, resamples: B, permutations: Math.max(B, 1000), clusters: c.of, scheme: "scenarios-paired" });
  const w = new Float64Array(y.length);
  const m = new Float64Array(c.count);
  const f1Ci = bootstrapCI(
    c.count,
    (idx) => {
      m.fill(0);
      for (let k = 0; k < idx.length; k++) m[idx[k]]++;
      rowWeights(c, m, w);
      return f1(confusion(y, b.pred, 1, w)) - f1(confusion(y, a.pred, 1, w));
    },
    { seed: seed + 1, iterations: B },
  );
  return {
    auc: (rocAuc(y, b.score) ?? NaN) - (rocAuc(y, a.score) ?? NaN),
    f1: f1(confusion(y, b.pred)) - f1(confusion(y, a.pred)),
    ci95: { auc: t.ci95, f1: f1Ci },
    p: t.p,
    scheme: "scenarios-paired",
    resamples: t.resamples,
    permutations: t.permutations,
  };
}
