import { COUNTRIES, type Country } from "../catalog/countries";
import { TOPICS } from "../catalog/topics";
import type { Matrix } from "./matrix";

/**
 * Undecided cells (issue 10 item 4, design.md §8).
 *
 * Task 2 under counterbalanced option order asks each pair in both orders;
 * a pair whose two orders pick different actions (once the positive, once the
 * negative) was decided by position, not by the value: its acted inclination
 * is a = 1/2. More generally any cell with as many negative as positive
 * choices (replicates included) sits exactly on the cut. Such a cell is
 * neither agree nor disagree:
 *  - the binary measures (F1, accuracy, kappa, inconsistency) leave it out
 *    (binarize.ts returns NaN for a value on the cut under `robust`);
 *  - the distance measures keep a = 0.5 (half-way is what the model did);
 *  - it is counted and reported here.
 * The same holds under `robust` for a Task 1 cell whose variants' mean sits
 * exactly on the cut (v = 0.5, mean Likert 2.5). The `paper` protocol keeps
 * the authors' rule (x ≥ 0.5 → disagree) and never has such Task 2 cells:
 * its single option order gives a ∈ {0, 1}.
 */

export interface UndecidedCounts {
  /** Cells exactly on the cut. */
  count: number;
  /** Cells with a value (NaN = unanswered cells are not counted). */
  cells: number;
  /** count / cells (NaN when no cell has a value). */
  share: number;
}

export interface Undecided extends UndecidedCounts {
  byCountry: Record<Country, UndecidedCounts>;
  /** Per row (scenario): undecided cells and cells with a value, for resampling. */
  perRow: { count: Float64Array; cells: Float64Array };
}

/**
 * Cells of a matrix sitting exactly on the cut (default 0.5, on the
 * normalized scale):
 *
 *   undecided_i = #{k : x_ik = cut},  cells_i = #{k : x_ik present},
 *   share = Σ_i undecided_i / Σ_i cells_i    (overall; per country over its rows)
 *
 * For A (Task 2): pairs whose counterbalanced orders disagree. For V (Task 1,
 * robust): cells whose variants' mean Likert is exactly 2.5.
 * Per-country counts need the 132-row study layout; other shapes get only the totals and rows.
 *
 * @example
 * undecidedCells(fromRows([[0.5, 1, NaN], [0, 0.5, 0.5]])) // count 3, cells 5, share 0.6
 */
export function undecidedCells(m: Matrix, cut = 0.5): Undecided {
  const count = new Float64Array(m.rows);
  const cells = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const x = m.data[i * m.cols + j];
      if (Number.isNaN(x)) continue;
      cells[i]++;
      if (x === cut) count[i]++;
    }
  }
  const sum = (rows: ArrayLike<number>, from: number, to: number) => {
    let s = 0;
    for (let i = from; i < to; i++) s += rows[i];
    return s;
  };
  const counts = (from: number, to: number): UndecidedCounts => {
    const c = sum(count, from, to);
    const n = sum(cells, from, to);
    return { count: c, cells: n, share: n === 0 ? NaN : c / n };
  };
  const byCountry = {} as Record<Country, UndecidedCounts>;
  if (m.rows === COUNTRIES.length * TOPICS.length) {
    COUNTRIES.forEach((c, k) => (byCountry[c] = counts(k * TOPICS.length, (k + 1) * TOPICS.length)));
  }
  return { ...counts(0, m.rows), byCountry, perRow: { count, cells } };
}
