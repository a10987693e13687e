import type { Rng } from "../analysis/random";
import type { FeatureMatrix } from "./features";
import { DEFAULT_LOGISTIC_OPTIONS, fitLogistic, predictLogistic, type LogisticOptions, type LogisticParams } from "./logistic";

/**
 * One shape for every predictor, so baselines and the logistic model go
 * through the same nested cross-validation (evaluate.ts): a grid of
 * candidate hyper-parameters (one candidate = nothing to tune) and a fit on
 * training rows that returns a model scoring any rows. Scores rank (AUC);
 * `pred` is the 0/1 decision (F1).
 */
export type Params = LogisticParams;

export interface Model {
  predict(rows: ArrayLike<number>): { score: Float64Array; pred: Uint8Array };
  /** Logistic weights by column (index 0 = intercept), for the top-features table. */
  weights?: Float64Array;
}

export interface Predictor {
  readonly grid: readonly Params[];
  /** `tuning`: a fit that only ranks grid candidates in the inner CV (may be cheaper). */
  fit(train: ArrayLike<number>, params: Params, rng: Rng, tuning?: boolean): Model;
}

const NO_PARAMS: readonly Params[] = [{ l2: 0, minCount: 1 }];

function trainRate(y: ArrayLike<number>, train: ArrayLike<number>): number {
  let pos = 0;
  for (let r = 0; r < train.length; r++) pos += y[train[r]] ? 1 : 0;
  return train.length ? pos / train.length : 0;
}

/** The training fold's majority class for every row; the score is the constant ½ in every fold (it ranks nothing: pooled AUC 0.5). */
export function majorityPredictor(y: ArrayLike<number>): Predictor {
  return {
    grid: NO_PARAMS,
    fit(train) {
      const rate = trainRate(y, train);
      return { predict: (rows) => ({ score: new Float64Array(rows.length).fill(0.5), pred: new Uint8Array(rows.length).fill(rate > 0.5 ? 1 : 0) }) };
    },
  };
}

/** Stratified random: 1 with the training fold's base rate; u ~ U(0,1) seeded, pred = u < rate, score = 1 − u. */
export function stratifiedRandomPredictor(y: ArrayLike<number>): Predictor {
  return {
    grid: NO_PARAMS,
    fit(train, _params, rng) {
      const rate = trainRate(y, train);
      return {
        predict: (rows) => {
          const score = new Float64Array(rows.length);
          const pred = new Uint8Array(rows.length);
          for (let r = 0; r < rows.length; r++) {
            const u = rng.next();
            pred[r] = u < rate ? 1 : 0;
            score[r] = 1 - u;
          }
          return { score, pred };
        },
      };
    },
  };
}

/** Default grids: L2 always; the minimum count only where there is text (one-hot columns are never rare enough to matter). */
export const L2_GRID: readonly number[] = [1, 10];
export const MIN_COUNT_GRID: readonly number[] = [1, 3];

export function logisticGrid(text: boolean, l2: readonly number[] = L2_GRID, minCount: readonly number[] = MIN_COUNT_GRID): Params[] {
  return (text ? minCount : [1]).flatMap((mc) => l2.map((v) => ({ l2: v, minCount: mc })));
}

/** The logistic model (logistic.ts) on a feature matrix; P ≥ 0.5 predicts 1 (class weights balance the threshold). */
export function logisticPredictor(m: FeatureMatrix, y: ArrayLike<number>, grid: readonly Params[], options: Partial<LogisticOptions> = {}): Predictor {
  const o = { ...DEFAULT_LOGISTIC_OPTIONS, ...options };
  return {
    grid,
    fit(train, params, rng, tuning = false) {
      const w = fitLogistic(m, train, y, params, rng, tuning ? { ...o, epochs: o.tuningEpochs } : o);
      return {
        weights: w,
        predict: (rows) => {
          const score = predictLogistic(m, rows, w);
          return { score, pred: Uint8Array.from(score, (s) => (s >= 0.5 ? 1 : 0)) };
        },
      };
    },
  };
}
