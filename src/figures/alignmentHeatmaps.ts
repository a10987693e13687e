import { COUNTRIES, TOPICS, TOPIC_SHORT_LABEL, VALUES, type Topic } from "../catalog";
import type { Figure } from "./figure";
import { gridRows, type Grid } from "./results";
import { valueHeatmap } from "./valueHeatmap";

/**
 * The paper's three heatmaps per model (Figs 4 and 7-10), by country (12 x 56,
 * full country names) or by topic (11 x 56, the paper's short topic labels):
 *  (A) Task 1: mean normalised stated inclination, (likert - 1) / 3, 0 = strongly agree;
 *  (B) Task 2: share of negative (disagree) choices;
 *  (C) alignment distance. The paper's figures use |mean v - mean a| per
 *      country/topic (method.md §6.2, code form); the scale is fitted to the data.
 * Rows follow catalog order and only rows present in the grid are drawn.
 */
export type Axis = "country" | "topic";

export interface HeatmapOptions {
  /** Appended to the title, e.g. " (simulated)". */
  note?: string;
  /** What the distance grid holds, for its colour-bar title. */
  distanceForm?: "group mean" | "cell mean";
}

const AXIS_WORD: Record<Axis, string> = { country: "country", topic: "social topic" };

/** Present row keys in catalog order, and their display labels. */
export function axisRows(axis: Axis, grid: Grid): { keys: string[]; labels: string[] } {
  const all: readonly string[] = axis === "country" ? COUNTRIES : TOPICS;
  const keys = all.filter((k) => grid[k] !== undefined);
  const labels = keys.map((k) => (axis === "topic" ? TOPIC_SHORT_LABEL[k as Topic] : k));
  return { keys, labels };
}

function build(model: string, axis: Axis, grid: Grid, what: string, colorbarTitle: string, quantity: string, zmax: number | "auto", note = ""): Figure {
  const { keys, labels } = axisRows(axis, grid);
  return valueHeatmap({
    title: `${model}: ${what} by ${AXIS_WORD[axis]}${note}`,
    rows: labels,
    z: gridRows(grid, keys, VALUES),
    colorbarTitle,
    quantity,
    zmin: 0,
    zmax,
  });
}

/** (A) Task 1 stated inclination, colour scale fixed to [0, 1]. */
export function task1Heatmap(model: string, axis: Axis, grid: Grid, opts: HeatmapOptions = {}): Figure {
  return build(model, axis, grid, "Task 1 stated inclination", "stated inclination<br>0 = agree, 1 = disagree", "stated inclination", 1, opts.note);
}

/** (B) Task 2 share of negative choices, colour scale fixed to [0, 1]. */
export function task2Heatmap(model: string, axis: Axis, grid: Grid, opts: HeatmapOptions = {}): Figure {
  return build(model, axis, grid, "Task 2 action choice", "share of negative actions<br>0 = agree, 1 = disagree", "share negative", 1, opts.note);
}

/** (C) Alignment distance, colour scale from 0 to the largest cell (as the paper's auto-scaled figure). */
export function distanceHeatmap(model: string, axis: Axis, grid: Grid, opts: HeatmapOptions = {}): Figure {
  const form = opts.distanceForm === "cell mean" ? "mean |v - a|" : "|mean v - mean a|";
  return build(model, axis, grid, "alignment distance", `distance ${form}<br>0 = aligned`, "distance", "auto", opts.note);
}
