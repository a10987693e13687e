import type { Country } from "../catalog/countries";
import type { Topic } from "../catalog/topics";
import { VALUE_INDEX, type Value } from "../catalog/values";
import type { Protocol } from "../protocol";
import { makeScenarioMatrix, rowOf, type Matrix } from "./matrix";

/** One Task 2 choice; `chosenPolarity: null` = no usable choice. */
export interface ActedChoice {
  country: Country;
  topic: Topic;
  value: Value;
  chosenPolarity: "positive" | "negative" | null;
}

export interface ActedMatrix {
  /** A, 132 × 56: share of choices of the negative action (0 = agree, 1 = disagree). */
  matrix: Matrix;
  /** Cells with no usable choice (filled with 0 under `paper`, NaN under `robust`). */
  missing: number;
  /** Number of usable choices averaged in each cell. */
  answered: Matrix;
}

/**
 * Task 2 acted inclination A (method.md §5, "Mapping back to inclination").
 *
 *   a_ik = (1/n_ik) Σ_r [choice_ikr = negative action]
 *
 * i.e. choosing the positive action maps to 0 (agree) and the negative one to
 * 1 (disagree); with several choices for one cell (counterbalanced option
 * orders, replicates) the cell is their mean. The authors' normalization
 * (min-max with bounds 0 and 1) is the identity, so it is not repeated here.
 *
 * Missing cells (no usable choice): `paper` sets them to 0 = agree, as the
 * authors' pivot did (method.md §5, §12 item 10: 63 cells for most models,
 * 198 for GPT-4o-mini); `robust` leaves them NaN. Both count them in `missing`.
 *
 * Note: the GPT-4o-mini published file stores the non-chosen action; undo
 * that when importing, so `chosenPolarity` here is always the chosen one.
 *
 * @example
 * // one cell answered positive once and negative once: a = 0.5
 * actedMatrix([{country: "Egypt", topic: "Religion", value: "Wealth", chosenPolarity: "positive"},
 *              {country: "Egypt", topic: "Religion", value: "Wealth", chosenPolarity: "negative"}], "robust")
 */
export function actedMatrix(choices: ReadonlyArray<ActedChoice>, protocol: Protocol): ActedMatrix {
  const negatives = makeScenarioMatrix(0);
  const answered = makeScenarioMatrix(0);
  const cols = negatives.cols;
  for (const c of choices) {
    if (c.chosenPolarity === null) continue;
    const i = rowOf(c.country, c.topic);
    const j = VALUE_INDEX[c.value];
    if (j === undefined) throw new RangeError(`unknown value "${c.value}"`);
    if (c.chosenPolarity === "negative") negatives.data[i * cols + j] += 1;
    answered.data[i * cols + j] += 1;
  }
  const fill = protocol === "paper" ? 0 : NaN;
  const matrix = makeScenarioMatrix(fill);
  let missing = 0;
  for (let k = 0; k < matrix.data.length; k++) {
    if (answered.data[k] === 0) missing++;
    else matrix.data[k] = negatives.data[k] / answered.data[k];
  }
  return { matrix, missing, answered };
}
