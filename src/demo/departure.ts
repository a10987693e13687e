import { binarize } from "../analysis/binarize";
import { rowOf, type Matrix } from "../analysis/matrix";
import { VALUE_INDEX, type Value } from "../catalog";
import type { GroundTruth } from "../sim/respondent";

/**
 * Observed departure share: over Task 2 choices whose cell has a stated
 * inclination, the share whose chosen polarity contradicts the binarized
 * stated one,
 *
 *   d = #{choices c : [c = negative] ≠ b(v_cell)} / #{choices with v_cell known}.
 *
 * On the simulator this is what the planted gap should produce, so it is
 * compared with the ground truth's expected departure (mean pDepart of the
 * same cells) to show the analysis recovers what was planted.
 */
export function observedDeparture(
  V: Matrix,
  choices: ReadonlyArray<{ country: string; topic: string; value: Value; chosenPolarity: "positive" | "negative" | null }>,
): { share: number; n: number } {
  let n = 0;
  let departs = 0;
  for (const c of choices) {
    if (c.chosenPolarity === null) continue;
    const v = V.data[rowOf(c.country, c.topic) * V.cols + VALUE_INDEX[c.value]];
    if (!Number.isFinite(v)) continue;
    const stated = binarize(v, "robust");
    // A stated mean exactly on the cut is undecided: it can be neither kept nor departed from.
    if (Number.isNaN(stated)) continue;
    n++;
    if ((c.chosenPolarity === "negative" ? 1 : 0) !== stated) departs++;
  }
  return { share: n === 0 ? NaN : departs / n, n };
}

/**
 * The simulator's expected departure over the cells of these choices (mean
 * pDepart, one term per choice). A position-biased cell answers "Option 1" in
 * both counterbalanced orders, i.e. each action once: it departs in half its
 * choices whatever it states, so it counts 0.5.
 */
export function expectedDeparture(
  truth: GroundTruth,
  choices: ReadonlyArray<{ country: string; topic: string; value: Value; chosenPolarity: "positive" | "negative" | null }>,
): number {
  let sum = 0;
  let n = 0;
  for (const c of choices) {
    if (c.chosenPolarity === null) continue;
    const cell = truth.cells[rowOf(c.country, c.topic) * 56 + VALUE_INDEX[c.value]];
    sum += cell.positionBiased ? 0.5 : cell.pDepart;
    n++;
  }
  return n === 0 ? NaN : sum / n;
}
