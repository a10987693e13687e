import { COUNTRIES } from "../catalog/countries";
import { TOPICS } from "../catalog/topics";
import type { Protocol } from "../protocol";
import { assertSameShape, assertScenarioMatrix, makeMatrix, ROWS_OF_COUNTRY, ROWS_OF_TOPIC, type Matrix } from "./matrix";

/**
 * The two forms of alignment distance (method.md §6.2, §12 item 5):
 *  - `cell-mean` (paper text):        D_Gk = (1/|G|) Σ_{i∈G} |v_ik − a_ik|
 *  - `group-mean` (authors' figures): D_Gk = | (1/|G|) Σ_{i∈G} v_ik − (1/|G|) Σ_{i∈G} a_ik |
 * Over the same cells, cell-mean ≥ group-mean (triangle inequality); they differ when a group's
 * scenarios disagree in different directions (Claude, all cells: 0.241 vs 0.183).
 */
export type DistanceForm = "cell-mean" | "group-mean";

export interface GroupDistance {
  /** groups × cols distances (NaN where a group has no usable cell). */
  distance: Matrix;
  /** groups × cols number of rows used (both v and a present). */
  n: Matrix;
}

/**
 * Distance per (row group, column) in either form, on matrices of any shape.
 *
 * Missing values: the cell-mean form averages |v − a| over the rows where both
 * are present (pandas' skipna). The group-mean form under `paper` averages v
 * and a each over its own present rows (pandas column means, as the authors'
 * figures); under `robust` both means run over the same rows, those where v
 * and a are both present, so the two means describe the same scenarios.
 * `n` counts the rows where both are present.
 *
 * @example
 * // 2 rows in one group, 1 column: v = [0, 1], a = [1, 0]
 * // cell-mean = (|0−1| + |1−0|)/2 = 1; group-mean = |0.5 − 0.5| = 0
 */
export function groupDistance(
  V: Matrix,
  A: Matrix,
  groups: ReadonlyArray<ArrayLike<number>>,
  form: DistanceForm,
  protocol: Protocol,
): GroupDistance {
  assertSameShape(V, A);
  const cols = V.cols;
  const distance = makeMatrix(groups.length, cols);
  const n = makeMatrix(groups.length, cols, 0);
  for (let g = 0; g < groups.length; g++) {
    const rows = groups[g];
    for (let j = 0; j < cols; j++) {
      let sumAbs = 0;
      let sumV = 0;
      let sumA = 0;
      let paired = 0;
      let nV = 0;
      let nA = 0;
      let soloV = 0;
      let soloA = 0;
      for (let k = 0; k < rows.length; k++) {
        const at = rows[k] * cols + j;
        const v = V.data[at];
        const a = A.data[at];
        const hasV = !Number.isNaN(v);
        const hasA = !Number.isNaN(a);
        if (hasV) {
          soloV += v;
          nV++;
        }
        if (hasA) {
          soloA += a;
          nA++;
        }
        if (hasV && hasA) {
          sumAbs += Math.abs(v - a);
          sumV += v;
          sumA += a;
          paired++;
        }
      }
      n.data[g * cols + j] = paired;
      let d = NaN;
      if (form === "cell-mean") {
        if (paired > 0) d = sumAbs / paired;
      } else if (protocol === "robust") {
        if (paired > 0) d = Math.abs(sumV / paired - sumA / paired);
      } else if (nV > 0 && nA > 0) {
        d = Math.abs(soloV / nV - soloA / nA);
      }
      distance.data[g * cols + j] = d;
    }
  }
  return { distance, n };
}

export interface DistanceTables {
  form: DistanceForm;
  /** 12 × 56, rows in COUNTRIES order (heatmap C of paper Fig. 4). */
  byCountry: Matrix;
  /** 11 × 56, rows in TOPICS order (Fig. 7 C). */
  byTopic: Matrix;
  /** 56 values over all 132 scenarios. */
  overall: Float64Array;
  nByCountry: Matrix;
  nByTopic: Matrix;
  nOverall: Float64Array;
}

