import type { Protocol } from "../protocol";
import type { Matrix } from "./matrix";

/** How a missing (NaN) score binarizes: as the authors (disagree) or left missing. */
export type MissingRule = "paper-defaults" | "missing";

/**
 * Binary inclination of a normalized score (method.md §4, §6.1):
 *
 *   b(x) = 0 (agree)     if x < cut
 *          1 (disagree)  if x ≥ cut         (cut = 0.5: mean Likert 2.5)
 *
 * `paper` keeps the authors' rule exactly: a missing score (NaN) becomes 1 —
 * their comparison `x < 0.5` is false for NaN — and a score on the cut is
 * disagree. `robust`: a missing score stays NaN, and a score exactly on the
 * cut is undecided (NaN): a counterbalanced Task 2 pair whose two orders
 * picked different actions (a = 0.5), or a Task 1 cell whose variants' mean
 * sits on the cut (analysis/undecided.ts). The binary measures leave NaN
 * cells out.
 *
 * `cut` moves the threshold (sensitivity analysis, on the normalized scale:
 * Likert L ↦ (L − 1)/3); `missing` overrides the protocol's missing rule.
 *
 * @example
 * binarize(0.49, "paper") // 0
 * binarize(0.5, "paper")  // 1
 * binarize(0.5, "robust") // NaN (undecided)
 * binarize(NaN, "paper")  // 1
 * binarize(NaN, "robust") // NaN
 */
export function binarize(x: number, protocol: Protocol, cut = 0.5, missing?: MissingRule): number {
  if (Number.isNaN(x)) return (missing ?? (protocol === "paper" ? "paper-defaults" : "missing")) === "paper-defaults" ? 1 : NaN;
  if (protocol === "robust" && x === cut) return NaN;
  return x < cut ? 0 : 1;
}

/** {@link binarize} applied to every cell; returns a new matrix. */
export function binarizeMatrix(m: Matrix, protocol: Protocol, cut = 0.5, missing?: MissingRule): Matrix {
  const data = new Float64Array(m.data.length);
  for (let k = 0; k < data.length; k++) data[k] = binarize(m.data[k], protocol, cut, missing);
  return { rows: m.rows, cols: m.cols, data };
}
