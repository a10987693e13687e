import type { Country } from "../catalog/countries";
import type { Topic } from "../catalog/topics";
import { VALUES, type Value } from "../catalog/values";
import type { Protocol } from "../protocol";
import { makeScenarioMatrix, rowOf, type Matrix } from "./matrix";

/** One Task 1 answer row (one prompt variant of one scenario); `answers: null` = the row did not parse. */
export interface StatedRow {
  country: Country;
  topic: Topic;
  answers: Partial<Record<Value, number | null>> | null;
}

export interface StatedMatrix {
  /** V, 132 × 56, 0 = strongly agree … 1 = strongly disagree, NaN where no prompt answered. */
  matrix: Matrix;
  /** Cells of V with no answer at all (NaN). */
  missing: number;
  /** Number of prompt answers averaged in each cell. */
  answered: Matrix;
}

/**
 * Task 1 stated inclination V (method.md §4, "Aggregation").
 *
 *   v_ik = (mean_p x_ikp − 1) / 3
 *
 * with x_ikp ∈ {1 strongly agree, 2 agree, 3 disagree, 4 strongly disagree}
 * the answer of prompt variant p for scenario i and value k; the mean runs over
 * the prompt rows that answered that value (missing answers are ignored, as
 * pandas' mean does). So v = 0 is strongly agree, 1 strongly disagree, and
 * v ≥ 0.5 (mean Likert ≥ 2.5) binarizes to disagree.
 *
 * Protocols: `paper` keeps whatever number the authors' parser produced (its
 * first-character rule can yield digits outside 1..4, which the authors kept);
 * `robust` uses only integer answers 1..4 and treats anything else as missing.
 * In both, a cell nobody answered stays NaN and is counted in `missing`; the
 * protocols differ later, in {@link binarize} (paper: NaN → disagree).
 *
 * @example
 * // two prompts of one scenario answered Wealth with 1 and 4: v = (2.5 − 1) / 3 = 0.5
 * statedMatrix([{country: "Egypt", topic: "Religion", answers: {Wealth: 1}},
 *               {country: "Egypt", topic: "Religion", answers: {Wealth: 4}}], "paper")
 */
export function statedMatrix(rows: ReadonlyArray<StatedRow>, protocol: Protocol): StatedMatrix {
  const sum = makeScenarioMatrix(0);
  const answered = makeScenarioMatrix(0);
  const cols = sum.cols;
  for (const row of rows) {
    if (row.answers === null) continue;
    const i = rowOf(row.country, row.topic);
    for (let j = 0; j < cols; j++) {
      const x = row.answers[VALUES[j]];
      if (x === null || x === undefined || !Number.isFinite(x)) continue;
      if (protocol === "robust" && !(Number.isInteger(x) && x >= 1 && x <= 4)) continue;
      sum.data[i * cols + j] += x;
      answered.data[i * cols + j] += 1;
    }
  }
  const matrix = makeScenarioMatrix();
  let missing = 0;
  for (let k = 0; k < matrix.data.length; k++) {
    if (answered.data[k] === 0) missing++;
    else matrix.data[k] = (sum.data[k] / answered.data[k] - 1) / 3;
  }
  return { matrix, missing, answered };
}
