/**
 * What the figures read. Every part is optional: a model has only what its
 * files support, and a builder is asked for a figure only when its inputs exist.
 *
 * Sources (all JSON, written by other commands):
 *  - `results.json` of `vag reproduce` -> ReproduceResults;
 *  - `matrices.json` beside it (optional extension, documented here) -> Matrices:
 *    `{"heatmaps": {MODEL: {"task1_by_country": {COUNTRY: {VALUE: x}},
 *    "task2_by_country": ..., "task1_by_topic": {TOPIC: {VALUE: x}}, "task2_by_topic": ...}}}`
 *    where task1 = mean normalised stated inclination ((likert - 1) / 3, 0 = strongly agree)
 *    and task2 = share of negative (disagree) choices, both averaged over the
 *    scenarios of the country / topic;
 *  - `out/gap/results.json` of `vag gap` -> GapResults;
 *  - a run directory (task1.jsonl, task2.jsonl) -> Matrices computed from its records.
 */
export type ByName = Record<string, number>;
export type Grid = Record<string, ByName>;

export interface Scores {
  overall?: number;
  by_country?: ByName;
  by_topic?: ByName;
  /** 95% intervals; the exact sub-shape is read tolerantly by `scoreInterval`. */
  ci95?: unknown;
}

export interface ByAxis<T> {
  by_country?: Record<string, T>;
  by_topic?: Record<string, T>;
}

export interface Inconsistency {
  stated_disagree_acted_agree?: number;
  stated_agree_acted_disagree?: number;
  total?: number;
  share?: number;
}

export interface ModelResults {
  task1_agreement?: number;
  f1?: Scores;
  f1_inverted?: Scores;
  distance_group_mean?: ByAxis<ByName>;
  distance_cell_mean?: ByAxis<ByName>;
  ranking?: ByAxis<Array<[string, number]>>;
  inconsistency?: Inconsistency;
  /** Runs with counterbalanced Task 2 only (analysis/positionBias.ts). */
  position_bias?: { option1_share: number; order_consistency: number; pairs: number; answers: number };
  [key: string]: unknown;
}

export interface ClassifierScores {
  f1?: number;
  accuracy?: number;
  precision?: number;
  recall?: number;
  n?: number;
  [key: string]: unknown;
}

export interface ReproduceResults {
  simulated?: boolean;
  models?: Record<string, ModelResults>;
  task2_prompt_agreement?: ByName;
  gap_prediction_fewshot?: Record<string, Record<string, ClassifierScores>>;
  risk_counts?: ByName;
  [key: string]: unknown;
}

import type { ModelMatrices } from "../analysis/heatmapGrids";
export type { ModelMatrices };

export interface Matrices {
  simulated?: boolean;
  heatmaps?: Record<string, ModelMatrices>;
}

export interface GapExperiment {
  target?: string;
  label?: string;
  setting?: string;
  method?: string;
  n?: number;
  f1?: number;
  accuracy?: number;
  precision?: number;
  recall?: number;
  auc?: number | null;
  ci95?: { f1?: unknown; auc?: unknown; [key: string]: unknown };
}

/** One verdict of `vag gap` (src/gap/verdict.ts): does text help, against the best text-free baseline. */
export interface GapVerdict {
  target?: string;
  label?: string;
  n?: number;
  conclusion?: string;
  sentence?: string;
  bestTextFree?: { setting?: string; auc?: number | null; f1?: number } | null;
  bestWithText?: { setting?: string; auc?: number | null; f1?: number } | null;
  gain?: { auc?: number; f1?: number; ci95?: unknown; p?: number } | null;
}

export interface GapResults {
  simulated?: boolean;
  experiments?: GapExperiment[];
  verdicts?: GapVerdict[];
  top_features?: unknown;
}

/** Everything one `figures` / `report` call has, plus whether it is simulated. */
export interface FigureInputs {
  simulated: boolean;
  results?: ReproduceResults;
  matrices?: Matrices;
  gap?: GapResults;
}

export type Interval = [number, number];

/**
 * Read a 95% interval in any of the shapes producers use: `[lo, hi]`,
 * `{lo, hi}`, `{low, high}`, `{lower, upper}`. Anything else -> null.
 */
export function interval(x: unknown): Interval | null {
  let pair: unknown[] | null = null;
  if (Array.isArray(x) && x.length === 2) pair = x;
  else if (x && typeof x === "object") {
    const o = x as Record<string, unknown>;
    for (const [a, b] of [
      ["lo", "hi"],
      ["low", "high"],
      ["lower", "upper"],
    ]) {
      if (a in o && b in o) pair = [o[a], o[b]];
    }
  }
  if (!pair || !pair.every((v) => typeof v === "number" && Number.isFinite(v))) return null;
  return [pair[0] as number, pair[1] as number];
}

/**
 * The interval of one score inside `Scores.ci95`, tolerating the layouts
 * `ci95.by_country[C]`, `ci95[C]` and, for the overall score, `ci95.overall` or `ci95` itself.
 */
export function scoreInterval(scores: Scores | undefined, axis: "by_country" | "by_topic" | "overall", name?: string): Interval | null {
  const ci = scores?.ci95;
  if (!ci || typeof ci !== "object") return null;
  const o = ci as Record<string, unknown>;
  if (axis === "overall") return interval(o.overall) ?? interval(ci);
  const byAxis = o[axis];
  if (name !== undefined && byAxis && typeof byAxis === "object") {
    const hit = interval((byAxis as Record<string, unknown>)[name]);
    if (hit) return hit;
  }
  return name !== undefined ? interval(o[name]) : null;
}

/** Rows of a Grid in the given order, each as 56 cells in `columns` order (missing -> null). */
export function gridRows(grid: Grid, rows: readonly string[], columns: readonly string[]): (number | null)[][] {
  return rows.map((r) =>
    columns.map((c) => {
      const x = grid[r]?.[c];
      return typeof x === "number" && Number.isFinite(x) ? x : null;
    }),
  );
}
