/**
 * Binary classification scores with scikit-learn's conventions (the paper's
 * numbers were computed with sklearn): a ratio whose denominator is 0 is 0,
 * so F1 is 0 when neither truth nor prediction has a positive.
 */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/**
 * The confusion matrix of two equally long 0/1 (or boolean) vectors;
 * `positive` marks the positive class. With `weight`, row i counts w_i times
 * (a bootstrap resample's multiplicities; rows of weight 0 are skipped):
 *
 *   tp = Σ w_i [t_i = pos ∧ p_i = pos],  fp = Σ w_i [t_i ≠ pos ∧ p_i = pos],
 *   fn = Σ w_i [t_i = pos ∧ p_i ≠ pos],  tn = Σ w_i [t_i ≠ pos ∧ p_i ≠ pos]
 *
 * @example confusion([1, 1, 0, 0], [1, 0, 1, 0]) // { tp: 1, fp: 1, fn: 1, tn: 1 }
 * @example confusion([1, 0], [1, 1], 1, [2, 0]) // { tp: 2, fp: 0, fn: 0, tn: 0 }
 */
export function confusion(
  yTrue: ArrayLike<number | boolean>,
  yPred: ArrayLike<number | boolean>,
  positive: number | boolean = 1,
  weight?: ArrayLike<number>,
): Confusion {
  if (yTrue.length !== yPred.length) throw new RangeError(`length mismatch: ${yTrue.length} vs ${yPred.length}`);
  if (weight && weight.length !== yTrue.length) throw new RangeError(`length mismatch: ${yTrue.length} labels vs ${weight.length} weights`);
  const pos = Number(positive);
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < yTrue.length; i++) {
    const w = weight ? weight[i] : 1;
    if (w === 0) continue;
    const t = Number(yTrue[i]) === pos;
    const p = Number(yPred[i]) === pos;
    if (t && p) c.tp += w;
    else if (!t && p) c.fp += w;
    else if (t && !p) c.fn += w;
    else c.tn += w;
  }
  return c;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** precision = tp / (tp + fp), 0 when nothing was predicted positive. */
export const precision = (c: Confusion) => ratio(c.tp, c.tp + c.fp);
/** recall = tp / (tp + fn), 0 when there is no positive. */
export const recall = (c: Confusion) => ratio(c.tp, c.tp + c.fn);
/** F1 = 2tp / (2tp + fp + fn), 0 when tp + fp + fn = 0 (sklearn's zero_division=0). */
export const f1 = (c: Confusion) => ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);
/** accuracy = (tp + tn) / n. */
export const accuracy = (c: Confusion) => ratio(c.tp + c.tn, c.tp + c.tn + c.fp + c.fn);

/**
 * Cohen's kappa = (p_o − p_e) / (1 − p_e) with p_o the observed agreement and
 * p_e = ((tp+fp)(tp+fn) + (fn+tn)(fp+tn)) / n²; 0 when p_e = 1 (sklearn returns NaN there; we report 0 agreement beyond chance).
 */
export function cohenKappa(c: Confusion): number {
  const n = c.tp + c.fp + c.fn + c.tn;
  if (n === 0) return 0;
  const po = (c.tp + c.tn) / n;
  const pe = ((c.tp + c.fp) * (c.tp + c.fn) + (c.fn + c.tn) * (c.fp + c.tn)) / (n * n);
  return pe === 1 ? 0 : (po - pe) / (1 - pe);
}

/** All four scores at once. */
export function binaryScores(yTrue: ArrayLike<number | boolean>, yPred: ArrayLike<number | boolean>, positive: number | boolean = 1) {
  const c = confusion(yTrue, yPred, positive);
  return { f1: f1(c), accuracy: accuracy(c), precision: precision(c), recall: recall(c), n: yTrue.length, confusion: c };
}
