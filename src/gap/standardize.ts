import type { SparseMatrix } from "./sparse";

/**
 * Column standardization z = (x − mean) · scale with scale = 1/std
 * (population std, as sklearn's StandardScaler), fitted on the TRAINING rows
 * only and applied unchanged to the test rows. Column 0 is the intercept and
 * is left at 1 (mean 0, scale 1); a column that is constant on the training
 * rows gets scale 0, i.e. it is switched off rather than divided by zero.
 */
export interface Standardizer {
  mean: Float64Array;
  scale: Float64Array;
}

export function fitStandardizer(m: SparseMatrix, rows: ArrayLike<number>): Standardizer {
  const sum = new Float64Array(m.cols);
  const sumSq = new Float64Array(m.cols);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) {
      const v = m.values[k];
      sum[m.colIdx[k]] += v;
      sumSq[m.colIdx[k]] += v * v;
    }
  }
  const n = rows.length;
  const mean = new Float64Array(m.cols);
  const scale = new Float64Array(m.cols);
  for (let j = 1; j < m.cols; j++) {
    if (n === 0) continue;
    const mu = sum[j] / n;
    const variance = Math.max(0, sumSq[j] / n - mu * mu);
    const sd = Math.sqrt(variance);
    mean[j] = mu;
    scale[j] = sd > 1e-12 * Math.max(1, Math.abs(mu)) ? 1 / sd : 0;
  }
  mean[0] = 0;
  scale[0] = 1;
  return { mean, scale };
}

/** Dense standardized rows (intercept column 0 = 1), for engines that need a dense matrix. */
export function standardizedDense(m: SparseMatrix, rows: ArrayLike<number>, st: Standardizer): Float64Array[] {
  const out: Float64Array[] = [];
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    const z = new Float64Array(m.cols);
    for (let j = 0; j < m.cols; j++) z[j] = -st.mean[j] * st.scale[j];
    z[0] = 0;
    for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) {
      const j = m.colIdx[k];
      z[j] = (m.values[k] - st.mean[j]) * st.scale[j];
    }
    z[0] = 1;
    out.push(z);
  }
  return out;
}
