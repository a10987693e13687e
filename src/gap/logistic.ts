import { Matrix } from "ml-matrix";
import type { SparseMatrix } from "./sparse";
import { standardizedDense, type Standardizer } from "./standardize";
import { shuffleInPlace, type Rng } from "../analysis/random";

/**
 * Binary logistic regression on standardized features (standardize.ts) with
 * the intercept in column 0, two engines:
 *
 * - `sparse` (default): our own L2-regularized, class-weighted logistic
 *   regression trained by mini-batch Adam on the sparse rows. It minimizes
 *     L(w) = (1/Σc_i) Σ_i c_i·logloss(y_i, σ(w·z_i)) + (λ/2)·Σ_{j≥1} w_j²
 *   with z_i = (x_i − mean)·scale and class weights c_i = n / (2·n_{y_i})
 *   (sklearn's "balanced"). Standardization is applied implicitly,
 *     w·z_i = w_0 + Σ_{j∈nz(i)} w_j s_j x_ij − Σ_j w_j s_j m_j,
 *   so rows stay sparse and one epoch costs O(nnz + batches·d).
 *   Deterministic given the seeded shuffle (rng).
 * - `ml-logistic-regression` (the named library, kept selectable):
 *   full-batch gradient ascent on a dense ml-matrix, no regularization and no
 *   class weights, so the training rows are balanced by seeded undersampling
 *   of the majority class. The library trains one-vs-all (two classifiers for
 *   two classes), materializes d×n transposes every step and defaults to 50,000
 *   steps; bench/gap.ts measures why it is not the default.
 */
export type Engine = "sparse" | "ml-logistic-regression";
export const ENGINES: readonly Engine[] = ["sparse", "ml-logistic-regression"];

export interface LogisticOptions {
  engine: Engine;
  /** L2 strength λ (sparse engine; intercept not penalized). */
  l2: number;
  /** Passes over the training rows; raised so that there are at least `minSteps` updates on small data. */
  epochs: number;
  minSteps: number;
  batchSize: number;
  learningRate: number;
  /** "balanced" class weights (sparse) / balanced undersampling (ml engine), or none. */
  classWeight: "balanced" | "none";
  /** ml-logistic-regression: gradient steps and learning rate. */
  mlSteps: number;
  mlLearningRate: number;
}

export const DEFAULT_LOGISTIC_OPTIONS: LogisticOptions = {
  engine: "sparse",
  l2: 1e-2,
  epochs: 12,
  minSteps: 400,
  batchSize: 128,
  learningRate: 0.01,
  classWeight: "balanced",
  mlSteps: 200,
  mlLearningRate: 5e-4,
};

/** A trained model: weights in standardized space (index 0 = intercept). */
export interface LogisticModel {
  weights: Float64Array;
  standardizer: Standardizer;
  /** P(y = 1) for the given rows of a matrix with the same columns. */
  predictProba(m: SparseMatrix, rows: ArrayLike<number>): Float64Array;
}

const sigmoid = (t: number) => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

export function trainLogistic(
  m: SparseMatrix,
  rows: ArrayLike<number>,
  y: ArrayLike<number>,
  st: Standardizer,
  rng: Rng,
  options: Partial<LogisticOptions> = {},
): LogisticModel {
  const o = { ...DEFAULT_LOGISTIC_OPTIONS, ...options };
  const w = o.engine === "sparse" ? trainSparse(m, rows, y, st, rng, o) : trainMl(m, rows, y, st, rng, o);
  return {
    weights: w,
    standardizer: st,
    predictProba: (mm, rr) => predictSparse(mm, rr, w, st),
  };
}

/** σ(w·z) for sparse rows with implicit standardization. */
export function predictSparse(m: SparseMatrix, rows: ArrayLike<number>, w: Float64Array, st: Standardizer): Float64Array {
  const ws = new Float64Array(m.cols); // ws[0] stays 0: the intercept is in `offset`
  let offset = w[0];
  for (let j = 1; j < m.cols; j++) {
    ws[j] = w[j] * st.scale[j];
    offset -= ws[j] * st.mean[j];
  }
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    let t = offset;
    for (let k = m.rowPtr[i], end = m.rowPtr[i + 1]; k < end; k++) t += ws[m.colIdx[k]] * m.values[k];
    out[r] = sigmoid(t);
  }
  return out;
}

function classWeights(rows: ArrayLike<number>, y: ArrayLike<number>, balanced: boolean): [number, number] {
  let n1 = 0;
  for (let r = 0; r < rows.length; r++) n1 += y[rows[r]] ? 1 : 0;
  const n0 = rows.length - n1;
  if (!balanced || n0 === 0 || n1 === 0) return [1, 1];
  return [rows.length / (2 * n0), rows.length / (2 * n1)];
}

