import { percentileInterval as percentile, resampleCounts } from "../analysis/bootstrap";
import { accuracy, confusion, f1, precision, recall } from "../analysis/classification";
import { rocAuc, sortedOrder } from "./auc";
import type { Rng } from "../analysis/random";

/**
 * Scores of one predictor on its (out-of-fold) predictions, with seeded
 * percentile-bootstrap 95% CIs. F1/precision/recall/accuracy follow sklearn
 * (src/analysis/classification.ts), positive class = label 1; AUC is rank based
 * (auc.ts) and null when it is undefined (one class only, or no scores).
 */
export type Scores = {
  n: number;
  f1: number;
  accuracy: number;
  precision: number;
  recall: number;
  auc: number | null;
};

export type Interval = [number, number];

export function scorePredictions(y: ArrayLike<number>, pred: ArrayLike<number>, score: ArrayLike<number> | null): Scores {
  const c = confusion(y, pred);
  return { n: y.length, f1: f1(c), accuracy: accuracy(c), precision: precision(c), recall: recall(c), auc: score ? rocAuc(y, score) : null };
}

/** The 95% percentile interval (analysis/bootstrap.ts), null when nothing was resampled. */
const percentileInterval = (values: number[]): Interval | null => (values.length === 0 ? null : percentile(values, 0.95));

/**
 * 95% CIs of F1 and AUC by resampling the test predictions B times (seeded).
 * AUC replicates where a class is missing are skipped.
 */
export function bootstrapCi(
  y: ArrayLike<number>,
  pred: ArrayLike<number>,
  score: ArrayLike<number> | null,
  B: number,
  rng: Rng,
): { f1: Interval | null; auc: Interval | null } {
  const n = y.length;
  if (n === 0) return { f1: null, auc: null };
  const order = score ? sortedOrder(score) : null;
  const w = new Float64Array(n);
  const f1s: number[] = [];
  const aucs: number[] = [];
  for (let b = 0; b < B; b++) {
    resampleCounts(n, rng, w);
    f1s.push(f1(confusion(y, pred, 1, w)));
    if (score && order) {
      const a = rocAuc(y, score, w, order);
      if (a !== null) aucs.push(a);
    }
  }
  return { f1: percentileInterval(f1s), auc: score ? percentileInterval(aucs) : null };
}