const COUNTRY_GROUPS = COUNTRIES.map((c) => ROWS_OF_COUNTRY[c]);
const TOPIC_GROUPS = TOPICS.map((t) => ROWS_OF_TOPIC[t]);
const ALL_ROWS = [Int32Array.from({ length: COUNTRIES.length * TOPICS.length }, (_, i) => i)];

function tables(V: Matrix, A: Matrix, form: DistanceForm, protocol: Protocol): DistanceTables {
  assertScenarioMatrix(V, "V");
  assertScenarioMatrix(A, "A");
  const c = groupDistance(V, A, COUNTRY_GROUPS, form, protocol);
  const t = groupDistance(V, A, TOPIC_GROUPS, form, protocol);
  const o = groupDistance(V, A, ALL_ROWS, form, protocol);
  return {
    form,
    byCountry: c.distance,
    byTopic: t.distance,
    overall: o.distance.data,
    nByCountry: c.n,
    nByTopic: t.n,
    nOverall: o.n.data,
  };
}

/**
 * Paper-text distance by country, topic and overall (mean of absolute differences):
 *
 *   D_Ck = (1/|C|) Σ_{i∈C} |v_ik − a_ik|
 *
 * @example distanceCellMean(V, A, "paper").byCountry // 12 × 56
 */
export const distanceCellMean = (V: Matrix, A: Matrix, protocol: Protocol): DistanceTables =>
  tables(V, A, "cell-mean", protocol);

/**
 * Figure distance by country, topic and overall (absolute difference of means),
 * as in the authors' heatmaps and ranking bars:
 *
 *   D_Ck = | mean_{i∈C} v_ik − mean_{i∈C} a_ik |
 *
 * @example distanceGroupMean(V, A, "paper").byTopic // 11 × 56
 */
export const distanceGroupMean = (V: Matrix, A: Matrix, protocol: Protocol): DistanceTables =>
  tables(V, A, "group-mean", protocol);

/**
 * Per-cell distance D_ik = |v_ik − a_ik| (paper Eq. 1), NaN where either is missing.
 * @example cellDistance(fromRows([[0.2]]), fromRows([[1]])) // [[0.8]]
 */
export function cellDistance(V: Matrix, A: Matrix): Matrix {
  assertSameShape(V, A);
  const out = makeMatrix(V.rows, V.cols);
  for (let k = 0; k < out.data.length; k++) out.data[k] = Math.abs(V.data[k] - A.data[k]);
  return out;
}

/**
 * Per-value distance over all rows with row weights w_i (the overall column
 * of {@link distanceCellMean} / {@link distanceGroupMean} when every w_i = 1):
 *
 *   cell-mean:  D_k = Σ_i w_i |v_ik − a_ik| / Σ_i w_i            (i with v, a present)
 *   group-mean: D_k = | Σ_i w_i v_ik / Σ_i w_i − Σ_i w_i a_ik / Σ_i w_i |
 *
 * with the missing-value rules of {@link groupDistance} (group-mean under
 * `paper`: each mean over its own present rows). A bootstrap passes resample
 * multiplicities as weights; `rows` restricts the sums to some rows (a
 * country's or a topic's scenarios; weights are still indexed by row).
 * Writes the 56 distances into `out` and returns their mean over the values
 * that have one (the model's overall distance).
 * `complete` = neither V nor A has a missing cell ({@link hasNoMissing}):
 * a bootstrap knows it once for its thousands of calls and passes it, which
 * takes the path without presence checks (~30% of a ranking stability run);
 * left out, the general path runs (same doubles either way).
 *
 * @example
 * // rows v = [0, 1], a = [1, 0], w = [1, 1]: cell-mean 1, group-mean 0
 */