function classWeightTotal(rows: ArrayLike<number>, y: ArrayLike<number>, c0: number, c1: number): number {
  let t = 0;
  for (let r = 0; r < rows.length; r++) t += y[rows[r]] ? c1 : c0;
  return t;
}

function trainSparse(
  m: SparseMatrix,
  rows: ArrayLike<number>,
  y: ArrayLike<number>,
  st: Standardizer,
  rng: Rng,
  o: LogisticOptions,
): Float64Array {
  const d = m.cols;
  const w = new Float64Array(d);
  const mAdam = new Float64Array(d);
  const vAdam = new Float64Array(d);
  const g = new Float64Array(d);
  const ws = new Float64Array(d);
  const [c0, c1] = classWeights(rows, y, o.classWeight === "balanced");
  const order = Int32Array.from(rows as ArrayLike<number>);
  // start the intercept at the weighted log-odds of the training labels (0 when balanced)
  let pos = 0;
  for (let r = 0; r < order.length; r++) pos += y[order[r]] ? c1 : 0;
  const neg = order.length === 0 ? 0 : classWeightTotal(order, y, c0, c1) - pos;
  if (pos > 0 && neg > 0) w[0] = Math.log(pos / neg);
  const batches = Math.max(1, Math.ceil(order.length / o.batchSize));
  const epochs = Math.max(o.epochs, Math.ceil(o.minSteps / batches));
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, rng);
    for (let start = 0; start < order.length; start += o.batchSize) {
      const end = Math.min(order.length, start + o.batchSize);
      // effective weights in raw space and the offset from the means
      let offset = w[0];
      for (let j = 1; j < d; j++) {
        ws[j] = w[j] * st.scale[j];
        offset -= ws[j] * st.mean[j];
      }
      g.fill(0);
      let errSum = 0;
      let weightSum = 0;
      for (let r = start; r < end; r++) {
        const i = order[r];
        let t = offset;
        for (let k = m.rowPtr[i], end = m.rowPtr[i + 1]; k < end; k++) t += ws[m.colIdx[k]] * m.values[k];
        const yi = y[i] ? 1 : 0;
        const c = yi ? c1 : c0;
        const e = c * (sigmoid(t) - yi);
        weightSum += c;
        errSum += e;
        for (let k = m.rowPtr[i], end = m.rowPtr[i + 1]; k < end; k++) g[m.colIdx[k]] += e * m.values[k];
      }
      // g_j = s_j (Σ e x_j − m_j Σ e) / Σc + λ w_j ; g_0 = Σ e / Σc
      step++;
      const lrT = (o.learningRate * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step);
      for (let j = 0; j < d; j++) {
        let gj: number;
        if (j === 0) gj = errSum / weightSum;
        else {
          if (st.scale[j] === 0) continue;
          gj = (st.scale[j] * (g[j] - st.mean[j] * errSum)) / weightSum + o.l2 * w[j];
        }
        mAdam[j] = beta1 * mAdam[j] + (1 - beta1) * gj;
        vAdam[j] = beta2 * vAdam[j] + (1 - beta2) * gj * gj;
        w[j] -= (lrT * mAdam[j]) / (Math.sqrt(vAdam[j]) + eps);
      }
    }
  }
  return w;
}

function trainMl(
  m: SparseMatrix,
  rows: ArrayLike<number>,
  y: ArrayLike<number>,
  st: Standardizer,
  rng: Rng,
  o: LogisticOptions,
): Float64Array {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const LogisticRegression = require("ml-logistic-regression") as new (opts: { numSteps: number; learningRate: number }) => {
    train(X: Matrix, Y: Matrix): void;
    classifiers: { weights: Matrix }[];
  };
  let train = Array.from(rows);
  if (o.classWeight === "balanced") train = undersample(train, y, rng);
  const X = new Matrix(standardizedDense(m, train, st));
  const Y = Matrix.columnVector(train.map((i) => (y[i] ? 1 : 0)));
  const lr = new LogisticRegression({ numSteps: o.mlSteps, learningRate: o.mlLearningRate });
  lr.train(X, Y);
  // one-vs-all relabels class 0 as 0 and everything else as 1, so classifier 0
  // scores P(y = 1) directly; with a single class present there is no model.
  const c0 = lr.classifiers[0];
  return c0 ? Float64Array.from(c0.weights.to1DArray()) : new Float64Array(m.cols);
}

/** Keep every minority row and an equally large seeded sample of the majority rows, in original order. */
export function undersample(rows: number[], y: ArrayLike<number>, rng: Rng): number[] {
  const pos = rows.filter((i) => y[i]);
  const neg = rows.filter((i) => !y[i]);
  const [minority, majority] = pos.length <= neg.length ? [pos, neg] : [neg, pos];
  if (minority.length === 0) return rows;
  const maj = Int32Array.from(majority);
  shuffleInPlace(maj, rng);
  const keep = new Set([...minority, ...maj.subarray(0, minority.length)]);
  return rows.filter((i) => keep.has(i));
}
