import type { Figure, Trace } from "./figure";
import { chartLayout, errorBars } from "./chartLayout";
import type { InconsistencyJson } from "../results/schema";
import { interval } from "./results";

/**
 * Cross-task inconsistency counts (paper Table 4) as stacked bars per model,
 * over the binarised 132 x 56 cells (method.md §6.4). The two parts are named
 * by what they are: "stated disagree, acted agree" (Task 1 = disagree, Task 2
 * chose the positive action) and "stated agree, acted disagree". The paper
 * prints them under swapped "(A,D)" / "(D,A)" headers; these labels do not
 * depend on that notation. The share of all cells is written above each bar,
 * the stored 95% interval of the total (crossed bootstrap) is its error bar.
 */
export interface ModelInconsistency {
  model: string;
  counts: InconsistencyJson;
}

export const INCONSISTENCY_LABELS = {
  stated_disagree_acted_agree: "stated disagree, acted agree",
  stated_agree_acted_disagree: "stated agree, acted disagree",
} as const;

export function inconsistencyBars(models: readonly ModelInconsistency[], opts: { note?: string } = {}): Figure {
  const x = models.map((m) => m.model);
  const totals = models.map((m) => m.counts.total);
  const part = (k: keyof typeof INCONSISTENCY_LABELS, colour: string, top = false): Trace => ({
    type: "bar",
    name: INCONSISTENCY_LABELS[k],
    x,
    y: models.map((m) => m.counts[k] ?? null),
    marker: { color: colour },
    hovertemplate: `%{x}<br>${INCONSISTENCY_LABELS[k]}: %{y}<extra></extra>`,
    // On the top segment of a stack, an error bar sits at the total: the interval of the total.
    ...(top ? { error_y: errorBars(totals, models.map((m) => interval(m.counts.ci95?.total))) } : {}),
  });
  const max = Math.max(1, ...totals, ...models.map((m) => interval(m.counts.ci95?.total)?.[1] ?? 0));
  const layout = chartLayout({
    title: `Value-action inconsistencies per model${opts.note ?? ""}`,
    subtitle: "cells where the binarised stated inclination (Task 1) and action choice (Task 2) differ; error bars: 95% CI of the total",
    width: Math.max(700, 200 + models.length * 110),
    height: 520,
    xTitle: "Model",
    yTitle: "Inconsistent cells",
  });
  layout.barmode = "stack";
  (layout.yaxis as Record<string, unknown>).range = [0, max * 1.15];
  layout.annotations = models.map((m, i) => ({
    x: m.model,
    y: totals[i],
    text: `${totals[i]}${typeof m.counts.share === "number" ? ` (${(m.counts.share * 100).toFixed(1)}%)` : ""}`,
    yshift: 14,
    showarrow: false,
    yanchor: "bottom",
    font: { size: 12 },
  }));
  return { data: [part("stated_disagree_acted_agree", "#c3553a"), part("stated_agree_acted_disagree", "#407e9c", true)], layout };
}
