/**
 * Exact McNemar test of two classifiers scored on the SAME items:
 *
 *   b = #(A correct, B wrong),  c = #(A wrong, B correct)
 *   under H0 (equal accuracy) b ~ Binomial(b + c, ½), so, two-sided,
 *   p = min(1, 2 · Σ_{k=0}^{min(b,c)} C(b+c, k) / 2^{b+c}),   p = 1 when b + c = 0.
 *
 * Only the discordant items count; agreements carry no information about
 * which classifier is better.
 *
 * @example mcnemarExact([1,1,1,0,0,0,0,0], [0,1,1,1,1,1,1,1]) // b = 1, c = 5, p = 2·(1 + 6)/64 = 0.21875
 */
export interface McNemarResult {
  /** Items only A got right. */
  b: number;
  /** Items only B got right. */
  c: number;
  p: number;
}

export function mcnemarExact(aCorrect: ArrayLike<number | boolean>, bCorrect: ArrayLike<number | boolean>): McNemarResult {
  if (aCorrect.length !== bCorrect.length) throw new RangeError(`paired outcomes differ in length: ${aCorrect.length} vs ${bCorrect.length}`);
  let b = 0;
  let c = 0;
  for (let i = 0; i < aCorrect.length; i++) {
    const a = Boolean(aCorrect[i]);
    const z = Boolean(bCorrect[i]);
    if (a && !z) b++;
    else if (!a && z) c++;
  }
  const n = b + c;
  if (n === 0) return { b, c, p: 1 };
  // binomial terms C(n, k)/2^n built multiplicatively; 2^-n stays a normal double for n ≤ 1022
  let term = Math.pow(0.5, n);
  let tail = 0;
  for (let k = 0; k <= Math.min(b, c); k++) {
    tail += term;
    term *= (n - k) / (k + 1);
  }
  return { b, c, p: Math.min(1, 2 * tail) };
}
