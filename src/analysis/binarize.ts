import type { Protocol } from "../protocol";
import type { Matrix } from "./matrix";

/**
 * Binary inclination of a normalized score (method.md §4, §6.1):
 *
 *   b(x) = 0 (agree)     if x < 0.5
 *          1 (disagree)  if x ≥ 0.5
 *
 * A missing score (NaN) becomes 1 under `paper` — the authors' comparison
 * `x < 0.5` is false for NaN — and stays NaN under `robust`.
 *
 * @example
 * binarize(0.49, "paper") // 0
 * binarize(0.5, "paper")  // 1
 * binarize(NaN, "paper")  // 1
 * binarize(NaN, "robust") // NaN
 */
export function binarize(x: number, protocol: Protocol): number {
  if (Number.isNaN(x)) return protocol === "paper" ? 1 : NaN;
  return x < 0.5 ? 0 : 1;
}

/** {@link binarize} applied to every cell; returns a new matrix. */
export function binarizeMatrix(m: Matrix, protocol: Protocol): Matrix {
  const data = new Float64Array(m.data.length);
  for (let k = 0; k < data.length; k++) data[k] = binarize(m.data[k], protocol);
  return { rows: m.rows, cols: m.cols, data };
}
