import { Matrix } from "ml-matrix";
import { shuffleInPlace, type Rng } from "../src/analysis/random";
import type { FeatureMatrix } from "../src/gap/features";
import type { Params, Predictor } from "../src/gap/predictors";

/**
 * The `ml-logistic-regression` engine (the library issue 5 named), kept for
 * comparison in the benchmark only, behind the same Predictor shape as the
 * default FTRL logistic model (src/gap/predictors.ts), so it can run through
 * the same nested CV: `evaluateTarget(..., settings)` with this predictor.
 *
 * Full-batch gradient ascent on a dense ml-matrix of standardized columns
 * (z = (x − mean)/sd from the training rows, sd = 0 → column off), no
 * regularization, no class weights, so the training rows are balanced by
 * seeded undersampling of the majority class. The library trains one-vs-all
 * (two classifiers for two classes) and builds a d×n transpose every step.
 */
export function mlLogisticPredictor(m: FeatureMatrix, y: ArrayLike<number>, steps: number, learningRate = 5e-4): Predictor {
  return {
    grid: [{ l2: 0, minCount: 1 }],
    fit(train: ArrayLike<number>, _p: Params, rng: Rng) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const LogisticRegression = require("ml-logistic-regression") as new (opts: { numSteps: number; learningRate: number }) => {
        train(X: Matrix, Y: Matrix): void;
        classifiers: { weights: Matrix }[];
      };
      const rows = undersample(Array.from(train), y, rng);
      const { mean, scale } = standardizer(m, rows);
      const X = new Matrix(rows.map((i) => denseStandardized(m, i, mean, scale)));
      const Y = Matrix.columnVector(rows.map((i) => (y[i] ? 1 : 0)));
      const lr = new LogisticRegression({ numSteps: steps, learningRate });
      lr.train(X, Y);
      // one-vs-all relabels class 0 as 0 and everything else as 1: classifier 0 scores P(y = 1)
      const w = lr.classifiers[0] ? Float64Array.from(lr.classifiers[0].weights.to1DArray()) : new Float64Array(m.cols);
      return {
        weights: w,
        predict: (test: ArrayLike<number>) => {
          const score = Float64Array.from(test, (i) => {
            const z = denseStandardized(m, i, mean, scale);
            let t = 0;
            for (let j = 0; j < z.length; j++) t += w[j] * z[j];
            return 1 / (1 + Math.exp(-t));
          });
          return { score, pred: Uint8Array.from(score, (s) => (s >= 0.5 ? 1 : 0)) };
        },
      };
    },
  };
}

function standardizer(m: FeatureMatrix, rows: readonly number[]): { mean: Float64Array; scale: Float64Array } {
  const sum = new Float64Array(m.cols);
  const sq = new Float64Array(m.cols);
  for (const i of rows)
    for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) {
      sum[m.colIdx[k]] += m.values[k];
      sq[m.colIdx[k]] += m.values[k] ** 2;
    }
  const mean = new Float64Array(m.cols);
  const scale = new Float64Array(m.cols);
  for (let j = 1; j < m.cols; j++) {
    const mu = sum[j] / rows.length;
    const sd = Math.sqrt(Math.max(0, sq[j] / rows.length - mu * mu));
    mean[j] = mu;
    scale[j] = sd > 1e-12 ? 1 / sd : 0;
  }
  scale[0] = 1;
  return { mean, scale };
}

function denseStandardized(m: FeatureMatrix, i: number, mean: Float64Array, scale: Float64Array): Float64Array {
  const z = new Float64Array(m.cols);
  for (let j = 1; j < m.cols; j++) z[j] = -mean[j] * scale[j];
  for (let k = m.rowPtr[i]; k < m.rowPtr[i + 1]; k++) {
    const j = m.colIdx[k];
    z[j] = (m.values[k] - mean[j]) * scale[j];
  }
  z[0] = 1;
  return z;
}

/** Every minority row and an equally large seeded sample of the majority rows, in original order. */
export function undersample(rows: number[], y: ArrayLike<number>, rng: Rng): number[] {
  const pos = rows.filter((i) => y[i]);
  const neg = rows.filter((i) => !y[i]);
  const [minority, majority] = pos.length <= neg.length ? [pos, neg] : [neg, pos];
  if (minority.length === 0) return rows;
  shuffleInPlace(majority, rng);
  const keep = new Set([...minority, ...majority.slice(0, minority.length)]);
  return rows.filter((i) => keep.has(i));
}
