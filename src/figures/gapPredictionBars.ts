import type { Figure, Trace } from "./figure";
import { chartLayout, errorBars } from "./chartLayout";
import { modelColour } from "./palette";
import type { Interval } from "./results";

/**
 * Gap prediction (paper App. F, Table 14 and our own predictors): F1 per
 * input setting, one bar series per method, grouped by target model when
 * there are several (a two-level x axis), with 95% CI error bars where known.
 * The few-shot settings of the paper (default, attribution, ...) and the
 * feature settings of src/gap/settings.ts (action, action+attribution, ...)
 * are the same four inputs and share one label (Act, Act+Attr, Act+Exp, All);
 * they appear in that order, then any others in first-seen order. Only
 * (target, setting) slots with at least one bar are drawn.
 */
export interface GapBar {
  target: string;
  /** What is predicted ("choice", "gap"); bars of one chart share it. */
  label?: string;
  setting: string;
  method: string;
  f1: number;
  ci?: Interval | null;
}

/** The paper's names of the settings (method.md §8), for both vocabularies. */
export const SETTING_LABEL: Record<string, string> = {
  default: "Act",
  action: "Act",
  attribution: "Act+Attr",
  "action+attribution": "Act+Attr",
  explanation: "Act+Exp",
  "action+explanation": "Act+Exp",
  attribution_explanation: "All",
  "action+attribution+explanation": "All",
  "target-explanation": "Act+target's Exp",
};

const LABEL_ORDER = ["Act", "Act+Attr", "Act+Exp", "All", "Act+target's Exp"];

export function gapPredictionBars(bars: readonly GapBar[], opts: { note?: string; label?: string } = {}): Figure {
  const label = (s: string) => SETTING_LABEL[s] ?? s;
  const settings = orderLabels(bars.map((b) => label(b.setting)));
  const targets = unique(bars.map((b) => b.target));
  const methods = unique(bars.map((b) => b.method));
  const multi = targets.length > 1;
  const find = (t: string, s: string, method: string) => bars.find((b) => b.target === t && label(b.setting) === s && b.method === method);
  const slots = targets.flatMap((t) => settings.filter((s) => methods.some((m) => find(t, s, m))).map((s) => [t, s] as const));
  const x = multi ? [slots.map(([t]) => t), slots.map(([, s]) => s)] : slots.map(([, s]) => s);
  const data: Trace[] = methods.map((method, i) => {
    const hit = slots.map(([t, s]) => find(t, s, method));
    const y = hit.map((b) => (b && Number.isFinite(b.f1) ? b.f1 : null));
    return {
      type: "bar",
      name: method,
      x,
      y,
      marker: { color: modelColour(i + 4) },
      error_y: errorBars(y, hit.map((b) => b?.ci ?? null)),
      // Values on the bars while they are wide enough to hold them.
      ...(methods.length <= 3 ? { texttemplate: "%{y:.3f}", textposition: "inside", insidetextanchor: "start", textfont: { color: "white", size: 11 } } : {}),
      hovertemplate: `${method}<br>%{x}: F1 %{y:.3f}<extra></extra>`,
    };
  });
  const layout = chartLayout({
    title: `Gap prediction${opts.label ? ` (label: ${opts.label})` : ""}: F1 by input setting${opts.note ?? ""}`,
    subtitle: multi ? "grouped by target model; error bars = 95% CI where available" : `target: ${targets[0] ?? "-"}; error bars = 95% CI where available`,
    // Capped so the chart stays readable at paper width; plotly narrows the bars.
    width: Math.min(1600, Math.max(720, 200 + slots.length * Math.max(70, 18 * methods.length + 24))),
    height: 520,
    xTitle: "Input setting",
    yTitle: "F1",
    margin: { b: multi ? 110 : 80 },
  });
  (layout.yaxis as Record<string, unknown>).range = [0, 1];
  Object.assign(layout.xaxis as object, multi ? { type: "multicategory", tickangle: 0 } : { type: "category", tickangle: 0 });
  layout.barmode = "group";
  // Keep the legend even for one method: it is the only place that names it.
  layout.showlegend = true;
  return { data, layout };
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

function orderLabels(xs: readonly string[]): string[] {
  const u = unique(xs);
  return [...LABEL_ORDER.filter((s) => u.includes(s)), ...u.filter((s) => !LABEL_ORDER.includes(s))];
}
