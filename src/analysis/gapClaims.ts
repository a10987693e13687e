import { COUNTRIES, type Country } from "../catalog/countries";
import { TOPICS } from "../catalog/topics";
import { VALUES, type Value } from "../catalog/values";
import { assertSameShape, assertScenarioMatrix, type Matrix } from "./matrix";
import { benjaminiHochberg } from "./multipleTesting";
import { pairedTest } from "./paired";

/** One (country, value) cell with its test. */
export interface GapClaim {
  country: Country;
  value: Value;
  /** Group-mean distance |mean_t v − mean_t a| over the country's topics (the figures' form). */
  distance: number;
  /** mean_t (v − a): positive = states more disagreement than it acts. */
  diff: number;
  /** Two-sided exact sign-flip p over the country's topics (H0: stated and acted agree on average). */
  p: number;
  /** Benjamini–Hochberg q over all tested (country, value) cells. */
  q: number;
  /** Topics with both v and a. */
  n: number;
}

/**
 * Per-(country × value) gap claims with multiple-testing control (issue 10
 * item 8, design.md §8). For country c and value k the topics are the shared
 * units: d_t = v_ctk − a_ctk over the 11 topics,
 *
 *   distance = |mean_t d_t|  (= the group-mean distance of the heatmaps),
 *   p        = exact two-sided sign-flip test of mean_t d_t = 0 (2^11 patterns; analysis/paired.ts),
 *   q        = Benjamini–Hochberg over all 12 × 56 cells with a p.
 *
 * Returned largest distance first (ties in catalog order), so "the largest
 * gaps" are the first entries and `q ≤ 0.05` says which of them survive the
 * 672 simultaneous claims. The smallest exact p with 11 topics is 2/2048,
 * so a cell needs a consistent sign in (nearly) every topic to survive.
 *
 * @example gapClaims(V, A).filter((g) => g.q <= 0.05).slice(0, 10)
 */
export function gapClaims(V: Matrix, A: Matrix): GapClaim[] {
  assertScenarioMatrix(V, "V");
  assertScenarioMatrix(A, "A");
  assertSameShape(V, A);
  const nt = TOPICS.length;
  const v = new Float64Array(nt);
  const a = new Float64Array(nt);
  const out: GapClaim[] = [];
  COUNTRIES.forEach((country, c) => {
    VALUES.forEach((value, k) => {
      for (let t = 0; t < nt; t++) {
        v[t] = V.data[(c * nt + t) * V.cols + k];
        a[t] = A.data[(c * nt + t) * A.cols + k];
      }
      // The p-value needs only the sign flips; no interval is reported per cell.
      const r = pairedTest(v, a, { seed: 0, resamples: 1, permutations: 2 ** nt, scheme: "topics" });
      out.push({ country, value, distance: Math.abs(r.diff), diff: r.diff, p: r.p, q: NaN, n: r.n });
    });
  });
  const q = benjaminiHochberg(out.map((g) => g.p));
  out.forEach((g, i) => (g.q = q[i]));
  const order = out.map((_, i) => i);
  order.sort((x, y) => {
    const dx = out[x].distance;
    const dy = out[y].distance;
    if (Number.isNaN(dx) !== Number.isNaN(dy)) return Number.isNaN(dx) ? 1 : -1;
    return dy - dx || x - y;
  });
  return order.map((i) => out[i]);
}
