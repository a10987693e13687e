/** A mean with the number of finite values it was taken over. */
export interface Aggregate {
  value: number;
  n: number;
}

/**
 * Mean of the finite entries of `values` (optionally only at `indices`):
 *
 *   mean = (1/n) Σ_{i ∈ I, x_i finite} x_i,  n = |{i ∈ I : x_i finite}|
 *
 * NaN entries (e.g. a scenario with no usable cell under the robust protocol)
 * are left out and not counted; with n = 0 the value is NaN.
 *
 * @example aggregateMean([0.5, NaN, 1]) // { value: 0.75, n: 2 }
 */
export function aggregateMean(values: ArrayLike<number>, indices?: ArrayLike<number>): Aggregate {
  let sum = 0;
  let n = 0;
  const len = indices ? indices.length : values.length;
  for (let k = 0; k < len; k++) {
    const x = values[indices ? indices[k] : k];
    if (Number.isFinite(x)) {
      sum += x;
      n++;
    }
  }
  return { value: n === 0 ? NaN : sum / n, n };
}
