import { COUNTRIES, TOPICS, VALUES } from "../catalog";
import { aggregateMean } from "./aggregate";
import { ROWS_OF_COUNTRY, ROWS_OF_TOPIC, type Matrix } from "./matrix";

/** Row name (country or topic) -> value -> number. */
export type Grid = Record<string, Record<string, number>>;

/** The four heatmap grids of one model; each present only when its matrix is. */
export interface ModelMatrices {
  task1_by_country?: Grid;
  task2_by_country?: Grid;
  task1_by_topic?: Grid;
  task2_by_topic?: Grid;
}

/**
 * The heatmap inputs of one model (`matrices.json` beside results.json, read by
 * src/figures: see figures/results.ts) from the 132 x 56 study matrices V (Task 1) and A (Task 2):
 *
 *   task1_by_country[C][k] = mean_{i in C} v_ik     (12 x 56; by topic: 11 x 56)
 *   task2_by_country[C][k] = mean_{i in C} a_ik
 *
 * means over the scenarios where the cell is present (NaN skipped); a
 * country/topic with no present cell is left out. Either matrix may be null.
 *
 * @example
 * // write matrices.json beside results.json:
 * // { heatmaps: { "gpt-4o-mini": modelMatrices(V, A) } }
 */
export function modelMatrices(V: Matrix | null, A: Matrix | null): ModelMatrices {
  const out: ModelMatrices = {};
  if (V) {
    out.task1_by_country = groupMeans(V, "country");
    out.task1_by_topic = groupMeans(V, "topic");
  }
  if (A) {
    out.task2_by_country = groupMeans(A, "country");
    out.task2_by_topic = groupMeans(A, "topic");
  }
  return out;
}

/** Mean of each value over the scenarios of each country (or topic). */
export function groupMeans(m: Matrix, axis: "country" | "topic"): Grid {
  const names: readonly string[] = axis === "country" ? COUNTRIES : TOPICS;
  const rowsOf = (axis === "country" ? ROWS_OF_COUNTRY : ROWS_OF_TOPIC) as Record<string, Int32Array>;
  const out: Grid = {};
  for (const name of names) {
    const row: Record<string, number> = {};
    VALUES.forEach((v, j) => {
      const mean = aggregateMean(Array.from(rowsOf[name], (i) => m.data[i * m.cols + j]));
      if (mean.n > 0) row[v] = mean.value;
    });
    if (Object.keys(row).length > 0) out[name] = row;
  }
  return out;
}
