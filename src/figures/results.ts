import type { MatricesJson, ModelResultsJson, ResultsJson, ScoresJson } from "../results/schema";
import type { GapResults } from "./schemas";

/**
 * What the figures read, typed by the one results.json schema (src/results/schema.ts):
 *  - `results.json` of `vag reproduce` / `vag analyze` -> ResultsJson;
 *  - `matrices.json` beside it -> MatricesJson (heatmap grids per model);
 *  - `out/gap/results.json` of `vag gap` -> GapResults (figures/schemas.ts).
 * The builders draw what they are given; no measure is computed here.
 */
export type { MatricesJson, ModelResultsJson, ResultsJson, ScoresJson };

/** Row name (country or topic) -> value -> number; missing or null cells are drawn empty. */
export type Grid = Record<string, Partial<Record<string, number | null>>>;

/** Everything one `figures` / `report` call has, plus whether it is simulated. */
export interface FigureInputs {
  simulated: boolean;
  results?: ResultsJson;
  matrices?: MatricesJson;
  gap?: GapResults;
}

export type Interval = [number, number];

/** A stored `[lo, hi]` as an Interval when both ends are finite numbers, else null. */
export function interval(x: readonly (number | null)[] | null | undefined): Interval | null {
  if (!x || x.length !== 2) return null;
  const [lo, hi] = x;
  return typeof lo === "number" && typeof hi === "number" && Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : null;
}

/** The 95% interval of one aggregate of a score: `ci95.overall`, `ci95.by_country[name]` or `ci95.by_topic[name]`. */
export function scoreInterval(scores: ScoresJson | undefined, axis: "by_country" | "by_topic" | "overall", name?: string): Interval | null {
  const ci = scores?.ci95;
  if (!ci) return null;
  if (axis === "overall") return interval(ci.overall);
  const byAxis: Partial<Record<string, readonly (number | null)[]>> | undefined = ci[axis];
  return name === undefined ? null : interval(byAxis?.[name]);
}

/** Rows of a Grid in the given order, each as cells in `columns` order (missing -> null). */
export function gridRows(grid: Grid, rows: readonly string[], columns: readonly string[]): (number | null)[][] {
  return rows.map((r) =>
    columns.map((c) => {
      const x = grid[r]?.[c];
      return typeof x === "number" && Number.isFinite(x) ? x : null;
    }),
  );
}
