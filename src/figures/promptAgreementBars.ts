import type { Figure, Trace } from "./figure";
import { chartLayout, errorBars } from "./chartLayout";

/**
 * Prompt agreement per model (paper Table 8): Task 1 = share of the 8 prompt
 * variants that agree with the per-cell mode (binarised); Task 2 = the
 * paper's measure, which is really a positive-choice rate over 8 variants
 * (method.md §6.5). A model may have only one of the two.
 */
export interface ModelAgreement {
  model: string;
  task1?: number | null;
  task2?: number | null;
  /** 95% intervals (Task 1: scenarios resampled; Task 2: the 50 items), drawn as error bars. */
  task1Ci?: [number, number] | null;
  task2Ci?: [number, number] | null;
}

export function promptAgreementBars(models: readonly ModelAgreement[], opts: { note?: string } = {}): Figure {
  const x = models.map((m) => m.model);
  const series = (name: string, key: "task1" | "task2", colour: string): Trace => {
    const y = models.map((m) => (typeof m[key] === "number" && Number.isFinite(m[key]) ? (m[key] as number) : null));
    return {
      type: "bar",
      name,
      x,
      y,
      error_y: errorBars(y, models.map((m) => m[`${key}Ci`] ?? null)),
      marker: { color: colour },
      text: models.map((m) => (typeof m[key] === "number" ? (m[key] as number).toFixed(3) : "")),
      textposition: "outside",
      cliponaxis: false,
      hovertemplate: `%{x}<br>${name}: %{y:.3f}<extra></extra>`,
    };
  };
  const layout = chartLayout({
    title: `Prompt agreement${opts.note ?? ""}`,
    subtitle: "Task 1: agreement with the mode over 8 prompts; Task 2: positive-choice rate over 8 prompts (paper measure); error bars: 95% CI where stored",
    width: Math.max(760, 200 + models.length * 120),
    height: 500,
    xTitle: "Model",
    yTitle: "Agreement",
  });
  (layout.yaxis as Record<string, unknown>).range = [0, 1.08];
  layout.barmode = "group";
  return { data: [series("Task 1 (stated)", "task1", "#407e9c"), series("Task 2 (action)", "task2", "#c3553a")], layout };
}
