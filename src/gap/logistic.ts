import { shuffleInPlace, type Rng } from "../analysis/random";
import type { SparseMatrix } from "./sparse";

/**
 * Binary logistic regression with L2, class weights and a minimum feature
 * count, trained by FTRL-Proximal (McMahan et al. 2013, "Ad click prediction",
 * Algorithm 1 with λ1 = 0) over the sparse rows: per-coordinate adaptive
 * steps, O(nnz) per pass, no dense work per step, deterministic given the
 * seeded row order. For every training row i (shuffled each pass) with weight
 * c_i = n / (2·n_{y_i}) ("balanced", as sklearn) or 1:
 *
 *   w_j = −z_j / ((β + √n_j)/α + λ)          (lazily, only for the row's columns; λ = 0 for the intercept)
 *   p   = σ(Σ_j w_j x_ij)
 *   g_j = c_i (p − y_i) x_ij
 *   σ_j = (√(n_j + g_j²) − √n_j) / α,  z_j += g_j − σ_j w_j,  n_j += g_j²
 *
 * λ (`l2`) penalizes ½λ‖w‖² against the loss SUMMED over all updates (not the
 * mean), so larger data needs a larger λ for the same shrinkage; it is tuned
 * by nested CV anyway (evaluate.ts). Columns whose count of training rows
 * with a non-zero value is below `minCount` are left out (weight 0): the
 * vocabulary is cut inside the training fold, never on the test rows.
 * Features are used raw (counts, one-hots, log lengths): FTRL's per-coordinate
 * rates make standardization unnecessary, and rows stay sparse.
 */
export interface LogisticParams {
  l2: number;
  minCount: number;
}

export interface LogisticOptions {
  /** Passes over the training rows. */
  epochs: number;
  /** Passes when ranking the candidates of the inner CV (evaluate.ts); a cheaper fit ranks them as well. */
  tuningEpochs: number;
  alpha: number;
  beta: number;
  classWeight: "balanced" | "none";
}

export const DEFAULT_LOGISTIC_OPTIONS: LogisticOptions = { epochs: 2, tuningEpochs: 1, alpha: 0.1, beta: 1, classWeight: "balanced" };

const sigmoid = (t: number) => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

/** Columns with at least `minCount` training rows holding them (column 0, the intercept, always kept). */
export function columnMask(m: SparseMatrix, rows: ArrayLike<number>, minCount: number): Uint8Array {
  const mask = new Uint8Array(m.cols);
  if (minCount <= 1) {
    mask.fill(1);
    return mask;
  }
  const count = new Int32Array(m.cols);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) count[m.colIdx[k]]++;
  }
  for (let j = 0; j < m.cols; j++) mask[j] = count[j] >= minCount ? 1 : 0;
  mask[0] = 1;
  return mask;
}

/** Fitted weights (0 for masked columns); index 0 = intercept. */
export function fitLogistic(
  m: SparseMatrix,
  rows: ArrayLike<number>,
  y: ArrayLike<number>,
  params: LogisticParams,
  rng: Rng,
  options: Partial<LogisticOptions> = {},
): Float64Array {
  const o = { ...DEFAULT_LOGISTIC_OPTIONS, ...options };
  const mask = columnMask(m, rows, params.minCount);
  // per column, interleaved so one cache line holds a column's whole state: [z, n, √n, w]
  const st = new Float64Array(4 * m.cols);
  let n1 = 0;
  for (let r = 0; r < rows.length; r++) n1 += y[rows[r]] ? 1 : 0;
  const n0 = rows.length - n1;
  const balanced = o.classWeight === "balanced" && n0 > 0 && n1 > 0;
  const c0 = balanced ? rows.length / (2 * n0) : 1;
  const c1 = balanced ? rows.length / (2 * n1) : 1;
  const order = Int32Array.from(rows);
  const { alpha, beta } = o;
  const l2 = params.l2;
  const { rowPtr, colIdx, values } = m;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffleInPlace(order, rng);
    for (let r = 0; r < order.length; r++) {
      const i = order[r];
      const start = rowPtr[i];
      const end = rowPtr[i + 1];
      let t = 0;
      for (let k = start; k < end; k++) {
        const j = colIdx[k];
        if (!mask[j]) continue;
        const q = 4 * j;
        const wj = -st[q] / ((beta + st[q + 2]) / alpha + (j === 0 ? 0 : l2));
        st[q + 3] = wj;
        t += wj * values[k];
      }
      const yi = y[i] ? 1 : 0;
      const e = (yi ? c1 : c0) * (sigmoid(t) - yi);
      for (let k = start; k < end; k++) {
        const j = colIdx[k];
        if (!mask[j]) continue;
        const q = 4 * j;
        const g = e * values[k];
        const nj = st[q + 1] + g * g;
        const root = Math.sqrt(nj);
        st[q] += g - ((root - st[q + 2]) / alpha) * st[q + 3];
        st[q + 1] = nj;
        st[q + 2] = root;
      }
    }
  }
  const w = new Float64Array(m.cols);
  for (let j = 0; j < m.cols; j++) w[j] = mask[j] ? -st[4 * j] / ((beta + st[4 * j + 2]) / alpha + (j === 0 ? 0 : l2)) : 0;
  return w;
}

/** P(y = 1) = σ(w·x_i) for the given rows. */
export function predictLogistic(m: SparseMatrix, rows: ArrayLike<number>, w: Float64Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    let t = 0;
    for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) t += w[m.colIdx[k]] * m.values[k];
    out[r] = sigmoid(t);
  }
  return out;
}
