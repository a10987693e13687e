import type { Protocol } from "../protocol";
import { binarize } from "./binarize";
import { assertSameShape, type Matrix } from "./matrix";

/** Cross-task inconsistency counts (paper Table 4) with correct labels. */
export interface Inconsistency {
  /** #(T1 = 1 disagree and T2 = 0 chose the positive action): says disagree, acts agree. */
  stated_disagree_acted_agree: number;
  /** #(T1 = 0 agree and T2 = 1 chose the negative action): says agree, acts disagree. */
  stated_agree_acted_disagree: number;
  total: number;
  /** Cells compared: 7,392 = 132 × 56 under paper; fewer under robust when cells are missing. */
  cells: number;
  /** total / cells. */
  share: number;
}

/**
 * Where the paper prints each count (method.md §6.4, §12 item 4). Table 4's
 * header defines "(A,D)" as stated agree / acted disagree, but the numbers
 * printed under "(A,D)" are X = #(T1 disagree, T2 agree), and those under
 * "(D,A)" are Y = #(T1 agree, T2 disagree): the columns are swapped relative
 * to the paper's own definition. (Checks: the Llama notebook prints 802/284
 * for exactly these masks; GPT-3.5's printed "(A,D)" = 36 is impossible under
 * the stated definition given its 2.5% disagree rate.) So, to compare with the
 * printed table, put `stated_disagree_acted_agree` under "(A,D)" and
 * `stated_agree_acted_disagree` under "(D,A)".
 */
export const PAPER_COLUMN_OF = {
  stated_disagree_acted_agree: "(A,D)",
  stated_agree_acted_disagree: "(D,A)",
} as const;

/**
 * Inconsistency counts over all binarized cells (t = b(v), p = b(a), 1 = disagree):
 *
 *   X = #{(i,k): t_ik = 1, p_ik = 0},  Y = #{(i,k): t_ik = 0, p_ik = 1},
 *   total = X + Y,  share = total / cells.
 *
 * `paper`: every cell counts (NaN in V binarizes to disagree, cells = 7,392).
 * `robust`: cells with V or A missing are left out of the counts and of `cells`.
 *
 * @example
 * // V = [[0.9, 0.1, 0.7]] → t = [1,0,1]; A = [[0, 1, 1]] → p = [0,1,1]
 * inconsistency(V, A, "paper") // X = 1, Y = 1, total = 2, cells = 3, share = 2/3
 */
export function inconsistency(V: Matrix, A: Matrix, protocol: Protocol): Inconsistency {
  assertSameShape(V, A);
  let x = 0;
  let y = 0;
  let cells = 0;
  for (let k = 0; k < V.data.length; k++) {
    const t = binarize(V.data[k], protocol);
    const p = binarize(A.data[k], protocol);
    if (Number.isNaN(t) || Number.isNaN(p)) continue;
    cells++;
    if (t === 1 && p === 0) x++;
    else if (t === 0 && p === 1) y++;
  }
  const total = x + y;
  return {
    stated_disagree_acted_agree: x,
    stated_agree_acted_disagree: y,
    total,
    cells,
    share: cells === 0 ? NaN : total / cells,
  };
}