export function weightedValueDistance(
  V: Matrix,
  A: Matrix,
  weights: ArrayLike<number>,
  form: DistanceForm,
  protocol: Protocol,
  out: Float64Array = new Float64Array(V.cols),
  rows?: ArrayLike<number>,
  complete = false,
): number {
  assertSameShape(V, A);
  const cols = V.cols;
  const nRows = rows ? rows.length : V.rows;
  if (complete) return completeValueDistance(V, A, weights, form, out, rows);
  // Row-major accumulation into per-column sums (a bootstrap calls this tens of thousands of times).
  if (scratch.length < 8 * cols) scratch = new Float64Array(8 * cols);
  const acc = scratch;
  acc.fill(0, 0, 8 * cols);
  const vd = V.data;
  const ad = A.data;
  for (let r = 0; r < nRows; r++) {
    const i = rows ? rows[r] : r;
    const w = weights[i];
    if (w === 0) continue;
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const v = vd[base + j];
      const a = ad[base + j];
      const o = j * 8;
      const hasV = v === v;
      const hasA = a === a;
      if (hasV) {
        acc[o] += w * v;
        acc[o + 1] += w;
      }
      if (hasA) {
        acc[o + 2] += w * a;
        acc[o + 3] += w;
      }
      if (hasV && hasA) {
        acc[o + 4] += w * Math.abs(v - a);
        acc[o + 5] += w * v;
        acc[o + 6] += w * a;
        acc[o + 7] += w;
      }
    }
  }
  let total = 0;
  let counted = 0;
  for (let j = 0; j < cols; j++) {
    const o = j * 8;
    const wPaired = acc[o + 7];
    let d = NaN;
    if (form === "cell-mean") {
      if (wPaired > 0) d = acc[o + 4] / wPaired;
    } else if (protocol === "robust") {
      if (wPaired > 0) d = Math.abs(acc[o + 5] / wPaired - acc[o + 6] / wPaired);
    } else if (acc[o + 1] > 0 && acc[o + 3] > 0) {
      d = Math.abs(acc[o] / acc[o + 1] - acc[o + 2] / acc[o + 3]);
    }
    out[j] = d;
    if (!Number.isNaN(d)) {
      total += d;
      counted++;
    }
  }
  return counted === 0 ? NaN : total / counted;
}

/** Accumulators of weightedValueDistance: per column Σw·v, Σw (v present), Σw·a, Σw (a present), then over paired cells Σw|v−a|, Σw·v, Σw·a, Σw. */
let scratch = new Float64Array(8 * 56);

/** Whether a matrix has no missing (NaN) cell: the `complete` argument of weightedValueDistance. */
export function hasNoMissing(m: Matrix): boolean {
  const data = m.data;
  for (let k = 0; k < data.length; k++) if (data[k] !== data[k]) return false;
  return true;
}

/**
 * weightedValueDistance without missing cells: the same sums in the same
 * order (so the same doubles, ties included), without the presence checks.
 * Every form then has one weight total; group-mean needs Σw·v and Σw·a per
 * column, cell-mean Σw·|v − a|.
 */
function completeValueDistance(
  V: Matrix,
  A: Matrix,
  weights: ArrayLike<number>,
  form: DistanceForm,
  out: Float64Array,
  rows?: ArrayLike<number>,
): number {
  const cols = V.cols;
  const nRows = rows ? rows.length : V.rows;
  if (scratch.length < 2 * cols) scratch = new Float64Array(2 * cols);
  const acc = scratch;
  acc.fill(0, 0, 2 * cols);
  const vd = V.data;
  const ad = A.data;
  let wSum = 0;
  for (let r = 0; r < nRows; r++) {
    const i = rows ? rows[r] : r;
    const w = weights[i];
    if (w === 0) continue;
    wSum += w;
    const base = i * cols;
    if (form === "cell-mean") {
      for (let j = 0; j < cols; j++) acc[j] += w * Math.abs(vd[base + j] - ad[base + j]);
    } else {
      for (let j = 0; j < cols; j++) {
        acc[2 * j] += w * vd[base + j];
        acc[2 * j + 1] += w * ad[base + j];
      }
    }
  }
  if (wSum === 0) {
    out.fill(NaN, 0, cols);
    return NaN;
  }
  let total = 0;
  for (let j = 0; j < cols; j++) {
    const d = form === "cell-mean" ? acc[j] / wSum : Math.abs(acc[2 * j] / wSum - acc[2 * j + 1] / wSum);
    out[j] = d;
    total += d;
  }
  return total / cols;
}
